// `storedBytes` runs in the page: it needs the DOM's types.
/// <reference lib="dom" />
/**
 * The browser's copy of a board (y-indexeddb, issue 2): a board loaded once shows again from the browser
 * when the server cannot be reached, and what a person adds while offline reaches the board once the
 * connection is back. The board is large enough (400 elements, some 200 KB) for its first sync to take the
 * path of client/src/sync/receivedUpdates.ts (which y-indexeddb's own store at open may also cover,
 * depending on which comes first; client/test/receivedUpdates.test.ts pins that path). The server is made
 * unreachable for the page by refusing its websocket (Playwright's `routeWebSocket`), so the page itself
 * still loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js'
import { launchBrowser } from '../support/browser.js'
import { eventually, provider, synced } from '../support/providers.js'
import { fillBigBoard } from '../support/bigBoard.js'
import { addFromToolbar, boardData, openBoard } from '../support/boardPage.js'

let server: ServerProcess
let browser: Browser

beforeAll(async () => {
  server = await startServerProcess()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the browser cache', () => {
  it('shows a board loaded before without the server, and sends what was added offline when it returns', async () => {
    const board = await server.createBoard('Cached board')
    const writer = provider('y-websocket 3.1', server.ws, board.id, board.tokens.facilitator)
    const context = await browser.newContext({ locale: 'en-GB' })
    try {
      await synced(writer)
      fillBigBoard(writer.doc, 400)
      await context.addInitScript(() => {
        localStorage.setItem('circleboard.name', 'Anna')
        localStorage.setItem('circleboard.nameAsked', '1')
      })
      let serverReachable = true
      await context.routeWebSocket(/\/ws\//, (ws) => {
        if (serverReachable) ws.connectToServer()
        else ws.close({ code: 1006, reason: 'unreachable' })
      })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      const link = `${server.http}/b/${board.id}#t=${board.tokens.participant}`
      await openBoard(page, link)
      await eventually(async () => expect((await boardData(page)).elements).toHaveLength(400), 20_000)
      // IndexedDB holds the board (400 elements are some 200 KB of updates).
      await eventually(async () => {
        expect(await page.evaluate(storedBytes, `circleboard:${board.id}`)).toBeGreaterThan(100_000)
      })

      // Without the server: the board shows from the browser, and is not live.
      serverReachable = false
      await page.reload()
      await eventually(async () => expect((await boardData(page)).elements).toHaveLength(400), 20_000)
      expect(await page.locator('[data-status]').getAttribute('data-status')).not.toBe('live')

      // An actor added offline...
      const id = await addFromToolbar(page, 'Add actor', 'Added offline')
      // ...reaches the board when the connection returns (the provider retries by itself).
      serverReachable = true
      await expect
        .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('live')
      await eventually(() => expect(writer.doc.getMap('elements').has(id)).toBe(true), 20_000)
      expect(writer.doc.getMap('elements').size).toBe(401)
      expect(errors).toEqual([])
    } finally {
      writer.destroy()
      await context.close()
    }
  })
})

/** Total bytes of the updates y-indexeddb holds for `name` (runs in the page). */
function storedBytes(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name)
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('updates')) {
        db.close()
        return resolve(0)
      }
      const all = db.transaction('updates').objectStore('updates').getAll()
      all.onerror = () => reject(all.error)
      all.onsuccess = () => {
        db.close()
        resolve((all.result as Uint8Array[]).reduce((a, u) => a + u.byteLength, 0))
      }
    }
  })
}
