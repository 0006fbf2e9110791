/**
 * The board canvas: a Konva stage with three layers by update frequency (DESIGN.md, "Client"):
 * - board: arenas, links and elements; redrawn when the board or the camera changes;
 * - interaction: selection, handles and the gesture under way; redrawn on every pointer move of a gesture;
 * - presence: other people's cursors (see PresenceLayer), redrawn when they move.
 * The dotted grid is the container's CSS background, moved with the camera at no drawing cost.
 *
 * The camera lives outside React: a pan moves the stage and redraws; only when the set of elements in
 * view changes (checked once per animation frame) does React re-render the board layer's children.
 * Konva's automatic drawing is off; every redraw here is explicit and batched per frame.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { Layer, Stage } from 'react-konva'
import Konva from 'konva'
import type { Box } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import type { CanvasController } from '../tools/CanvasController.js'
import {
  DETAIL_LIMIT,
  DecorationsShape,
  ElementShape,
  LinksShape,
  OverviewShape,
  filterPredicate,
} from './SceneShapes.js'
import { InteractionShape } from './InteractionShape.js'
import type { DrawContext } from './drawContext.js'
import { GRID } from '../tools/CanvasController.js'
import { PinchTracker } from '../tools/pinch.js'

// Every draw of this canvas is requested explicitly (see the module comment).
Konva.autoDrawEnabled = false

/** The dotted grid (the container's own background is turned off: this layer replaces it). */
const GRID_STYLE: React.CSSProperties = {
  position: 'absolute',
  left: 0,
  top: 0,
  pointerEvents: 'none',
  willChange: 'transform',
  backgroundImage: 'radial-gradient(circle, #c7ced9 1.1px, transparent 1.3px)',
}

/** Elements in view, in drawing order, and whether they are few enough to draw one by one. */
interface View {
  readonly ids: readonly string[]
  readonly detail: boolean
}

/** The culling, for the camera's effect. */
interface Culling {
  /** True when the view was culled for an area that does not hold the camera's view box now. */
  readonly stale: () => boolean
  /** Culls now; true when that changed the view (React then renders it, and the [view] effect draws). */
  readonly cull: () => boolean
}

function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

function sameView(a: View, b: View): boolean {
  if (a.detail !== b.detail || a.ids.length !== b.ids.length) return false
  for (let i = 0; i < a.ids.length; i++) if (a.ids[i] !== b.ids[i]) return false
  return true
}

/** Props of the canvas. */
export interface BoardCanvasProps {
  readonly controller: CanvasController
  /** Accessible name of the canvas region. */
  readonly label: string
  /** Extra layers drawn above the interaction layer (presence). */
  readonly overlays?: ReactNode
  /** HTML drawn over the canvas (label editor, pickers). */
  readonly children?: ReactNode
  /** Called with the container, for keyboard handling and focus. */
  readonly onKeyDown?: (e: React.KeyboardEvent<HTMLDivElement>) => void
}

