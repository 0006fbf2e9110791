// `storedBytes` runs in the page: it needs the DOM's types.
/// <reference lib="dom" />
/**
 * The browser's copy of a board (y-indexeddb, issue 2): a board loaded once shows again from the browser
 * when the server cannot be reached, and what a person adds while offline reaches the board once the
 * connection is back. The board is large enough (400 elements, some 200 KB) for its first sync to take the
 * path of client/src/sync/receivedUpdates.ts (which y-indexeddb's own store at open may also cover,
 * depending on which comes first; client/test/receivedUpdates.test.ts pins that path). The server is made
 * unreachable for the page by refusing its websocket (Playwright's `routeWebSocket`), so the page itself
 * still loads. The second test holds the server's frames back until the app has loaded, so that the
 * person's entry is written during that first sync, and checks that it goes out alone. The third reads
 * the board socket's frames: a first visit sends its step 1 before the app has loaded
 * (client/src/sync/earlySocket.ts), a visit with the cache sends the cache's.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from '../support/browserSuite.js'
import { eventually, provider, synced } from '../support/providers.js'
import { fillBigBoard } from '../support/bigBoard.js'
import {
  addFromToolbar,
  boardData,
  explainPersonWait,
  openBoard,
  withTestHook,
} from '../support/boardPage.js'

const suite = browserSuite()

describe('the browser cache', () => {
  it('shows a board loaded before without the server, and sends what was added offline when it returns', async () => {
    const { board, writer, context } = await annaAndBoard('Cached board')
    try {
      let serverReachable = true
      await context.routeWebSocket(/\/ws\//, (ws) => {
        if (serverReachable) ws.connectToServer()
        else ws.close({ code: 1006, reason: 'unreachable' })
      })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      const link = `${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`
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

describe('the board socket (client/src/sync/earlySocket.ts)', () => {
  it('a person who joins while the board arrives sends their own entry, not the board back', async () => {
    const { board, writer, context } = await annaAndBoard('Joined board')
    try {
      // The board's socket: what the page sends goes on at once (its sizes recorded); what the server sends
      // is held until the board page shows (as from a busy server), so that the person's entry in `people`
      // is written by the provider's first sync, while the board is being applied (receivedUpdates.ts).
      const sent: number[] = []
      const held: (string | Buffer)[] = []
      let holding = true
      let toPage: ((m: string | Buffer) => void) | null = null
      await context.routeWebSocket(new RegExp(`/ws/${board.id}\\?`), (ws) => {
        const server = ws.connectToServer()
        ws.onMessage((m) => {
          sent.push(m.length)
          server.send(m)
        })
        toPage = (m) => ws.send(m)
        server.onMessage((m) => (holding ? held.push(m) : ws.send(m)))
      })
      const page = await context.newPage()
      await page.goto(withTestHook(`${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`))
      await expect
        .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('connecting')
      holding = false
      for (const m of held.splice(0)) toPage!(m)
      await expect
        .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('live')
      await eventually(async () => expect((await boardData(page)).elements).toHaveLength(400), 20_000)
      // Anna reached the board (the facilitator's client has her)...
      await explainPersonWait(
        page,
        board.id,
        eventually(() =>
          expect(
            [...writer.doc.getMap<{ get(k: string): unknown }>('people').values()].map((p) => p.get('name')),
          ).toContain('Anna'),
        ),
      )
      // ...in a small update: the 400 elements she had just received did not go back with it.
      expect(sent.length).toBeGreaterThan(1)
      expect(Math.max(...sent)).toBeLessThan(10_000)
    } finally {
      writer.destroy()
      await context.close()
    }
  })

  it('asks for the whole board once on a first visit, and only for what the cache lacks after', async () => {
    const board = await suite.server.createBoard('Early board')
    const writer = provider('y-websocket 3.1', suite.server.ws, board.id, board.tokens.facilitator)
    const context = await suite.newContext({ locale: 'en-GB' })
    try {
      await synced(writer)
      fillBigBoard(writer.doc, 400)
      const page = await context.newPage()
      const sockets = recordBoardSockets(page, board.id)
      await openBoard(page, `${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`)
      await eventually(async () => expect((await boardData(page)).elements).toHaveLength(400), 20_000)
      // One socket; its first message is the step 1 of an empty document, sent before the provider
      // existed; the provider's own step 1 (which would have asked for everything again) is left out.
      expect(sockets).toHaveLength(1)
      expect([...sockets[0]!.sent[0]!]).toEqual([0, 0, 1, 0])
      expect(sockets[0]!.sent.filter(isStep1)).toHaveLength(1)
      await eventually(() => expect(sockets[0]!.received.filter(isStep2)).toHaveLength(1))
      expect(sockets[0]!.received.find(isStep2)!.length).toBeGreaterThan(100_000)
      await eventually(async () =>
        expect(await page.evaluate((k) => localStorage.getItem(k), `circleboard.cached.${board.id}`)).toBe(
          '1',
        ),
      )

      // With the board in the browser's cache: one step 1, the cache's state vector, answered with little.
      await page.reload()
      await eventually(async () => expect((await boardData(page)).elements).toHaveLength(400), 20_000)
      await expect
        .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('live')
      expect(sockets).toHaveLength(2)
      const again = sockets[1]!
      expect(again.sent.filter(isStep1)).toHaveLength(1)
      expect(again.sent.find(isStep1)!.length).toBeGreaterThan(4)
      await eventually(() => expect(again.received.filter(isStep2)).toHaveLength(1))
      expect(again.received.find(isStep2)!.length).toBeLessThan(1_000)
    } finally {
      writer.destroy()
      await context.close()
    }
  })
})

describe('a browser whose cache cannot be read', () => {
  it('still goes live: the provider stops waiting for the cache and connects', async () => {
    const board = await suite.server.createBoard('No IndexedDB')
    const context = await suite.newContext({ locale: 'en-GB' })
    try {
      // Remembered as cached (so the early socket asks for nothing itself), but IndexedDB refuses to open.
      await context.addInitScript((id) => {
        localStorage.setItem(`circleboard.cached.${id}`, '1')
        const refuse = (): never => {
          throw new DOMException('IndexedDB is not available here', 'InvalidStateError')
        }
        Object.defineProperty(window, 'indexedDB', { value: { open: refuse, deleteDatabase: refuse } })
      }, board.id)
      const page = await context.newPage()
      const sockets = recordBoardSockets(page, board.id)
      await openBoard(page, `${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`)
      await expect.poll(() => page.locator('h1.board-title').textContent()).toBe('No IndexedDB')
      // One step 1, the provider's, sent after its wait for the cache.
      expect(sockets).toHaveLength(1)
      expect(sockets[0]!.sent.filter(isStep1)).toHaveLength(1)
    } finally {
      await context.close()
    }
  })
})

/**
 * A board of 400 elements written by the facilitator's client (synced), and a browser context in which
 * the person is Anna (no first-visit question). Whoever calls it closes both.
 */
