/**
 * Where each outline item sits in the scrolled list: fixed heights (an item's head, one line per link),
 * so the positions are a prefix sum and the items in view are found by binary search. The heights must
 * match `panels.css` (`.outline-head`, `.outline-link`).
 */
import type { OutlineItem, OutlineStop } from './outlineModel.js'

/** Height of an item's head (type and label on two lines), px. */
export const ITEM_HEAD_PX = 48
/** Height of one link line, px. */
export const LINK_LINE_PX = 26
/** Extra height rendered above and below the view, px. */
const OVERSCAN_PX = 480

/** The positions of a list of items. */
export interface OutlineLayout {
  /** Top of each item. */
  readonly tops: readonly number[]
  /** Height of the whole list. */
  readonly total: number
}

/** Height of one item (its head and its link lines). */
export function itemHeight(item: OutlineItem): number {
  return ITEM_HEAD_PX + (item.item === 'element' ? item.links.length * LINK_LINE_PX : 0)
}

/** The layout of `items`. */
export function layoutItems(items: readonly OutlineItem[]): OutlineLayout {
  const tops: number[] = new Array<number>(items.length)
  let y = 0
  for (let i = 0; i < items.length; i++) {
    tops[i] = y
    y += itemHeight(items[i]!)
  }
  return { tops, total: y }
}

/** Indices `[from, to)` of the items that touch the view (with overscan). */
export function visibleRange(layout: OutlineLayout, scrollTop: number, height: number): [number, number] {
  const { tops } = layout
  const top = scrollTop - OVERSCAN_PX
  const bottom = scrollTop + height + OVERSCAN_PX
  // First item whose bottom is below `top`: the last whose top is at or above it.
  let lo = 0
  let hi = tops.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tops[mid]! <= top) lo = mid + 1
    else hi = mid
  }
  const from = Math.max(0, lo - 1)
  let to = from
  while (to < tops.length && tops[to]! < bottom) to++
  return [from, to]
}

/** The top of a stop (an item's head or one of its link lines). */
export function stopTop(items: readonly OutlineItem[], layout: OutlineLayout, stop: OutlineStop): number {
  const top = layout.tops[stop.index] ?? 0
  return stop.link === null || items[stop.index]?.item !== 'element'
    ? top
    : top + ITEM_HEAD_PX + stop.link * LINK_LINE_PX
}

/** Scrolls `el` the least needed to show `stop`. */
export function scrollToStop(
  el: HTMLElement,
  items: readonly OutlineItem[],
  layout: OutlineLayout,
  stop: OutlineStop,
): void {
  const top = stopTop(items, layout, stop)
  const h = stop.link === null ? ITEM_HEAD_PX : LINK_LINE_PX
  if (top < el.scrollTop) el.scrollTop = top
  else if (top + h > el.scrollTop + el.clientHeight) el.scrollTop = top + h - el.clientHeight
}
