/**
 * The canvas's pointer and wheel handling as a state machine, without React and without Konva's event
 * system (every layer is `listening(false)`, so Konva never redraws a hit canvas; hit testing goes through
 * the spatial index in `hitTest.ts`).
 *
 * Gestures, decided at pointer-down:
 * - on a handle of the single selected element: resize (corners) or connect (the round handle);
 * - on an element: select it (shift toggles) and drag the selection (an arena carries its members);
 *   in the connect tool: draw a link from it;
 * - on a link: select it;
 * - on empty space: pan; with shift: marquee selection;
 * - middle button or space held: pan, wherever the pointer is.
 * Wheel pans; ctrl/cmd + wheel (and trackpad pinch, which browsers report as ctrl + wheel) zooms at the
 * pointer. Double-click edits an element's label, or creates an element on empty space.
 *
 * What the gesture shows while it runs (dragged elements, marquee, link preview) is `InteractionState`,
 * drawn by the interaction layer; the board layer is not redrawn per pointer move. Drags write positions
 * to the document at most every `DRAG_WRITE_MS` so others see the element move, and once more on release.
 */
import {
  connect as connectElements,
  resizeElement,
  setElementPositions,
  type ElementType,
  type LinkKind,
  type Point,
} from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { boxOf, elementAt, handleAt, linkAt, HIT_TOLERANCE_PX, type Corner } from './hitTest.js'
import { defaultLinkKind } from './linkKinds.js'

/** What the interaction layer draws. */
export interface InteractionState {
  /** Elements being dragged, at their preview positions (board units). */
  readonly drag: ReadonlyMap<string, Point> | null
  /** Element being resized, at its preview box. */
  readonly resize: {
    readonly id: string
    readonly x: number
    readonly y: number
    readonly w: number
    readonly h: number
  } | null
  /** Marquee in board units. */
  readonly marquee: { readonly x: number; readonly y: number; readonly w: number; readonly h: number } | null
  /** A link being drawn: from an element to the pointer or to a target element. */
  readonly connect: { readonly from: string; readonly to: Point; readonly target: string | null } | null
  /** Element under the pointer (hover outline). */
  readonly hover: string | null
}

const IDLE: InteractionState = { drag: null, resize: null, marquee: null, connect: null, hover: null }

/** Tools of the toolbar. */
export type ToolName = 'select' | 'connect'

/** Callbacks into the React side. */
export interface ControllerHooks {
  /** Open the label editor on an element. */
  editLabel(id: string): void
  /** A link was just drawn: let the person pick its kind. */
  linkCreated(id: string, at: Point): void
  /** Create an element of `type` at a board point (double-click on empty space). */
  createAt(at: Point, type: ElementType): void
  /** Tell the person why nothing happened (read-only board). */
  refused(reason: 'read-only'): void
}

/** Minimum interval between position writes during a drag. */
export const DRAG_WRITE_MS = 80
/** Pointer travel (screen px) before a press becomes a drag. */
const DRAG_THRESHOLD_PX = 3
/** Grid size for snapping, board units. */
export const GRID = 20
const MIN_SIZE = 24

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; last: Point }
  | { kind: 'press'; id: string; start: Point; screen: Point; additive: boolean; wasSelected: boolean }
  | { kind: 'drag'; start: Point; origins: Map<string, Point>; lastWrite: number; arenas: string[] }
  | { kind: 'resize'; id: string; corner: Corner; box: { x: number; y: number; w: number; h: number } }
  | { kind: 'marquee'; start: Point; base: ReadonlySet<string> }
  | { kind: 'connect'; from: string }

