/**
 * The kind a new link gets from the types of its ends, following the vocabulary of DESIGN.md: an actor
 * provides a resource, a resource contributes to a value outcome, resources integrate with each other,
 * actors collaborate, a barrier hinders. The person can change it right after (the link kind picker).
 */
import type { ElementType, LinkKind } from '@circleboard/shared'

/** The most likely kind for a link from an element of type `from` to one of type `to`. */
export function defaultLinkKind(from: ElementType, to: ElementType): LinkKind {
  if (from === 'barrier' || to === 'barrier') return 'hinders'
  if (from === 'actor' && to === 'resource') return 'provides'
  if (from === 'resource' && to === 'value') return 'contributes'
  if (from === 'resource' && to === 'resource') return 'integrates'
  if (from === 'actor' && to === 'actor') return 'collaborates'
  if (from === 'actor' && to === 'value') return 'contributes'
  return 'relates'
}