async function annaAndBoard(title: string) {
  const board = await suite.server.createBoard(title)
  const writer = provider('y-websocket 3.1', suite.server.ws, board.id, board.tokens.facilitator)
  const context = await suite.newContext({ locale: 'en-GB' })
  try {
    await synced(writer)
    fillBigBoard(writer.doc, 400)
    await context.addInitScript(() => {
      localStorage.setItem('circleboard.name', 'Anna')
      localStorage.setItem('circleboard.nameAsked', '1')
    })
    return { board, writer, context }
  } catch (err) {
    writer.destroy()
    await context.close()
    throw err
  }
}

/** The binary frames each websocket of `page` to board `boardId` sent and received, in order. */
function recordBoardSockets(page: Page, boardId: string): { sent: Buffer[]; received: Buffer[] }[] {
  const sockets: { sent: Buffer[]; received: Buffer[] }[] = []
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.endsWith(`/ws/${boardId}`)) return
    const socket = { sent: [] as Buffer[], received: [] as Buffer[] }
    sockets.push(socket)
    ws.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') socket.sent.push(payload)
    })
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') socket.received.push(payload)
    })
  })
  return sockets
}

const isStep1 = (frame: Buffer): boolean => frame[0] === 0 && frame[1] === 0
const isStep2 = (frame: Buffer): boolean => frame[0] === 0 && frame[1] === 1

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
