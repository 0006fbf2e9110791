/**
 * Barriers: obstacles to integration (silos, rules, missing mandate). A note type of its own so analysis
 * can find what `hinders` what. No subtypes: kind `other`.
 */
import { OTHER_KIND } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The barrier type. */
export const barrierSpec: ElementSpec = {
  type: 'barrier',
  kinds: [OTHER_KIND],
  defaultSize: { w: 160, h: 100 },
  canBeInArena: true,
}
