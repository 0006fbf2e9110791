/**
 * Placing a label in a box: pick the largest of a few font sizes at which the label fits (shrinking a
 * little before cutting anything off), wrap it, and position every line. The result is a `TextPrimitive`
 * that every renderer draws line by line, so the line breaks are the same everywhere.
 */
import type { Box, TextPrimitive } from './primitives.js'
import { BASELINE_OFFSET, LINE_HEIGHT, wrapText } from './text.js'

/** How a label sits in its box. */
export interface TextBlockOptions {
  readonly size: number
  readonly bold: boolean
  readonly color: string
  readonly align: 'start' | 'middle'
  readonly verticalAlign: 'top' | 'middle'
  /** Smallest size to shrink to before cutting off with an ellipsis; default 70% of `size`, at least 8. */
  readonly minSize?: number
  /** Most lines; default: as many as the box height holds. */
  readonly maxLines?: number
}

/**
 * Shrink steps tried in order: a label that fits at 90% reads better than one cut off at 100%, and a long
 * compound word ("Stuprörsfinansiering") reads better smaller than broken in two.
 */
const SHRINK = [1, 0.9, 0.8, 0.7] as const

/** A wrapped, positioned label inside `box`, or `null` when the label is empty or the box too small. */
export function textBlock(text: string, box: Box, options: TextBlockOptions): TextPrimitive | null {
  if (text.trim() === '' || box.w <= 0) return null
  const minSize = options.minSize ?? Math.max(8, options.size * 0.7)
  const sizes = SHRINK.map((f) => Math.max(minSize, options.size * f)).filter(
    (s, i, all) => i === 0 || s < (all[i - 1] as number),
  )
  // Best first: fits without breaking a word; then fits at all; then whatever the smallest size gives.
  let whole: { size: number; lines: readonly string[] } | null = null
  let fits: { size: number; lines: readonly string[] } | null = null
  let last: { size: number; lines: readonly string[] } | null = null
  for (const size of sizes) {
    const fit = Math.floor(box.h / (size * LINE_HEIGHT))
    const maxLines = Math.min(options.maxLines ?? Infinity, fit)
    if (maxLines < 1) continue
    const wrapped = wrapText(text, { maxWidth: box.w, size, bold: options.bold, maxLines })
    last = { size, lines: wrapped.lines }
    if (wrapped.truncated) continue
    fits ??= last
    if (!wrapped.brokeWord) {
      whole = last
      break
    }
  }
  const chosen = whole ?? fits ?? last
  if (chosen === null || chosen.lines.length === 0) return null
  const { size, lines } = chosen
  const lineHeight = size * LINE_HEIGHT
  const blockHeight = lines.length * lineHeight
  const top = options.verticalAlign === 'middle' ? box.y + (box.h - blockHeight) / 2 : box.y
  const x = options.align === 'middle' ? box.x + box.w / 2 : box.x
  return {
    kind: 'text',
    lines: lines.map((text, i) => ({ text, x, y: top + i * lineHeight + BASELINE_OFFSET * size })),
    size,
    bold: options.bold,
    color: options.color,
    anchor: options.align,
  }
}
