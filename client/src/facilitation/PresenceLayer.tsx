/**
 * The presence layer: other people's cursors (arrow and "Name · Role" label) and their selections
 * outlined in their colours, above the interaction layer. Drawn imperatively: presence changes schedule
 * one redraw per animation frame of this layer alone, so fifty moving cursors never re-render React or
 * redraw the board. The layer's canvas carries `data-cursors` (how many cursors it shows) and
 * `data-viewport` (centre x, y and visible width, height in board units), for tests and for anyone
 * curious in the devtools.
 */
import { useEffect, useMemo, useRef } from 'react'
import { Layer, Shape } from 'react-konva'
import type Konva from 'konva'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { CursorSmoother } from './cursorSmoother.js'
import { readCursors, readSelections, type RemoteCursor } from './presence.js'
import { drawCursor, drawSelectionOutline } from './drawPresence.js'
import { roleKey } from './roles.js'
import { viewportOf } from './follow.js'

/** Above this many cursors the layer draws at most 30 frames a second. */
const BUSY_CURSORS = 10

function native(ctx: Konva.Context): CanvasRenderingContext2D {
  return (ctx as unknown as { _context: CanvasRenderingContext2D })._context
}

/** The presence layer of the board canvas. */
export function PresenceLayer({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const layer = useRef<Konva.Layer>(null)
  const smoother = useMemo(() => new CursorSmoother(), [])
  const { model } = session.feature

  useEffect(() => {
    let frame = 0
    let last = performance.now()
    const delegates = (): readonly string[] => session.control.get().state.session.delegates
    const labelOf = (c: RemoteCursor): string => {
      const role = t(roleKey(c.role, delegates().includes(c.personId)))
      return `${c.name} · ${role}`
    }
    // Presence changes only mark the cursors stale; they are read once per frame, however many arrived.
    let stale = true
    let drawnAt = 0
    const draw = (): void => {
      frame = 0
      const now = performance.now()
      // Many moving cursors are drawn at 30 frames a second: half the cost, and the eye does not miss it.
      if (smoother.size > BUSY_CURSORS && now - drawnAt < 1000 / 30) {
        schedule()
        return
      }
      if (stale) {
        stale = false
        const states = session.presence.states()
        smoother.update(readCursors(states, session.presence.selfClientId), labelOf, model.camera.get().scale)
      }
      const hidden = session.screen.get().hideCursors
      const moving = !hidden && smoother.step(now - last, model.camera.get().scale)
      last = now
      drawnAt = now
      const l = layer.current
      if (l) {
        // Drawn now, in this animation frame (batchDraw would wait for the next one).
        l.draw()
        l.getNativeCanvasElement().setAttribute('data-cursors', String(hidden ? 0 : smoother.size))
      }
      if (moving) schedule()
    }
    const schedule = (): void => {
      if (frame) return
      last = Math.max(last, performance.now() - 50)
      frame = requestAnimationFrame(draw)
    }
    const onMotion = (): void => {
      stale = true
      schedule()
    }
    schedule()
    // The visible area, on the layer's canvas, for tests and the curious (like `data-cursors`).
    const markView = (): void => {
      const l = layer.current
      const { camera } = model
      if (!l || camera.width <= 0) return
      const v = viewportOf(camera.get(), camera.width, camera.height)
      const r = (n: number): string => n.toFixed(1)
      l.getNativeCanvasElement().setAttribute('data-viewport', `${r(v.x)} ${r(v.y)} ${r(v.w)} ${r(v.h)}`)
    }
    markView()
    const offs = [
      model.camera.subscribe(markView),
      session.presence.subscribeMotion(onMotion),
      session.screen.subscribe(schedule),
      session.control.subscribe(onMotion),
      // Outlines follow the elements they surround.
      model.store.subscribe(schedule),
    ]
    return () => {
      for (const off of offs) off()
      if (frame) cancelAnimationFrame(frame)
    }
  }, [session, smoother, model, t])

  return (
    <Layer ref={layer} listening={false} name="presence">
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(ctx) => {
          if (session.screen.get().hideCursors) return
          const c = native(ctx)
          const scale = model.camera.get().scale
          const states = session.presence.states()
          for (const sel of readSelections(states, session.presence.selfClientId)) {
            for (const id of sel.ids) {
              const e = model.store.element(id)
              if (e) drawSelectionOutline(c, e, scale, sel.color)
            }
          }
          for (const cursor of smoother.all())
            drawCursor(c, cursor.x, cursor.y, scale, cursor.color, cursor.label)
        }}
      />
    </Layer>
  )
}
