/**
 * Operations on elements: add, move, resize, relabel, delete. Each validates all of its input against the
 * current document first (throwing a `ModelError`, writing nothing), then writes in one transaction with
 * the context's origin and stamps provenance.
 */
import * as Y from 'yjs'
import type { ElementData, ElementType } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import {
  checkContext,
  createdStamp,
  edit,
  newIdOf,
  nowOf,
  stampUpdate,
  type EditContext,
} from '../context.js'
import { ELEMENT_SPECS, insertElement, isElementType, isKindOf, readElement } from '../elements/element.js'
import {
  COLOR_PATTERN,
  ELEMENT_FIELDS,
  MAX_LABEL_LENGTH,
  normaliseTags,
  tagProblems,
} from '../elements/elementBase.js'
import { ORGANISATION_KIND } from '../elements/actor.js'
import { extraProblems, replaceText, show } from '../fields.js'
import { isValidId } from '../ids.js'
import { isOrderKey, keysAfter, keysBefore } from '../zOrder.js'
import {
  checkCoordinate,
  checkSize,
  dependantsOf,
  idList,
  mapsOf,
  refuse,
  requireArray,
  requireElement,
  requireObject,
  storedZKeys,
} from './access.js'
import type { BoardMaps } from '../writeBoard.js'

/** What `addElement` needs; everything but `type`, `x` and `y` has a default. */
export interface NewElement {
  readonly type: ElementType
  /** Default: the type's first kind. */
  readonly kind?: string
  readonly x: number
  readonly y: number
  /** Default: the type's size. */
  readonly w?: number
  readonly h?: number
  readonly label?: string
  readonly org?: string | null
  readonly arena?: string | null
  readonly color?: string | null
  readonly tags?: readonly string[]
  /** Default: on top (arenas: at the back, so that they frame rather than cover). */
  readonly z?: string
  /** Default: from the context's id generator. */
  readonly id?: string
  /** Unknown fields to keep (an import from a newer version). */
  readonly extra?: Readonly<Record<string, unknown>>
}

/**
 * Throws unless `org` may be the organisation of element `id`: an existing organisation actor other than
 * the element itself (or `null`).
 */
export function checkOrg(maps: BoardMaps, org: string | null, id: string | null): void {
  if (org === null) return
  if (org === id)
    throw new ModelError(ModelErrorCode.wrongTarget, 'an element cannot be its own organisation')
  const target = requireElement(maps, org).data
  if (target.type !== 'actor' || target.kind !== ORGANISATION_KIND) {
    throw new ModelError(ModelErrorCode.wrongTarget, `'${org}' is not an organisation actor`)
  }
}

/** Throws unless an element of `type` may sit in `arena` (an existing arena; arenas do not nest). */
export function checkArena(
  maps: BoardMaps,
  arena: string | null,
  type: ElementType,
  id: string | null,
): void {
  if (arena === null) return
  if (!ELEMENT_SPECS[type].canBeInArena || arena === id) {
    throw new ModelError(ModelErrorCode.wrongTarget, `an element of type ${type} cannot be in an arena`)
  }
  const target = requireElement(maps, arena).data
  if (target.type !== 'arena') throw new ModelError(ModelErrorCode.wrongTarget, `'${arena}' is not an arena`)
}

