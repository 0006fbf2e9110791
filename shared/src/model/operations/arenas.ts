/**
 * Arenas as groups: putting elements into an arena and taking them out (the `arena` field), moving an arena
 * with its members, and listing members. Arenas do not nest (see `elements/arena.ts`).
 */
import type * as Y from 'yjs'
import { checkContext, edit, nowOf, stampUpdate, type EditContext } from '../context.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { readElement } from '../elements/element.js'
import { dependantsOf, idList, mapsOf, requireElement } from './access.js'
import { checkArena, moveElements } from './elements.js'

/** Ids of the valid elements in arena `arenaId`, in no particular order. */
export function arenaMembers(doc: Y.Doc, arenaId: string): string[] {
  const maps = mapsOf(doc)
  return dependantsOf(maps, 'arena', arenaId).filter((id) => readElement(id, maps.elements.get(id)).ok)
}

/** Puts elements into an arena (an element is in at most one: this moves it out of any other). */
export function addToArena(doc: Y.Doc, ids: readonly string[], arenaId: string, ctx: EditContext): void {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const targets = idList(ids).map((id) => {
    const found = requireElement(maps, id)
    checkArena(maps, arenaId, found.data.type, id)
    return found.map
  })
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const map of targets) {
      map.set('arena', arenaId)
      stampUpdate(map, ctx, at)
    }
  })
}

/** Takes elements out of whatever arena holds them. */
export function removeFromArena(doc: Y.Doc, ids: readonly string[], ctx: EditContext): void {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const targets = idList(ids)
    .map((id) => requireElement(maps, id))
    .filter((found) => found.data.arena !== null)
  if (targets.length === 0) return
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const { map } of targets) {
      map.set('arena', null)
      stampUpdate(map, ctx, at)
    }
  })
}

/** Moves an arena and its members by `dx`, `dy` in one transaction. */
export function moveArena(doc: Y.Doc, arenaId: string, dx: number, dy: number, ctx: EditContext): void {
  const { data } = requireElement(mapsOf(doc), arenaId)
  if (data.type !== 'arena') throw new ModelError(ModelErrorCode.wrongTarget, `'${arenaId}' is not an arena`)
  moveElements(doc, [arenaId], { dx, dy }, ctx, { carryMembers: true })
}