export function BoardCanvas({ controller, label, overlays, children, onKeyDown }: BoardCanvasProps) {
  const model = useBoardModel()
  const { camera, store, filter } = model
  const container = useRef<HTMLDivElement>(null)
  const stage = useRef<Konva.Stage>(null)
  const boardLayer = useRef<Konva.Layer>(null)
  const grid = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState({ width: 0, height: 0 })
  const [view, setView] = useState<View>({ ids: [], detail: true })
  // Two-finger pinch and pan on touch screens (a trackpad pinch is ctrl + wheel, below).
  const [pinch] = useState(() => new PinchTracker(camera))

  // Draw-time state: read by the shapes when Konva draws, never through React.
  const draw = useMemo<DrawContext>(() => {
    let filtered = filterPredicate(model)
    let revision = 0
    filter.subscribe(() => {
      filtered = filterPredicate(model)
      revision++
    })
    model.tints.subscribe(() => {
      revision++
    })
    const empty = new Set<string>()
    return {
      model,
      scale: () => camera.get().scale,
      hidden: () => {
        const drag = controller.get().drag
        return drag ? new Set(drag.keys()) : empty
      },
      dimmed: (id) => filtered(id) || model.tints.all().some((tint) => tint(id)?.dim === true),
      revision: () => revision,
    }
  }, [model, camera, filter, controller])

  // The viewport's size.
  useEffect(() => {
    const el = container.current
    if (!el) return
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect()
      camera.width = r.width
      camera.height = r.height
      setSize({ width: Math.round(r.width), height: Math.round(r.height) })
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [camera])

  // Culling: which elements are in view, recomputed at most once per frame, or at once when the camera has
  // left the area the view was culled for (see the camera's effect). A changed view is drawn by the
  // [view] effect once React has rendered its children; drawing before would show the old ones.
  const culling = useRef<Culling | null>(null)
  useEffect(() => {
    let frame = 0
    let area: Box | null = null
    let shown = view
    let redraw = false
    const cull = (): boolean => {
      if (frame) cancelAnimationFrame(frame)
      frame = 0
      area = camera.viewBox(60 / camera.get().scale)
      const inView = store.query(area)
      const ids = store
        .allElements()
        .filter((e) => inView.has(e.id))
        .map((e) => e.id)
      const next = { ids, detail: ids.length <= DETAIL_LIMIT }
      const changed = !sameView(shown, next)
      if (changed) {
        shown = next
        setView(next)
      } else if (redraw) boardLayer.current?.batchDraw()
      redraw = false
      return changed
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(cull)
    }
    culling.current = {
      stale: () => area === null || !contains(area, camera.viewBox()),
      cull,
    }
    cull()
    const offCamera = camera.subscribe(schedule)
    const offStore = store.subscribe((change) => {
      // Elements came or went: the board layer is drawn once the view is culled again.
      if (change.structure) redraw = true
      if (change.structure || change.elements.size > 0) schedule()
    })
    return () => {
      culling.current = null
      offCamera()
      offStore()
      if (frame) cancelAnimationFrame(frame)
    }
    // The view's first value only; later ones are the effect's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, store])

  // The camera moves the stage and the grid; nothing re-renders. The grid is a layer of its own, one grid
  // step larger than the view on every side, that a pan only shifts (a compositor transform: nothing is
  // painted again); only a zoom repaints it, with its new step.
  useEffect(() => {
    let gridStep = -1
    const apply = (): void => {
      const s = stage.current
      const { x, y, scale } = camera.get()
      if (s) {
        s.position({ x, y })
        s.scale({ x: scale, y: scale })
        // A jump (zoom to fit, to the selection, a long pan) is culled at once; when that changes the view,
        // the board layer waits for its new children (the [view] effect) instead of drawing the old ones.
        const c = culling.current
        if (c?.stale() && c.cull()) {
          for (const layer of s.getLayers()) if (layer !== boardLayer.current) layer.batchDraw()
        } else s.batchDraw()
      }
      const g = grid.current
      if (g) {
        const step = scale >= 0.5 ? GRID : GRID * 5
        const px = step * scale
        if (px !== gridStep) {
          gridStep = px
          g.style.display = px >= 6 ? '' : 'none'
          g.style.backgroundSize = `${px}px ${px}px`
          g.style.width = `calc(100% + ${2 * px}px)`
          g.style.height = `calc(100% + ${2 * px}px)`
        }
        const ox = (((x % px) + px) % px) - px
        const oy = (((y % px) + px) % px) - px
        g.style.transform = `translate(${ox}px, ${oy}px)`
      }
    }
    apply()
    return camera.subscribe(apply)
  }, [camera, size])

  // Board changes redraw the board layer, except while only what is being dragged changed (it is drawn by
  // the interaction layer, from the gesture's own positions).
  useEffect(() => {
    const redraw = (): void => {
      boardLayer.current?.batchDraw()
    }
    const offStore = store.subscribe((change) => {
      // The selection's outlines and handles follow a selected element that moved or changed (a remote
      // edit, a panel's align or resize), not only the gestures that redraw the interaction layer.
      const sel = model.selection.get()
      if (
        [...change.elements].some((id) => sel.elements.has(id)) ||
        [...change.links].some((id) => sel.links.has(id))
      )
        stage.current?.findOne<Konva.Layer>('.interaction')?.batchDraw()
      const drag = controller.get().drag
      if (drag && change.local && [...change.elements].every((id) => drag.has(id))) return
      // Elements came or went: the culling draws the layer (see above).
      if (change.structure) return
      redraw()
    })
    const offFilter = filter.subscribe(redraw)
    const offDecorations = model.decorations.subscribe(redraw)
    const offTints = model.tints.subscribe(redraw)
    let dragging = false
    const offController = controller.subscribe(() => {
      const nowDragging = controller.get().drag !== null
      if (nowDragging !== dragging) redraw()
      dragging = nowDragging
      stage.current?.findOne<Konva.Layer>('.interaction')?.batchDraw()
    })
    const offSelection = model.selection.subscribe(() =>
      stage.current?.findOne<Konva.Layer>('.interaction')?.batchDraw(),
    )
    return () => {
      offStore()
      offFilter()
      offDecorations()
      offTints()
      offController()
      offSelection()
    }
  }, [store, filter, controller, model])

  // A new view of the elements redraws the layer after React has updated its children.
  useEffect(() => {
    boardLayer.current?.batchDraw()
  }, [view])

  // Wheel: non-passive, so the page does not scroll or zoom instead of the board.
  useEffect(() => {
    const el = container.current
    if (!el) return
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault()
      const r = el.getBoundingClientRect()
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? r.height : 1
      controller.wheel(
        { x: e.clientX - r.left, y: e.clientY - r.top },
        e.deltaX * unit,
        e.deltaY * unit,
        e.ctrlKey || e.metaKey,
      )
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [controller])

  const local = (e: React.PointerEvent | React.MouseEvent): { x: number; y: number } => {
    const r = container.current!.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }

  const arenas = view.detail ? view.ids.filter((id) => store.element(id)?.type === 'arena') : []
  const others = view.detail ? view.ids.filter((id) => store.element(id)?.type !== 'arena') : []

  return (
    <div
      ref={container}
      className="board-canvas"
      role="application"
      aria-label={label}
      aria-roledescription="board"
      tabIndex={0}
      data-elements-in-view={view.ids.length}
      data-render-mode={view.detail ? 'detail' : 'overview'}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        container.current?.focus({ preventScroll: true })
        if ((e.target as HTMLElement).closest('.canvas-overlay')) return
        e.currentTarget.setPointerCapture(e.pointerId)
        if (pinch.down(e.pointerId, e.pointerType === 'touch', local(e))) return controller.cancel()
        if (pinch.active) return
        controller.pointerDown(local(e), e.button, e.shiftKey)
      }}
      onPointerMove={(e) => {
        if (!pinch.move(e.pointerId, local(e))) controller.pointerMove(local(e))
      }}
      onPointerUp={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId)
        if (!pinch.up(e.pointerId)) controller.pointerUp(local(e))
      }}
      onPointerCancel={(e) => {
        pinch.up(e.pointerId)
        controller.cancel()
      }}
      onDoubleClick={(e) => {
        if ((e.target as HTMLElement).closest('.canvas-overlay')) return
        controller.doubleClick(local(e))
      }}
      onContextMenu={(e) => e.preventDefault()}
      style={{ backgroundImage: 'none' }}
    >
      <div ref={grid} className="board-grid" aria-hidden="true" style={GRID_STYLE} />
      {size.width > 0 && (
        <Stage ref={stage} width={size.width} height={size.height} listening={false}>
          <Layer ref={boardLayer} listening={false} name="board">
            {view.detail ? (
              <>
                {arenas.map((id) => (
                  <ElementShape key={id} id={id} draw={draw} />
                ))}
                <LinksShape draw={draw} />
                {others.map((id) => (
                  <ElementShape key={id} id={id} draw={draw} />
                ))}
              </>
            ) : (
              <OverviewShape ids={view.ids} draw={draw} />
            )}
            <DecorationsShape draw={draw} />
          </Layer>
          <Layer listening={false} name="interaction">
            <InteractionShape draw={draw} controller={controller} />
          </Layer>
          {overlays}
        </Stage>
      )}
      {children}
    </div>
  )
}

/** The selection's revision, for components that show it. */
export function useSelection(): ReturnType<ReturnType<typeof useBoardModel>['selection']['get']> {
  const { selection } = useBoardModel()
  return useSyncExternalStore(selection.subscribe, selection.get)
}
