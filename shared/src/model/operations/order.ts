/**
 * Stacking order operations (bring to front / back, forward / backward) over fractional indices: only the
 * moved elements get new `z` keys, so two people reordering different elements at once both get their way
 * (see `zOrder.ts`). Arenas take part like any element; the canvas may still draw them in a layer of their own.
 */
import type * as Y from 'yjs'
import { checkContext, edit, nowOf, stampUpdate, type EditContext } from '../context.js'
import { compareStacking, rekey } from '../zOrder.js'
import { idList, mapsOf, requireElement, validElements } from './access.js'

type Reorder = (order: readonly string[], selected: ReadonlySet<string>) => string[]

function reorder(doc: Y.Doc, ids: readonly string[], ctx: EditContext, how: Reorder): void {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const selected = new Set(idList(ids))
  for (const id of selected) requireElement(maps, id)
  if (selected.size === 0) return
  const all = validElements(maps)
  const sorted = [...all.values()].map((e) => e.data).sort(compareStacking)
  const before = sorted.map((el) => el.id)
  const after = how(before, selected)
  const keys = rekey(after, new Map(sorted.map((el) => [el.id, el.z])), selected)
  const changed = [...keys].filter(([id, key]) => all.get(id)?.data.z !== key)
  if (changed.length === 0) return
  const at = nowOf(ctx)
  edit(doc, ctx, () => {
    for (const [id, key] of changed) {
      const map = all.get(id)?.map as Y.Map<unknown>
      map.set('z', key)
      stampUpdate(map, ctx, at)
    }
  })
}

const toFront: Reorder = (order, selected) => [
  ...order.filter((id) => !selected.has(id)),
  ...order.filter((id) => selected.has(id)),
]

const toBack: Reorder = (order, selected) => [
  ...order.filter((id) => selected.has(id)),
  ...order.filter((id) => !selected.has(id)),
]

/** Each selected element swaps with the nearest unselected element above it (one step up). */
const forward: Reorder = (order, selected) => {
  const out = [...order]
  for (let i = out.length - 2; i >= 0; i--) {
    if (selected.has(out[i] as string) && !selected.has(out[i + 1] as string)) {
      // Move the whole selected run ending at i above its unselected neighbour.
      let start = i
      while (start > 0 && selected.has(out[start - 1] as string)) start--
      const above = out[i + 1] as string
      out.splice(i + 1, 1)
      out.splice(start, 0, above)
      i = start
    }
  }
  return out
}

/** Each selected element swaps with the nearest unselected element below it (one step down). */
const backward: Reorder = (order, selected) => forward([...order].reverse(), selected).reverse()

/** Puts elements on top of everything, keeping their relative order. */
export function bringToFront(doc: Y.Doc, ids: readonly string[], ctx: EditContext): void {
  reorder(doc, ids, ctx, toFront)
}

/** Puts elements beneath everything, keeping their relative order. */
export function sendToBack(doc: Y.Doc, ids: readonly string[], ctx: EditContext): void {
  reorder(doc, ids, ctx, toBack)
}

/** Moves elements one step up (above the next element that is not selected). */
export function bringForward(doc: Y.Doc, ids: readonly string[], ctx: EditContext): void {
  reorder(doc, ids, ctx, forward)
}

/** Moves elements one step down (below the next element that is not selected). */
export function sendBackward(doc: Y.Doc, ids: readonly string[], ctx: EditContext): void {
  reorder(doc, ids, ctx, backward)
}