/** Adds an element and returns its id. */
export function addElement(doc: Y.Doc, input: NewElement, ctx: EditContext): string {
  checkContext(ctx)
  requireObject(input, 'the new element')
  const maps = mapsOf(doc)
  const problems: string[] = []
  if (!isElementType(input.type)) refuse([`type ${show(input.type)} is not an element type`])
  const spec = ELEMENT_SPECS[input.type]
  const kind = input.kind ?? (spec.kinds[0] as string)
  if (!isKindOf(input.type, kind)) problems.push(`kind ${show(kind)} is not a kind of ${input.type}`)
  checkCoordinate('x', input.x, problems)
  checkCoordinate('y', input.y, problems)
  const w = input.w ?? spec.defaultSize.w
  const h = input.h ?? spec.defaultSize.h
  checkSize('w', w, problems)
  checkSize('h', h, problems)
  const label = input.label ?? ''
  if (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH) {
    problems.push(`label must be a string of at most ${MAX_LABEL_LENGTH} characters`)
  }
  const color = input.color ?? null
  if (color !== null && (typeof color !== 'string' || !COLOR_PATTERN.test(color)))
    problems.push('color is not a colour')
  const tags = input.tags ?? []
  problems.push(...tagProblems(tags))
  if (input.z !== undefined && !isOrderKey(input.z)) problems.push('z is not a fractional index')
  if (input.extra !== undefined) problems.push(...extraProblems(input.extra, ELEMENT_FIELDS))
  const id = input.id ?? newIdOf(ctx)
  if (!isValidId(id)) problems.push(`id ${show(id)} is not a valid id`)
  refuse(problems)
  if (maps.elements.has(id)) throw new ModelError(ModelErrorCode.idTaken, `element id '${id}' is taken`)
  const org = input.org ?? null
  const arena = input.arena ?? null
  if (org !== null && typeof org !== 'string') refuse(['org must be an id or null'])
  if (arena !== null && typeof arena !== 'string') refuse(['arena must be an id or null'])
  checkOrg(maps, org, id)
  checkArena(maps, arena, input.type, id)

  const zs = storedZKeys(maps)
  const z = input.z ?? (input.type === 'arena' ? keysBefore(zs, 1)[0] : keysAfter(zs, 1)[0]) ?? 'a0'
  const el: ElementData = {
    id,
    type: input.type,
    kind,
    x: input.x,
    y: input.y,
    w,
    h,
    label,
    org,
    arena,
    color,
    z,
    tags: normaliseTags(tags),
    ...createdStamp(ctx),
    extra: { ...(input.extra ?? {}) },
  }
  edit(doc, ctx, () => insertElement(maps.elements, el))
  return id
}

/** A move of one element by a delta. */
interface Delta {
  dx: number
  dy: number
}

/** Options of moves. */
export interface MoveOptions {
  /** Move the members of moved arenas along (default true), as dragging a frame does. */
  readonly carryMembers?: boolean
}

function applyMoves(
  doc: Y.Doc,
  maps: BoardMaps,
  deltas: Map<string, Delta>,
  ctx: EditContext,
  opts: MoveOptions,
): void {
  const all = new Map(deltas)
  if (opts.carryMembers !== false) {
    for (const [id, delta] of deltas) {
      for (const member of dependantsOf(maps, 'arena', id)) {
        // An invalid member stays where it is rather than blocking the arena's move.
        if (!all.has(member) && readElement(member, maps.elements.get(member)).ok) all.set(member, delta)
      }
    }
  }
  const targets = [...all].map(([id, delta]) => {
    const found = requireElement(maps, id)
    return { map: found.map, x: found.data.x + delta.dx, y: found.data.y + delta.dy, id }
  })
  const problems: string[] = []
  for (const t of targets) {
    checkCoordinate(`x of '${t.id}'`, t.x, problems)
    checkCoordinate(`y of '${t.id}'`, t.y, problems)
  }
  refuse(problems)
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const t of targets) {
      t.map.set('x', t.x)
      t.map.set('y', t.y)
      stampUpdate(t.map, ctx, at)
    }
  })
}

/** Moves elements by `dx`, `dy` (one drag of a selection). */
export function moveElements(
  doc: Y.Doc,
  ids: readonly string[],
  delta: { readonly dx: number; readonly dy: number },
  ctx: EditContext,
  opts: MoveOptions = {},
): void {
  checkContext(ctx)
  requireObject(delta, 'the move')
  requireObject(opts, 'the options')
  const problems: string[] = []
  checkCoordinate('dx', delta.dx, problems)
  checkCoordinate('dy', delta.dy, problems)
  refuse(problems)
  const maps = mapsOf(doc)
  applyMoves(doc, maps, new Map(idList(ids).map((id) => [id, { dx: delta.dx, dy: delta.dy }])), ctx, opts)
}

