/**
 * The fixture every browser test file had written for itself: a server process and a Chromium, started
 * before the file's tests and stopped after them, with the browser contexts made through `newContext`
 * closed first. Call `browserSuite()` at the top of a test file; use its fields inside tests and hooks.
 */
import { afterAll, beforeAll } from 'vitest'
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { startServerProcess, type ServerProcess } from './serverProcess.js'
import { launchBrowser } from './browser.js'

/** What a browser test file uses. */
export interface BrowserSuite {
  readonly server: ServerProcess
  readonly browser: Browser
  /** A new browser context, closed when the file's tests are done. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>
}

/** Starts a server and a browser for this test file (`beforeAll`) and stops them (`afterAll`). */
export function browserSuite(): BrowserSuite {
  let server: ServerProcess | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.stop()
  })
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test or a hook`)
    return value
  }
  return {
    get server() {
      return started(server, 'the server')
    },
    get browser() {
      return started(browser, 'the browser')
    },
    async newContext(options) {
      const context = await started(browser, 'the browser').newContext(options)
      contexts.push(context)
      return context
    },
  }
}
