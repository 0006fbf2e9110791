/**
 * One real participant in a presence load: a Chromium page with the board open, among simulated
 * clients (the facilitation bench, tests/bench/suites/facilitation.ts). Over the measured window it
 * reads, through the DevTools protocol, how much of the page's main thread went by (all tasks, and
 * script), how often it recalculated styles and layout (React re-rendering DOM would show here), and how
 * many websocket frames the page itself sent (a browser echoing others' cursors would show here).
 *
 * The page is served by the server under test, so that server must have a built client (`npm run bench`
 * builds one; `CLIENT_DIR` chooses another).
 */
import type { Browser, CDPSession, Page } from 'playwright-core'
import { launchBrowser } from './browser.js'

/** The window to measure, in this process's `performance.now()` milliseconds. */
export interface Window {
  readonly start: number
  readonly end: number
}

/** A participant in Chromium. */
export interface BrowserPeer {
  /** Measures the page over `window` (call before the window starts). */
  measure(window: Window): Promise<Record<string, number | null>>
  close(): Promise<void>
}

const sleepUntil = async (t: number): Promise<void> => {
  const ms = t - performance.now()
  if (ms > 0) await new Promise((r) => setTimeout(r, ms))
}

async function perf(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[]
  }
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

/** The board page for a participant websocket URL (`ws://host/ws/<board>?token=<token>`). */
export function pageUrlOf(wsUrl: string): string {
  const u = new URL(wsUrl)
  const board = decodeURIComponent(u.pathname.replace(/^\/ws\//, ''))
  return `http://${u.host}/b/${board}#t=${u.searchParams.get('token') ?? ''}`
}

/** Opens the board in Chromium as a named participant and waits until it is live. */
export async function openBrowserPeer(pageUrl: string): Promise<BrowserPeer> {
  const browser: Browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 } })
    // A name already given in this browser: no question in the way.
    await context.addInitScript(() => {
      localStorage.setItem('circleboard.name', 'Bench observer')
      localStorage.setItem('circleboard.nameAsked', '1')
    })
    const page: Page = await context.newPage()
    await page.goto(pageUrl)
    await page.waitForSelector('[data-status="live"]', { timeout: 30_000 })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('Network.enable')
    let sent = 0
    cdp.on('Network.webSocketFrameSent', () => sent++)
    return {
      async measure(window) {
        await sleepUntil(window.start)
        const a = await perf(cdp)
        const sentA = sent
        await sleepUntil(window.end)
        const b = await perf(cdp)
        const s = (window.end - window.start) / 1000
        const d = (key: string): number => ((b[key] ?? 0) - (a[key] ?? 0)) / s
        const status = await page.locator('[data-status]').first().getAttribute('data-status')
        const cursors = await page.locator('canvas[data-cursors]').getAttribute('data-cursors')
        return {
          page_main_thread_pct: 100 * d('TaskDuration'),
          page_script_pct: 100 * d('ScriptDuration'),
          page_style_recalcs_per_s: d('RecalcStyleCount'),
          page_layouts_per_s: d('LayoutCount'),
          page_sent_frames_per_s: (sent - sentA) / s,
          page_live: status === 'live' ? 1 : 0,
          page_cursors_shown: cursors === null ? null : Number(cursors),
        }
      },
      close: () => browser.close(),
    }
  } catch (err) {
    await browser.close()
    throw err
  }
}
