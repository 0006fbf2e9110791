/**
 * One board page in headless Chromium for the client benchmark: opened with a fresh profile, timed
 * from navigation to the first frame that shows the whole board, then driven like a person would
 * (Playwright's mouse for pans and drags, the toolbar for zoom to fit) while the page records its frame
 * intervals. See pageScript.ts for what is read in the page and why.
 */
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { launchBrowser } from '../../support/browser.js'
import { sleep } from '../lib/time.js'
import { distribution, type Distribution } from '../lib/stats.js'
import { NAME_HELPER, installPageBench, timeZoomToFit, zoomTo100At, type TestHook } from './pageScript.js'

/** The browser window: a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 } as const
/** Pointer moves per second during a gesture (browsers deliver pointer moves once per frame anyway). */
const MOVE_HZ = 60

/** A point on the page, CSS pixels. */
export interface PagePoint {
  readonly x: number
  readonly y: number
}

/** What loading the page measured. */
export interface LoadFigures {
  readonly liveMs: number | null
  readonly firstRenderMs: number
  /** JS heap after a full collection, bytes. */
  readonly heapBytes: number
  /** JS the page fetched while loading, raw and gzipped (each response on its own, default level). */
  readonly jsBytes: number
  readonly jsGzipBytes: number
  readonly jsFiles: number
}

/** What the page recorded during a gesture. */
export interface GestureFrames {
  readonly intervals: Distribution
  /** Frames in which a canvas was redrawn, and in which the watched element moved on screen. */
  readonly drawn: number
  readonly moved: number
}

/** An open board page. */
export interface BoardPage {
  readonly page: Page
  readonly errors: string[]
  load(): Promise<LoadFigures>
  /** The camera's scale. */
  scale(): Promise<number>
  /** The centre of an element on the page, or `null` when it is not on the board. */
  centreOf(id: string): Promise<PagePoint | null>
  /** The centre of the canvas on the page. */
  canvasCentre(): Promise<PagePoint>
  /** Zooms to 100% around element `id` (which stays where it is on screen); resolves with its centre. */
  zoomTo100(id: string): Promise<PagePoint>
  /** Zoom to fit through the toolbar; resolves with the ms until the first frame showing all `n`. */
  zoomToFit(): Promise<number>
  /** Frame intervals while `during` runs, and how many frames redrew and moved element `watch`. */
  frames(watch: string, during: () => Promise<unknown>): Promise<GestureFrames>
  /** Pans with the middle button held, round a figure about the canvas centre, for `ms`. */
  pan(ms: number): Promise<void>
  /** Drags the element under `at` round a circle of `radius` px for `ms`. */
  drag(at: PagePoint, radius: number, ms: number): Promise<void>
  close(): Promise<void>
}

/** Calls `step` with the elapsed ms about `MOVE_HZ` times a second, for `ms`. */
async function paced(ms: number, step: (t: number) => Promise<void>): Promise<void> {
  const t0 = performance.now()
  for (let i = 1; ; i++) {
    const t = performance.now() - t0
    if (t >= ms) return
    await step(t)
    const wait = t0 + (i * 1000) / MOVE_HZ - performance.now()
    if (wait > 0) await sleep(wait)
  }
}

/** Opens `url` (a board link with `?test`) in a fresh browser; `elements` is the board's size. */
export async function openBoardPage(url: string, elements: number): Promise<BoardPage> {
  const browser: Browser = await launchBrowser()
  try {
    const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' })
    await context.addInitScript({ content: NAME_HELPER })
    await context.addInitScript(installPageBench, elements)
    const page: Page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const scripts: Promise<{ raw: number; gzip: number } | null>[] = []
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return
      scripts.push(
        res.body().then(
          (body) => ({ raw: body.length, gzip: gzipSync(body).length }),
          () => null,
        ),
      )
    })
    const cdp: CDPSession = await context.newCDPSession(page)
    const centreOf = (id: string): Promise<PagePoint | null> =>
      page.evaluate((i) => {
        const box = (window as unknown as { __circleboard?: TestHook }).__circleboard?.screenBox(i)
        return box ? { x: box.x + box.w / 2, y: box.y + box.h / 2 } : null
      }, id)
    const settle = async (ms = 400): Promise<void> => {
      await sleep(ms)
      await page.evaluate(
        () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      )
    }
    const self: BoardPage = {
      page,
      errors,
      async load() {
        await page.goto(url)
        await page.waitForFunction(() => window.__bench?.firstRender !== null, null, {
          timeout: 60_000,
          polling: 50,
        })
        const { live, firstRender } = await page.evaluate(() => ({
          live: window.__bench!.live,
          firstRender: window.__bench!.firstRender as number,
        }))
        // What the page fetches once it shows the board (a chunk loaded at idle) counts as startup too.
        await settle(1000)
        await cdp.send('HeapProfiler.collectGarbage')
        const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
        const files = (await Promise.all(scripts)).filter((f): f is { raw: number; gzip: number } => !!f)
        return {
          liveMs: live,
          firstRenderMs: firstRender,
          heapBytes: heap.usedSize,
          jsBytes: files.reduce((a, f) => a + f.raw, 0),
          jsGzipBytes: files.reduce((a, f) => a + f.gzip, 0),
          jsFiles: files.length,
        }
      },
      scale: () =>
        page.evaluate(() => (window as unknown as { __circleboard?: TestHook }).__circleboard!.scale()),
      centreOf,
      async canvasCentre() {
        const box = await page.locator('.board-canvas').boundingBox()
        if (!box) throw new Error('no canvas')
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      },
      async zoomTo100(id) {
        const at = await centreOf(id)
        if (!at) throw new Error(`element ${id} is not on the board`)
        const scale = await page.evaluate(zoomTo100At, at)
        if (Math.abs(scale - 1) > 1e-6) throw new Error(`zoomed to ${scale} instead of 1`)
        await settle()
        return at
      },
      async zoomToFit() {
        const ms = await page.evaluate(timeZoomToFit, elements)
        await settle()
        return ms
      },
      async frames(watch, during) {
        await settle()
        await page.evaluate((id) => window.__bench!.startFrames(id), watch)
        await during()
        const { intervals, drawn, moved } = await page.evaluate(() => window.__bench!.stopFrames())
        return { intervals: distribution(intervals), drawn, moved }
      },
      async pan(ms) {
        const c = await self.canvasCentre()
        await page.mouse.move(c.x, c.y)
        await page.mouse.down({ button: 'middle' })
        // A figure of eight about the centre: the view moves up to 400 px sideways and 200 px up and down,
        // at up to 1,300 px/s, so elements keep entering and leaving it.
        await paced(ms, async (t) => {
          const a = (2 * Math.PI * t) / 2000
          await page.mouse.move(c.x + 400 * Math.sin(a), c.y + 200 * Math.sin(2 * a))
        })
        await page.mouse.move(c.x, c.y)
        await page.mouse.up({ button: 'middle' })
      },
      async drag(at, radius, ms) {
        await page.mouse.move(at.x, at.y)
        await page.mouse.down()
        await paced(ms, async (t) => {
          const a = (2 * Math.PI * t) / 1500
          await page.mouse.move(at.x + radius * Math.sin(a), at.y + radius * (1 - Math.cos(a)))
        })
        await page.mouse.move(at.x, at.y)
        await page.mouse.up()
      },
      close: () => browser.close(),
    }
    return self
  } catch (err) {
    await browser.close()
    throw err
  }
}
