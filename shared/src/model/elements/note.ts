/**
 * Notes: free text on the board (a question, a reflection, a lane header). No subtypes: kind `other`.
 */
import { OTHER_KIND } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The note type. */
export const noteSpec: ElementSpec = {
  type: 'note',
  kinds: [OTHER_KIND],
  // Square like a sticky note, with room for a sentence or two.
  defaultSize: { w: 160, h: 160 },
  canBeInArena: true,
}