/** Moves elements to absolute positions (an auto-layout, "align left"). Arena members follow their arena. */
export function setElementPositions(
  doc: Y.Doc,
  positions: readonly { readonly id: string; readonly x: number; readonly y: number }[],
  ctx: EditContext,
  opts: MoveOptions = {},
): void {
  checkContext(ctx)
  requireArray(positions, 'positions')
  requireObject(opts, 'the options')
  positions.forEach((p, i) => requireObject(p, `positions[${i}]`))
  const problems: string[] = []
  positions.forEach((p, i) => {
    checkCoordinate(`positions[${i}].x`, p.x, problems)
    checkCoordinate(`positions[${i}].y`, p.y, problems)
  })
  refuse(problems)
  idList(positions.map((p) => p.id))
  const maps = mapsOf(doc)
  const deltas = new Map<string, Delta>()
  for (const p of positions) {
    const { data } = requireElement(maps, p.id)
    deltas.set(p.id, { dx: p.x - data.x, dy: p.y - data.y })
  }
  applyMoves(doc, maps, deltas, ctx, opts)
}

/** Resizes an element; `x`/`y` change too when it is resized from the top or left. */
export function resizeElement(
  doc: Y.Doc,
  id: string,
  box: { readonly w: number; readonly h: number; readonly x?: number; readonly y?: number },
  ctx: EditContext,
): void {
  checkContext(ctx)
  requireObject(box, 'the new size')
  const problems: string[] = []
  checkSize('w', box.w, problems)
  checkSize('h', box.h, problems)
  if (box.x !== undefined) checkCoordinate('x', box.x, problems)
  if (box.y !== undefined) checkCoordinate('y', box.y, problems)
  refuse(problems)
  const { map } = requireElement(mapsOf(doc), id)
  edit(doc, ctx, () => {
    map.set('w', box.w)
    map.set('h', box.h)
    if (box.x !== undefined) map.set('x', box.x)
    if (box.y !== undefined) map.set('y', box.y)
    stampUpdate(map, ctx)
  })
}

/** The `Y.Text` of a record's label, turning a plain-string label (old or foreign data) into one. */
export function labelText(map: Y.Map<unknown>): Y.Text {
  const label = map.get('label')
  if (label instanceof Y.Text) return label
  const text = new Y.Text(typeof label === 'string' ? label : '')
  map.set('label', text)
  return text
}

/** Replaces an element's label (as the smallest edit, so a concurrent edit elsewhere in it survives). */
export function relabelElement(doc: Y.Doc, id: string, label: string, ctx: EditContext): void {
  checkContext(ctx)
  if (typeof label !== 'string' || label.length > MAX_LABEL_LENGTH) {
    refuse([`label must be a string of at most ${MAX_LABEL_LENGTH} characters`])
  }
  const { map } = requireElement(mapsOf(doc), id)
  edit(doc, ctx, () => {
    replaceText(labelText(map), label)
    stampUpdate(map, ctx)
  })
}

/** One step of a text delta (Quill / Yjs form). */
export type TextDeltaOp =
  { readonly retain: number } | { readonly insert: string } | { readonly delete: number }

