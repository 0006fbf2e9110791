/**
 * Duplicating a selection: new ids, offset, on top of everything in the same relative order; links whose
 * two ends are both duplicated are duplicated too, and references inside the selection (`org`, `arena`)
 * point at the copies. Duplicating an arena duplicates its members, as duplicating a frame does in Miro.
 */
import type * as Y from 'yjs'
import type { ElementData, LinkData } from '../types.js'
import { checkContext, createdStamp, edit, newIdOf, type EditContext } from '../context.js'
import { insertElement } from '../elements/element.js'
import { insertLink, readLink } from '../links.js'
import { toPlain } from '../fields.js'
import { keysAfter, compareStacking } from '../zOrder.js'
import {
  checkCoordinate,
  dependantsOf,
  idList,
  mapsOf,
  refuse,
  requireElement,
  requireObject,
  validElements,
} from './access.js'

/** How far copies land from their originals by default (board units): visibly apart, still near. */
export const DUPLICATE_OFFSET = 24

/** Duplicates elements; returns a map from each original id to its copy's id. */
export function duplicateElements(
  doc: Y.Doc,
  ids: readonly string[],
  ctx: EditContext,
  offset: { readonly dx: number; readonly dy: number } = { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET },
): Map<string, string> {
  checkContext(ctx)
  requireObject(offset, 'the offset')
  const problems: string[] = []
  checkCoordinate('dx', offset.dx, problems)
  checkCoordinate('dy', offset.dy, problems)
  refuse(problems)
  const maps = mapsOf(doc)
  const chosen = new Set(idList(ids))
  for (const id of [...chosen]) {
    if (requireElement(maps, id).data.type === 'arena') {
      for (const member of dependantsOf(maps, 'arena', id)) chosen.add(member)
    }
  }
  const all = validElements(maps)
  const originals = [...chosen].map((id) => requireElement(maps, id).data).sort(compareStacking)
  const copies = new Map<string, string>()
  for (const el of originals) copies.set(el.id, newIdOf(ctx))
  const keys = keysAfter(
    [...all.values()].map((e) => e.data.z),
    originals.length,
  )
  const stamp = createdStamp(ctx)
  const newElements: ElementData[] = originals.map((el, i) => ({
    ...el,
    id: copies.get(el.id) as string,
    x: el.x + offset.dx,
    y: el.y + offset.dy,
    org: el.org !== null ? (copies.get(el.org) ?? el.org) : null,
    arena: el.arena !== null ? (copies.get(el.arena) ?? el.arena) : null,
    z: keys[i] as string,
    tags: [...el.tags],
    ...stamp,
    extra: structuredCopy(el.extra),
  }))
  for (const el of newElements) checkCoordinate(`x of '${el.id}'`, el.x, problems)
  for (const el of newElements) checkCoordinate(`y of '${el.id}'`, el.y, problems)
  refuse(problems)
  const newLinks: LinkData[] = []
  for (const [id, value] of maps.links.entries()) {
    const result = readLink(id, value)
    if (!result.ok) continue
    const link = result.value
    const from = copies.get(link.from)
    const to = copies.get(link.to)
    if (from !== undefined && to !== undefined) {
      newLinks.push({ ...link, id: newIdOf(ctx), from, to, ...stamp, extra: structuredCopy(link.extra) })
    }
  }
  edit(doc, ctx, () => {
    for (const el of newElements) insertElement(maps.elements, el)
    for (const link of newLinks) insertLink(maps.links, link)
  })
  return copies
}

function structuredCopy(extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return toPlain(extra) as Record<string, unknown>
}
