/**
 * The geometry of a PNG export: which board area is drawn, at which scale, how large the image is, and
 * where the legend goes (to the right of the board, top-aligned, as in the SVG export). Browsers refuse
 * canvases past a size (Chromium: 16,384 px a side in practice and about 268 million pixels; Safari on
 * phones far fewer), and a large canvas costs four bytes a pixel: an image that would not fit is made at
 * the largest scale that does, and the dialog says so.
 */
import type { Box } from '@circleboard/shared'

/** Largest side of an exported image, in pixels. */
export const MAX_CANVAS_SIDE = 16_384
/** Largest exported image, in pixels (about 200 MB of RGBA while it is drawn). */
export const MAX_CANVAS_AREA = 50_000_000
/** Scales offered. */
export const PNG_SCALES = [1, 2, 3, 4] as const
/** Space between the board and the legend, in board units (the SVG export's). */
export const LEGEND_GAP = 24

/** What to draw and how large. */
export interface PngPlan {
  /** The board area drawn (board units). */
  readonly area: Box
  /** Top-left of the legend in board units, or `null` without legend. */
  readonly legendAt: { readonly x: number; readonly y: number } | null
  /** Everything drawn, board and legend (board units): the image's extent. */
  readonly extent: Box
  /** Pixels per board unit. */
  readonly scale: number
  readonly requestedScale: number
  readonly width: number
  readonly height: number
  /** True when the scale had to be lowered to keep the image drawable. */
  readonly capped: boolean
}

/**
 * Plans an export of `area` (the whole board's bounds or the current view; `null` when there is nothing to
 * draw) at `requestedScale`, with a legend of `legend` size beside it. `null` when there is nothing to draw.
 */
export function planPng(
  area: Box | null,
  requestedScale: number,
  legend: { readonly w: number; readonly h: number } | null = null,
  limits: { readonly side: number; readonly pixels: number } = {
    side: MAX_CANVAS_SIDE,
    pixels: MAX_CANVAS_AREA,
  },
): PngPlan | null {
  if (area === null || !(area.w > 0) || !(area.h > 0)) return null
  if (![area.x, area.y, area.w, area.h].every(Number.isFinite)) return null
  const extent: Box = {
    x: area.x,
    y: area.y,
    w: area.w + (legend === null ? 0 : LEGEND_GAP + legend.w),
    h: Math.max(area.h, legend?.h ?? 0),
  }
  const requested = Math.max(0.01, requestedScale)
  const fit = Math.min(
    requested,
    limits.side / extent.w,
    limits.side / extent.h,
    Math.sqrt(limits.pixels / (extent.w * extent.h)),
  )
  // Ceil of the pixel size may pass a limit by one pixel: shave the scale until it does not.
  let scale = fit
  const size = (s: number): [number, number] => [Math.ceil(extent.w * s), Math.ceil(extent.h * s)]
  let [width, height] = size(scale)
  while ((width > limits.side || height > limits.side || width * height > limits.pixels) && scale > 0) {
    scale *= 0.999
    ;[width, height] = size(scale)
  }
  return {
    area,
    legendAt: legend === null ? null : { x: area.x + area.w + LEGEND_GAP, y: area.y },
    extent,
    scale,
    requestedScale: requested,
    width: Math.max(1, width),
    height: Math.max(1, height),
    capped: scale < requested - 1e-9,
  }
}