/** Problems with `delta` as an edit of a text of `length` characters that may grow to `max`. */
export function textDeltaProblems(delta: readonly TextDeltaOp[], length: number, max: number): string[] {
  if (!Array.isArray(delta)) return ['delta must be a list']
  // `cursor` and `size` follow the text as the delta edits it, the way Y.Text.applyDelta does.
  let cursor = 0
  let size = length
  for (const [i, op] of delta.entries()) {
    const o = (typeof op === 'object' && op !== null ? op : {}) as Record<string, unknown>
    const single = Object.keys(o).length === 1
    if (single && typeof o.insert === 'string') {
      cursor += o.insert.length
      size += o.insert.length
    } else if (single && Number.isInteger(o.retain) && (o.retain as number) > 0) {
      cursor += o.retain as number
      if (cursor > size) return [`delta[${i}] retains past the end of the text`]
    } else if (single && Number.isInteger(o.delete) && (o.delete as number) > 0) {
      if (cursor + (o.delete as number) > size) return [`delta[${i}] deletes past the end of the text`]
      size -= o.delete as number
    } else return [`delta[${i}] must be one of {retain}, {insert}, {delete}`]
  }
  if (size > max) return [`the text would be longer than ${max}`]
  return []
}

/** Applies a text delta to an element's label (what a collaborative text editor emits). */
export function applyLabelDelta(
  doc: Y.Doc,
  id: string,
  delta: readonly TextDeltaOp[],
  ctx: EditContext,
): void {
  checkContext(ctx)
  applyDeltaToLabel(doc, requireElement(mapsOf(doc), id).map, delta, ctx)
}

/**
 * Applies `delta` to the label of `map` (an element's or a link's) in one edit, after checking it against
 * the label's current length; the caller has checked the context.
 */
export function applyDeltaToLabel(
  doc: Y.Doc,
  map: Y.Map<unknown>,
  delta: readonly TextDeltaOp[],
  ctx: EditContext,
): void {
  const label = map.get('label')
  const length = label instanceof Y.Text ? label.length : typeof label === 'string' ? label.length : 0
  refuse(textDeltaProblems(delta, length, MAX_LABEL_LENGTH))
  edit(doc, ctx, () => {
    labelText(map).applyDelta(delta.map((op) => ({ ...op })))
    stampUpdate(map, ctx)
  })
}

/** Options of `deleteElements`. */
export interface DeleteOptions {
  /** Delete the members of deleted arenas too (default: release them, keeping them on the board). */
  readonly withMembers?: boolean
}

/**
 * Deletes elements with, in the same transaction, their links and comment threads; elements that named a
 * deleted organisation lose their `org`; members of a deleted arena are released (or deleted with
 * `withMembers`). Ids already gone are skipped, so two people deleting one element is not an error; invalid
 * records can be deleted too. Returns the ids deleted.
 */
export function deleteElements(
  doc: Y.Doc,
  ids: readonly string[],
  ctx: EditContext,
  opts: DeleteOptions = {},
): string[] {
  checkContext(ctx)
  requireObject(opts, 'the options')
  const maps = mapsOf(doc)
  const doomed = new Set(idList(ids).filter((id) => maps.elements.has(id)))
  if (opts.withMembers === true) {
    for (const id of [...doomed]) for (const member of dependantsOf(maps, 'arena', id)) doomed.add(member)
  }
  if (doomed.size === 0) return []
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const id of doomed) {
      for (const field of ['org', 'arena'] as const) {
        for (const other of dependantsOf(maps, field, id)) {
          if (doomed.has(other)) continue
          const map = maps.elements.get(other) as Y.Map<unknown>
          map.set(field, null)
          stampUpdate(map, ctx, at)
        }
      }
    }
    for (const [linkId, link] of [...maps.links.entries()]) {
      if (
        link instanceof Y.Map &&
        (doomed.has(link.get('from') as string) || doomed.has(link.get('to') as string))
      ) {
        maps.links.delete(linkId)
      }
    }
    for (const [threadId, thread] of [...maps.comments.entries()]) {
      if (thread instanceof Y.Map && doomed.has(thread.get('element') as string))
        maps.comments.delete(threadId)
    }
    for (const id of doomed) maps.elements.delete(id)
  })
  return [...doomed]
}