/** Pointer, wheel and key handling of the board canvas. */
export class CanvasController {
  tool: ToolName = 'select'
  snap = false
  /** What a double-click on empty space creates: the type last created from the toolbar. */
  createType: ElementType = 'note'
  private state: InteractionState = IDLE
  private gesture: Gesture = { kind: 'none' }
  private spaceHeld = false
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly model: BoardModel,
    private readonly hooks: ControllerHooks,
  ) {}

  /** The current interaction state (for the interaction layer). */
  get = (): InteractionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** True while a gesture is under way. */
  get busy(): boolean {
    return this.gesture.kind !== 'none'
  }

  setTool(tool: ToolName): void {
    this.tool = tool
  }

  setSnap(on: boolean): void {
    this.snap = on
  }

  setCreateType(type: ElementType): void {
    this.createType = type
  }

  setSpaceHeld(held: boolean): void {
    this.spaceHeld = held
  }

  pointerDown(screen: Point, button: number, shift: boolean): void {
    const { camera, store, selection } = this.model
    const p = camera.toBoard(screen)
    const scale = camera.get().scale
    if (button === 1 || this.spaceHeld || button === 2) {
      this.gesture = { kind: 'pan', last: screen }
      return
    }
    if (button !== 0) return
    // Handles of the single selected element come first: they sit on its border.
    const single = selection.get().elements.size === 1 ? [...selection.get().elements][0]! : null
    const singleEl = single ? store.element(single) : undefined
    if (singleEl && !this.model.readOnly) {
      const handle = handleAt(singleEl, p, scale)
      if (handle === 'connect') return this.beginConnect(singleEl.id, p)
      if (handle) {
        const { x, y, w, h } = singleEl
        this.gesture = { kind: 'resize', id: singleEl.id, corner: handle, box: { x, y, w, h } }
        return
      }
    }
    const el = elementAt(store, p)
    if (el) {
      // A feature may take the click over (voting places a vote on the element).
      if (this.model.clickInterceptors.all().some((intercept) => intercept(el.id))) return
      if (this.tool === 'connect' && !this.model.readOnly) return this.beginConnect(el.id, p)
      const wasSelected = selection.get().elements.has(el.id)
      if (shift) selection.toggleElement(el.id)
      else if (!wasSelected) selection.set([el.id])
      this.gesture = { kind: 'press', id: el.id, start: p, screen, additive: shift, wasSelected }
      return
    }
    const link = linkAt(store, p, HIT_TOLERANCE_PX / scale)
    if (link) {
      if (shift) selection.toggleLink(link)
      else selection.set([], [link])
      return
    }
    if (shift) {
      this.gesture = { kind: 'marquee', start: p, base: new Set(selection.get().elements) }
      return
    }
    selection.clear()
    this.gesture = { kind: 'pan', last: screen }
  }

  pointerMove(screen: Point): void {
    const { camera, store } = this.model
    const p = camera.toBoard(screen)
    const g = this.gesture
    switch (g.kind) {
      case 'none': {
        const over = elementAt(store, p)?.id ?? null
        if (over !== this.state.hover) this.update({ hover: over })
        return
      }
      case 'pan':
        camera.panBy(screen.x - g.last.x, screen.y - g.last.y)
        g.last = screen
        return
      case 'press':
        if (Math.hypot(screen.x - g.screen.x, screen.y - g.screen.y) < DRAG_THRESHOLD_PX) return
        if (this.model.readOnly) {
          this.hooks.refused('read-only')
          this.gesture = { kind: 'none' }
          return
        }
        this.beginDrag(g.start)
        return this.pointerMove(screen)
      case 'drag': {
        const dx = p.x - g.start.x
        const dy = p.y - g.start.y
        const positions = new Map<string, Point>()
        for (const [id, o] of g.origins) positions.set(id, this.snapPoint({ x: o.x + dx, y: o.y + dy }))
        this.update({ drag: positions, hover: null })
        const now = performance.now()
        if (now - g.lastWrite >= DRAG_WRITE_MS) {
          g.lastWrite = now
          this.writePositions(positions)
        }
        return
      }
      case 'resize': {
        const box = resizedBox(g.box, g.corner, this.snapPoint(p))
        this.update({ resize: { id: g.id, ...box } })
        return
      }
      case 'marquee': {
        const area = boxOf(g.start, p)
        const ids = new Set(g.base)
        for (const id of store.query(area)) {
          const e = store.element(id)
          if (
            e &&
            e.x >= area.x &&
            e.y >= area.y &&
            e.x + e.w <= area.x + area.w &&
            e.y + e.h <= area.y + area.h
          )
            ids.add(id)
        }
        this.model.selection.set(ids)
        this.update({ marquee: area })
        return
      }
      case 'connect': {
        const target = elementAt(store, p)
        this.update({
          connect: { from: g.from, to: p, target: target && target.id !== g.from ? target.id : null },
        })
        return
      }
    }
  }

  pointerUp(screen: Point): void {
    const g = this.gesture
    this.gesture = { kind: 'none' }
    const p = this.model.camera.toBoard(screen)
    switch (g.kind) {
      case 'press':
        // A click on an already selected element (without shift) narrows the selection to it.
        if (!g.additive && g.wasSelected) this.model.selection.set([g.id])
        break
      case 'drag':
        if (this.state.drag) this.writePositions(this.state.drag)
        this.model.undo.stopCapturing()
        break
      case 'resize': {
        const r = this.state.resize
        if (r)
          this.safely(() =>
            resizeElement(this.model.doc, r.id, { x: r.x, y: r.y, w: r.w, h: r.h }, this.model.editContext()),
          )
        this.model.undo.stopCapturing()
        break
      }
      case 'connect': {
        const target = this.state.connect?.target
        if (target) this.finishConnect(g.from, target, p)
        break
      }
      default:
        break
    }
    this.update({ ...IDLE, hover: this.state.hover })
  }

  /** Cancels the gesture under way (Escape, pointer lost). */
  cancel(): void {
    this.gesture = { kind: 'none' }
    this.update(IDLE)
  }

  /** Wheel: pan, or zoom at the pointer with ctrl/cmd (and pinch). */
  wheel(screen: Point, dx: number, dy: number, zoom: boolean): void {
    const { camera } = this.model
    if (zoom) camera.zoomAt(screen, Math.exp(-dy * 0.0025))
    else camera.panBy(-dx, -dy)
  }

  /** Double-click: edit the label of an element, or create one on empty space. */
  doubleClick(screen: Point): void {
    const p = this.model.camera.toBoard(screen)
    const el = elementAt(this.model.store, p)
    if (this.model.readOnly) return this.hooks.refused('read-only')
    if (el) this.hooks.editLabel(el.id)
    else this.hooks.createAt(this.snapPoint(p), this.createType)
  }

  private beginConnect(from: string, p: Point): void {
    this.gesture = { kind: 'connect', from }
    this.update({ connect: { from, to: p, target: null } })
  }

  private finishConnect(from: string, to: string, at: Point): void {
    const a = this.model.store.element(from)
    const b = this.model.store.element(to)
    if (!a || !b) return
    const kind: LinkKind = defaultLinkKind(a.type, b.type)
    const id = this.safely(() =>
      connectElements(this.model.doc, { from, to, kind }, this.model.editContext()),
    )
    this.model.undo.stopCapturing()
    if (id) {
      this.model.selection.set([], [id])
      this.hooks.linkCreated(id, at)
    }
  }

  private beginDrag(start: Point): void {
    const { store, selection } = this.model
    const origins = new Map<string, Point>()
    const arenas: string[] = []
    for (const id of selection.get().elements) {
      const e = store.element(id)
      if (!e) continue
      origins.set(id, { x: e.x, y: e.y })
      if (e.type === 'arena') arenas.push(id)
    }
    // An arena carries what is inside it.
    for (const e of store.allElements()) {
      if (e.arena && arenas.includes(e.arena) && !origins.has(e.id)) origins.set(e.id, { x: e.x, y: e.y })
    }
    this.model.undo.stopCapturing()
    this.gesture = { kind: 'drag', start, origins, lastWrite: performance.now(), arenas }
  }

  private writePositions(positions: ReadonlyMap<string, Point>): void {
    const list = [...positions].map(([id, p]) => ({ id, x: Math.round(p.x), y: Math.round(p.y) }))
    if (list.length === 0) return
    // Members of a dragged arena are in `positions` already: the arena must not carry them a second time.
    this.safely(() =>
      setElementPositions(this.model.doc, list, this.model.editContext(), { carryMembers: false }),
    )
  }

  private snapPoint(p: Point): Point {
    if (!this.snap) return p
    return { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID }
  }

  /** Runs a model operation; a refusal (element deleted meanwhile, say) is not a crash. */
  private safely<T>(fn: () => T): T | null {
    try {
      return fn()
    } catch (err) {
      console.warn('edit refused:', err instanceof Error ? err.message : err)
      return null
    }
  }

  private update(patch: Partial<InteractionState>): void {
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l()
  }
}

/** The box after dragging `corner` to `p`, kept at least `MIN_SIZE` on each side. */
export function resizedBox(
  box: { x: number; y: number; w: number; h: number },
  corner: Corner,
  p: Point,
): { x: number; y: number; w: number; h: number } {
  let left = box.x
  let top = box.y
  let right = box.x + box.w
  let bottom = box.y + box.h
  if (corner === 'nw' || corner === 'sw') left = Math.min(p.x, right - MIN_SIZE)
  if (corner === 'ne' || corner === 'se') right = Math.max(p.x, left + MIN_SIZE)
  if (corner === 'nw' || corner === 'ne') top = Math.min(p.y, bottom - MIN_SIZE)
  if (corner === 'sw' || corner === 'se') bottom = Math.max(p.y, top + MIN_SIZE)
  return { x: Math.round(left), y: Math.round(top), w: Math.round(right - left), h: Math.round(bottom - top) }
}
