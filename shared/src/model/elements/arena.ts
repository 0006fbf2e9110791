/**
 * Arenas: framed areas where actors meet (a network meeting, a team, a joint project). An arena groups
 * elements through their `arena` field and carries them when it moves. Arenas do not nest: a frame inside
 * a frame would make "move the arena" ambiguous and is not something circles asked for. New arenas go to
 * the back of the stacking order so that they frame rather than cover.
 */
import { OTHER_KIND } from '../types.js'
import type { ElementSpec } from './elementBase.js'

/** The arena type. */
export const arenaSpec: ElementSpec = {
  type: 'arena',
  kinds: [OTHER_KIND],
  defaultSize: { w: 480, h: 320 },
  canBeInArena: false,
}
