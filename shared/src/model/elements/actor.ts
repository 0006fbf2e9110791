/**
 * Actors: who takes part. Organisations (the four authorities, an association, a school), roles within
 * them (coordinator, case officer), people or groups, and the service user. A role's `org` points at its
 * organisation, which is how analysis answers "which organisation feeds this value".
 */
import { ACTOR_KINDS } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The actor type: default kind `organization`. */
export const actorSpec: ElementSpec = {
  type: 'actor',
  kinds: ACTOR_KINDS,
  // Wide enough for "Regional healthcare (primary care and psychiatry)" on two lines.
  defaultSize: { w: 200, h: 80 },
  canBeInArena: true,
}

/** The kind an actor must have for other elements to name it as their `org`. */
export const ORGANISATION_KIND = 'organization'
