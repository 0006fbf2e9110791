/**
 * Operations that change what an element is rather than where: type, kind, colour, tags, organisation.
 * Changing what an element is can break what others say about it (a former organisation named as `org`,
 * a former arena holding members); those references are cleared in the same transaction, so the board
 * never holds a relation that `readBoard` would have to drop.
 */
import type * as Y from 'yjs'
import type { ElementType } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { show } from '../fields.js'
import { checkContext, edit, nowOf, stampUpdate, type EditContext } from '../context.js'
import { ELEMENT_SPECS, isElementType, isKindOf } from '../elements/element.js'
import { COLOR_PATTERN, normaliseTags, tagProblems } from '../elements/elementBase.js'
import { ORGANISATION_KIND } from '../elements/actor.js'
import type { BoardMaps } from '../writeBoard.js'
import { dependantsOf, idList, mapsOf, refuse, requireElement } from './access.js'
import { checkOrg } from './elements.js'

/** Clears `field` on every element that names `id` there (inside the caller's transaction). */
function clearReferences(
  maps: BoardMaps,
  field: 'org' | 'arena',
  id: string,
  ctx: EditContext,
  at: number,
): void {
  for (const other of dependantsOf(maps, field, id)) {
    const map = maps.elements.get(other) as Y.Map<unknown>
    map.set(field, null)
    stampUpdate(map, ctx, at)
  }
}

/**
 * Changes an element's type. The kind is kept when the new type allows it, else it becomes the new type's
 * default; an element that stops being an organisation or an arena releases what referred to it; an
 * element that becomes an arena leaves its own arena (arenas do not nest).
 */
export function changeElementType(doc: Y.Doc, id: string, type: ElementType, ctx: EditContext): void {
  checkContext(ctx)
  if (!isElementType(type)) refuse([`type ${show(type)} is not an element type`])
  const maps = mapsOf(doc)
  const { map, data } = requireElement(maps, id)
  if (data.type === type) return
  const kind = isKindOf(type, data.kind) ? data.kind : (ELEMENT_SPECS[type].kinds[0] as string)
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    // Type and kind are always written together: when two people change them at once, Yjs picks one
    // writer for both keys, so the merged pair is one person's and always valid.
    map.set('type', type)
    map.set('kind', kind)
    if (data.type === 'actor' && data.kind === ORGANISATION_KIND && kind !== ORGANISATION_KIND) {
      clearReferences(maps, 'org', id, ctx, at)
    }
    if (data.type === 'arena') clearReferences(maps, 'arena', id, ctx, at)
    if (!ELEMENT_SPECS[type].canBeInArena && data.arena !== null) map.set('arena', null)
    stampUpdate(map, ctx, at)
  })
}

/** Changes an element's kind (must be a kind of its type); a former organisation releases its members. */
export function changeElementKind(doc: Y.Doc, id: string, kind: string, ctx: EditContext): void {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const { map, data } = requireElement(maps, id)
  if (!isKindOf(data.type, kind)) refuse([`kind ${show(kind)} is not a kind of ${data.type}`])
  if (data.kind === kind) return
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    map.set('type', data.type) // written with the kind, see changeElementType
    map.set('kind', kind)
    if (data.kind === ORGANISATION_KIND) clearReferences(maps, 'org', id, ctx, at)
    stampUpdate(map, ctx, at)
  })
}

/** Sets the colour of elements (`null`: the type's colour). */
export function setElementColor(
  doc: Y.Doc,
  ids: readonly string[],
  color: string | null,
  ctx: EditContext,
): void {
  checkContext(ctx)
  if (color !== null && (typeof color !== 'string' || !COLOR_PATTERN.test(color))) {
    refuse([`color ${show(color)} is not a colour`])
  }
  const maps = mapsOf(doc)
  const targets = idList(ids).map((id) => requireElement(maps, id).map)
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const map of targets) {
      map.set('color', color)
      stampUpdate(map, ctx, at)
    }
  })
}

/** Replaces an element's tags (trimmed, duplicates dropped). */
export function setElementTags(doc: Y.Doc, id: string, tags: readonly string[], ctx: EditContext): void {
  checkContext(ctx)
  refuse(tagProblems(tags))
  const { map } = requireElement(mapsOf(doc), id)
  edit(doc, ctx, () => {
    map.set('tags', normaliseTags(tags))
    stampUpdate(map, ctx)
  })
}

/** Assigns elements to an organisation actor (`null`: to none). */
export function assignOrganisation(
  doc: Y.Doc,
  ids: readonly string[],
  org: string | null,
  ctx: EditContext,
): void {
  checkContext(ctx)
  if (org !== null && typeof org !== 'string') refuse(['org must be an id or null'])
  const maps = mapsOf(doc)
  const targets = idList(ids).map((id) => {
    checkOrg(maps, org, id)
    return requireElement(maps, id).map
  })
  if (org !== null && targets.length === 0)
    throw new ModelError(ModelErrorCode.invalidInput, 'no elements given')
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const map of targets) {
      map.set('org', org)
      stampUpdate(map, ctx, at)
    }
  })
}
