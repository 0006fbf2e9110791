/**
 * Resources: what actors bring. Operant resources (knowledge, competence, mandate, network) act on
 * others; operand ones (funding, time, facilities, data, systems) are acted upon; `other` is last so that
 * it is never the default.
 */
import { OPERANT_RESOURCE_KINDS, RESOURCE_KINDS } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The resource type: default kind `knowledge`. */
export const resourceSpec: ElementSpec = {
  type: 'resource',
  kinds: RESOURCE_KINDS,
  defaultSize: { w: 180, h: 72 },
  canBeInArena: true,
}

const OPERANT: ReadonlySet<string> = new Set(OPERANT_RESOURCE_KINDS)

/** `operant`, `operand`, or `null` for `other` (the research distinction the legend and analysis use). */
export function resourceClass(kind: string): 'operant' | 'operand' | null {
  if (OPERANT.has(kind)) return 'operant'
  return kind === 'other' || !RESOURCE_KINDS.includes(kind as never) ? null : 'operand'
}
