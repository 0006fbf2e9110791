// The functions here run in the page (through Playwright): they need the DOM's types.
/// <reference lib="dom" />
/**
 * What the client benchmark installs in the page before the app's own scripts run (`addInitScript`),
 * and the small in-page actions it performs. Everything is read from signals any build of the client
 * gives, so that the same benchmark measures the client before and after a change:
 * - the board is drawn when the canvas container says every element is in view
 *   (`data-elements-in-view`, set when React commits the culled view) and the board layer has drawn it:
 *   the layer draws in the animation frame after that commit, so the time taken is the start of the
 *   frame after that one, the first frame that can show it (at most one frame late);
 * - frame times are the intervals between consecutive `requestAnimationFrame` callbacks (the frames
 *   Chromium began; a frame the page was too busy for shows as a longer interval);
 * - that a gesture really changed the picture is counted per frame too: frames in which a canvas was
 *   cleared (Konva clears a layer before redrawing it), and frames in which an element's box on screen
 *   (through the `?test` hook: camera and document position) differs from the frame before;
 * - the zoom to 100% is a ctrl + wheel event at a point, as a trackpad pinch arrives, with the delta that
 *   makes the client's zoom factor (`exp(-deltaY * 0.0025)`, CanvasController.wheel) the inverse of the
 *   current scale.
 */

/** What one gesture recorded in the page. */
export interface FrameRecord {
  /** Intervals between consecutive animation frames, ms. */
  readonly intervals: number[]
  /** Frames in which some canvas was redrawn (cleared first). */
  readonly drawn: number
  /** Frames in which the watched element's box on screen changed. */
  readonly moved: number
}

/** What the init script keeps in `window.__bench`. */
export interface PageBench {
  /** `performance.now()` when the connection went live, and when every element was first drawn. */
  live: number | null
  firstRender: number | null
  /** Starts recording frame intervals, watching element `watch` move on screen. */
  startFrames(watch: string): void
  /** Stops recording. */
  stopFrames(): FrameRecord
  /** Resolves with `performance.now()` at the first frame that shows `n` elements in view. */
  drawn(n: number, timeoutMs: number): Promise<number>
}

declare global {
  interface Window {
    __bench?: PageBench
  }
}

/** The part of the client's `?test` read hook (client/src/panels/testHook.ts) the benchmark uses. */
export interface TestHook {
  screenBox(id: string): { x: number; y: number; w: number; h: number } | null
  scale(): number
}

/**
 * tsx compiles this file with esbuild's `keepNames`, which wraps named functions in `__name(...)`: the
 * functions sent to the page need that helper there too (an identity is enough).
 */
export const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((f) => f);'

/** The init script: a remembered name (no first-visit question) and the measuring hooks. */
export function installPageBench(elements: number): void {
  localStorage.setItem('circleboard.name', 'Bench')
  localStorage.setItem('circleboard.nameAsked', '1')
  const inView = (): number => {
    const v = document.querySelector('.board-canvas')?.getAttribute('data-elements-in-view')
    return v === null || v === undefined ? -1 : Number(v)
  }
  const twoFrames = (): Promise<number> =>
    new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
    )
  let frames: number[] = []
  let recording = false
  let clears = 0
  let drawn = 0
  let moved = 0
  // Konva clears a layer's canvas before every redraw of it.
  const clearRect = CanvasRenderingContext2D.prototype.clearRect
  CanvasRenderingContext2D.prototype.clearRect = function (this: CanvasRenderingContext2D, ...args) {
    clears++
    return clearRect.apply(this, args)
  }
  const bench: PageBench = {
    live: null,
    firstRender: null,
    startFrames(watch) {
      frames = []
      drawn = 0
      moved = 0
      recording = true
      let last: number | null = null
      const hook = (window as unknown as { __circleboard?: TestHook }).__circleboard
      const boxOf = (): string => JSON.stringify(hook?.screenBox(watch) ?? null)
      let box = boxOf()
      let seen = clears
      const tick = (t: number): void => {
        if (!recording) return
        if (last !== null) frames.push(t - last)
        last = t
        // What the previous frame did (this callback runs before this frame's drawing).
        if (clears !== seen) drawn++
        seen = clears
        const now = boxOf()
        if (now !== box) moved++
        box = now
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    },
    stopFrames() {
      recording = false
      return { intervals: frames, drawn, moved }
    },
    drawn(n, timeoutMs) {
      return new Promise((resolve, reject) => {
        if (inView() === n) return void twoFrames().then(resolve)
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`the canvas did not show ${n} elements within ${timeoutMs} ms (${inView()})`))
        }, timeoutMs)
        const observer = new MutationObserver(() => {
          if (inView() !== n) return
          observer.disconnect()
          clearTimeout(timer)
          void twoFrames().then(resolve)
        })
        observer.observe(document, {
          subtree: true,
          attributes: true,
          childList: true,
          attributeFilter: ['data-elements-in-view'],
        })
      })
    },
  }
  window.__bench = bench
  // The live connection and the first full drawing, timed from navigation (performance.now()'s origin).
  const watch = new MutationObserver(() => {
    if (bench.live === null && document.querySelector('[data-status="live"]')) bench.live = performance.now()
    if (inView() !== elements) return
    watch.disconnect()
    void twoFrames().then((t) => {
      bench.firstRender = t
    })
  })
  watch.observe(document, {
    subtree: true,
    attributes: true,
    childList: true,
    attributeFilter: ['data-elements-in-view', 'data-status'],
  })
}

/**
 * Zooms to 100% keeping page point (x, y) where it is; resolves with the scale reached. The client
 * zooms by `exp(-deltaY * 0.0025)` per ctrl + wheel event (CanvasController.wheel).
 */
export function zoomTo100At(at: { x: number; y: number }): number {
  const el = document.querySelector('.board-canvas')
  // Self-contained: this function runs in the page.
  const hook = (window as unknown as { __circleboard?: TestHook }).__circleboard
  if (!el || !hook) throw new Error('no canvas or no test hook')
  const deltaY = Math.log(hook.scale()) / 0.0025
  el.dispatchEvent(
    new WheelEvent('wheel', {
      deltaY,
      ctrlKey: true,
      clientX: at.x,
      clientY: at.y,
      bubbles: true,
      cancelable: true,
    }),
  )
  return hook.scale()
}

/** Clicks the toolbar's "Zoom to fit" and resolves with the ms until the first frame that shows `n` in view. */
export async function timeZoomToFit(n: number): Promise<number> {
  const button = document.querySelector<HTMLButtonElement>('button[aria-label="Zoom to fit"]')
  const bench = window.__bench
  if (!button || !bench) throw new Error('no "Zoom to fit" button or no bench hook')
  const t0 = performance.now()
  button.click()
  return (await bench.drawn(n, 20_000)) - t0
}
