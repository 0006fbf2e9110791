/**
 * Canvas drawing of presence and voting marks. Everything is drawn at a constant size on screen,
 * whatever the zoom: the caller's context is in board units (the stage's scale applies), so each mark is
 * drawn around its board point with the scale undone (`1 / scale`). Labels stay readable at any zoom.
 */
import type { VoteBadge } from './votes.js'

/** A box in board units. */
export interface BoardBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

const FONT = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
const BADGE_FONT = "700 13px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
/** The classic arrow pointer, 13 x 19 px, tip at the origin. */
const ARROW = 'M0 0L0 16.5L4.6 12.3L7.6 19.2L10.4 18L7.4 11.2L13.2 11.2Z'

let arrowPath: Path2D | null = null
const widths = new Map<string, number>()

function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  let w = widths.get(text)
  if (w === undefined) {
    if (widths.size > 2000) widths.clear()
    ctx.font = FONT
    w = ctx.measureText(text).width
    widths.set(text, w)
  }
  return w
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

/**
 * Name labels drawn once into small canvases and then copied (`drawImage`) every frame: text is the
 * expensive part of a cursor, and fifty labels redrawn at 60 frames a second would cost a slow machine a
 * good part of its main thread. Keyed by text, colour and pixel ratio; bounded.
 */
const sprites = new Map<string, HTMLCanvasElement>()
const MAX_SPRITES = 300

function labelSprite(
  ctx: CanvasRenderingContext2D,
  label: string,
  color: string,
  ratio: number,
): HTMLCanvasElement {
  const key = `${ratio}|${color}|${label}`
  let sprite = sprites.get(key)
  if (sprite) return sprite
  if (sprites.size >= MAX_SPRITES) sprites.clear()
  const w = Math.ceil(textWidth(ctx, label) + 12)
  sprite = document.createElement('canvas')
  sprite.width = Math.ceil(w * ratio)
  sprite.height = Math.ceil(20 * ratio)
  const c = sprite.getContext('2d')
  if (c) {
    c.scale(ratio, ratio)
    c.fillStyle = color
    roundRect(c, 0, 0, w, 20, 6)
    c.fill()
    c.font = FONT
    c.fillStyle = '#ffffff'
    c.textBaseline = 'middle'
    c.fillText(label, 6, 10.5)
  }
  sprites.set(key, sprite)
  return sprite
}

/** A remote cursor at board point (x, y): the arrow in the person's colour and a name label. */
export function drawCursor(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  scale: number,
  color: string,
  label: string,
): void {
  ctx.save()
  ctx.translate(x, y)
  ctx.scale(1 / scale, 1 / scale)
  arrowPath ??= new Path2D(ARROW)
  ctx.lineJoin = 'round'
  ctx.lineWidth = 1.5
  ctx.strokeStyle = '#ffffff'
  ctx.fillStyle = color
  ctx.fill(arrowPath)
  ctx.stroke(arrowPath)
  // The canvas's own pixel ratio (Konva scales the context by it), so labels stay sharp.
  const ratio = Math.max(1, ctx.getTransform().a * scale)
  const sprite = labelSprite(ctx, label, color, ratio)
  ctx.drawImage(sprite, 11, 18, sprite.width / ratio, sprite.height / ratio)
  ctx.restore()
}

/** Someone else's selection: an outline in their colour, a little outside the element. */
export function drawSelectionOutline(
  ctx: CanvasRenderingContext2D,
  box: BoardBox,
  scale: number,
  color: string,
): void {
  const pad = 4 / scale
  ctx.save()
  ctx.strokeStyle = color
  ctx.lineWidth = 2 / scale
  ctx.setLineDash([6 / scale, 3 / scale])
  ctx.strokeRect(box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)
  ctx.restore()
}

/**
 * A vote count on an element's top right corner: this person's own hidden votes in their colour, the
 * revealed total in dark ink with a white ring.
 */
export function drawVoteBadge(
  ctx: CanvasRenderingContext2D,
  box: BoardBox,
  badge: VoteBadge,
  scale: number,
  ownColor: string,
): void {
  const text = String(badge.count)
  ctx.save()
  ctx.translate(box.x + box.w, box.y)
  ctx.scale(1 / scale, 1 / scale)
  ctx.font = BADGE_FONT
  const r = Math.max(13, ctx.measureText(text).width / 2 + 7)
  ctx.beginPath()
  if (text.length > 1) roundRect(ctx, -r, -13, 2 * r, 26, 13)
  else ctx.arc(0, 0, 13, 0, Math.PI * 2)
  ctx.fillStyle = badge.kind === 'mine' ? ownColor : '#1d2433'
  ctx.fill()
  ctx.lineWidth = 2.5
  ctx.strokeStyle = '#ffffff'
  ctx.stroke()
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, 0, 1)
  ctx.restore()
}
