/**
 * Operations on links: connect two elements, reconnect one end, relabel, change kind, delete. Both ends
 * must be valid elements of the board and differ (no self-links; see `links.ts`). Any two element types
 * may be linked: the kinds suggest a reading ("actor provides resource") but people draw what they see,
 * and analysis interprets.
 */
import type * as Y from 'yjs'
import type { LinkData, LinkKind } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { checkContext, createdStamp, edit, newIdOf, stampUpdate, type EditContext } from '../context.js'
import { MAX_LABEL_LENGTH } from '../elements/elementBase.js'
import { insertLink, isLinkKind } from '../links.js'
import { replaceText, show } from '../fields.js'
import { isValidId } from '../ids.js'
import { idList, mapsOf, refuse, requireElement, requireLink, requireObject } from './access.js'
import type { BoardMaps } from '../writeBoard.js'
import { applyDeltaToLabel, labelText, type TextDeltaOp } from './elements.js'

/** What `connect` needs. */
export interface NewLink {
  readonly from: string
  readonly to: string
  readonly kind: LinkKind
  readonly label?: string
  /** Default: from the context's id generator. */
  readonly id?: string
}

function checkEnds(maps: BoardMaps, from: string, to: string): void {
  if (typeof from !== 'string' || typeof to !== 'string') refuse(['from and to must be element ids'])
  if (from === to) throw new ModelError(ModelErrorCode.selfLink, `a link from '${from}' to itself`)
  requireElement(maps, from)
  requireElement(maps, to)
}

function checkLabel(label: unknown): void {
  if (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH) {
    refuse([`label must be a string of at most ${MAX_LABEL_LENGTH} characters`])
  }
}

/** Links two elements; returns the link's id. */
export function connect(doc: Y.Doc, input: NewLink, ctx: EditContext): string {
  checkContext(ctx)
  requireObject(input, 'the new link')
  if (!isLinkKind(input.kind)) refuse([`kind ${show(input.kind)} is not a link kind`])
  const label = input.label ?? ''
  checkLabel(label)
  const id = input.id ?? newIdOf(ctx)
  if (!isValidId(id)) refuse([`id ${show(id)} is not a valid id`])
  const maps = mapsOf(doc)
  if (maps.links.has(id)) throw new ModelError(ModelErrorCode.idTaken, `link id '${id}' is taken`)
  checkEnds(maps, input.from, input.to)
  const link: LinkData = {
    id,
    from: input.from,
    to: input.to,
    kind: input.kind,
    label,
    ...createdStamp(ctx),
    extra: {},
  }
  edit(doc, ctx, () => insertLink(maps.links, link))
  return id
}

/** Moves one end of a link to another element. */
export function reconnectLink(
  doc: Y.Doc,
  id: string,
  end: 'from' | 'to',
  element: string,
  ctx: EditContext,
): void {
  checkContext(ctx)
  if (end !== 'from' && end !== 'to') refuse([`end must be 'from' or 'to'`])
  const maps = mapsOf(doc)
  const { map, data } = requireLink(maps, id)
  const from = end === 'from' ? element : data.from
  const to = end === 'to' ? element : data.to
  checkEnds(maps, from, to)
  edit(doc, ctx, () => {
    map.set(end, element)
    stampUpdate(map, ctx)
  })
}

/** Replaces a link's label (as the smallest edit). */
export function relabelLink(doc: Y.Doc, id: string, label: string, ctx: EditContext): void {
  checkContext(ctx)
  checkLabel(label)
  const { map } = requireLink(mapsOf(doc), id)
  edit(doc, ctx, () => {
    replaceText(labelText(map), label)
    stampUpdate(map, ctx)
  })
}

/** Applies a text delta to a link's label (what a collaborative text editor emits). */
export function applyLinkLabelDelta(
  doc: Y.Doc,
  id: string,
  delta: readonly TextDeltaOp[],
  ctx: EditContext,
): void {
  checkContext(ctx)
  applyDeltaToLabel(doc, requireLink(mapsOf(doc), id).map, delta, ctx)
}

/** Changes a link's kind. */
export function setLinkKind(doc: Y.Doc, id: string, kind: LinkKind, ctx: EditContext): void {
  checkContext(ctx)
  if (!isLinkKind(kind)) refuse([`kind ${show(kind)} is not a link kind`])
  const { map, data } = requireLink(mapsOf(doc), id)
  if (data.kind === kind) return
  edit(doc, ctx, () => {
    map.set('kind', kind)
    stampUpdate(map, ctx)
  })
}

/** Deletes links; ids already gone are skipped. Returns the ids deleted. */
export function deleteLinks(doc: Y.Doc, ids: readonly string[], ctx: EditContext): string[] {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const doomed = idList(ids).filter((id) => maps.links.has(id))
  if (doomed.length > 0) edit(doc, ctx, () => doomed.forEach((id) => maps.links.delete(id)))
  return doomed
}
