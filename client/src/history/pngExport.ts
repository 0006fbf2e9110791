/**
 * PNG export, made in the browser from the board's drawing (issue 5: "png: from the client canvas at a
 * chosen resolution"): the board's scene (shared `boardScene`, the same primitives the canvas, the SVG and
 * the PDF draw) drawn with the canvas's own `drawPrimitives` onto an offscreen canvas, on white, with the
 * legend beside it when asked for.
 */
import {
  BACKGROUND_COLOR,
  boardScene,
  legendDrawing,
  type BoardData,
  type Box,
  type ElementDrawing,
  type Language,
} from '@circleboard/shared'
import { drawPrimitives } from '../canvas/drawPrimitives.js'
import { planPng, type PngPlan } from './pngPlan.js'

/** What to export. */
export interface PngRequest {
  readonly board: BoardData
  readonly lang: Language
  /** `board`: everything; otherwise the given area (the current view, in board units). */
  readonly area: 'board' | Box
  readonly scale: number
  readonly legend: boolean
}

/** A PNG export's plan and the drawing it needs. */
export interface PreparedPng {
  readonly plan: PngPlan
  draw(ctx: CanvasRenderingContext2D): void
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

/** Plans the image and returns how to draw it; `null` when there is nothing to draw. */
export function preparePng(req: PngRequest): PreparedPng | null {
  const scene = boardScene(req.board, { lang: req.lang })
  const area = req.area === 'board' ? scene.bounds : req.area
  if (area === null) return null
  const legend = req.legend
    ? legendDrawing(req.lang, { board: req.board, maxHeight: Math.max(area.h, 360) })
    : null
  const plan = planPng(area, req.scale, legend)
  if (plan === null) return null
  return {
    plan,
    draw(ctx) {
      ctx.fillStyle = BACKGROUND_COLOR
      ctx.fillRect(0, 0, plan.width, plan.height)
      ctx.scale(plan.scale, plan.scale)
      ctx.translate(-plan.extent.x, -plan.extent.y)
      ctx.save()
      // A view cuts through elements at its edge, like the screen does.
      ctx.beginPath()
      ctx.rect(area.x, area.y, area.w, area.h)
      ctx.clip()
      const element = (d: ElementDrawing): void => {
        if (!overlaps(area, { x: d.x - 20, y: d.y - 20, w: d.w + 40, h: d.h + 40 })) return
        ctx.save()
        ctx.translate(d.x, d.y)
        drawPrimitives(ctx, d.primitives, plan.scale)
        ctx.restore()
      }
      for (const d of scene.arenas) element(d)
      for (const l of scene.links) drawPrimitives(ctx, l.primitives, plan.scale)
      for (const d of scene.elements) element(d)
      ctx.restore()
      if (legend !== null && plan.legendAt !== null) {
        ctx.translate(plan.legendAt.x, plan.legendAt.y)
        drawPrimitives(ctx, legend.primitives, plan.scale)
      }
    },
  }
}

/** Draws a prepared export and encodes it as PNG. */
export async function renderPng(prepared: PreparedPng): Promise<Blob> {
  const { width, height } = prepared.plan
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('this browser cannot draw an image of this size')
  prepared.draw(ctx)
  // Give the page a frame to paint the dialog's progress before the encoder blocks.
  await new Promise((r) => requestAnimationFrame(() => r(null)))
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  // Free the pixels at once rather than when the collector gets to it.
  canvas.width = 0
  canvas.height = 0
  if (!blob) throw new Error('this browser cannot encode an image of this size')
  return blob
}
