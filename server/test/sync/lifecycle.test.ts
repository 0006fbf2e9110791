/**
 * Room lifecycle: loading, failures, unload, shutdown, dead sockets, capacity (server/SPEC.md S1, S6,
 * S10, S11, S13, S8 caps).
 */
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode, writeSyncStep1 } from '@circleboard/shared'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemoryDocStore, SqliteDocStore, type DocStore, type StoredDoc } from '../../src/index.js'
import { connect, destroyAll, eventually, startServer, synced } from '../helpers.js'
import { RawClient } from '../rawClient.js'

/** A memory store whose loads and appends can be slowed down or made to fail. */
class ControlledStore extends MemoryDocStore implements DocStore {
  loadDelayMs = 0
  failLoads = 0
  failAppends = false
  readonly loads: string[] = []

  override async load(room: string): Promise<StoredDoc> {
    this.loads.push(room)
    if (this.loadDelayMs > 0) await new Promise((r) => setTimeout(r, this.loadDelayMs))
    if (this.failLoads > 0) {
      this.failLoads--
      throw new Error('disk on fire')
    }
    return super.load(room)
  }

  override async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    if (this.failAppends) throw new Error('disk full')
    return super.append(room, updates)
  }
}

describe('[S1] loaded before served', () => {
  it('a client that connects while the room loads gets the stored board, never an empty one', async () => {
    const store = new ControlledStore()
    const server = await startServer({ store, limits: { roomIdleMs: 10 } })
    const board = await server.createBoard('Loaded first')
    store.loadDelayMs = 400
    const raw = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await raw.opened
    raw.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    await new Promise((r) => setTimeout(r, 200))
    // Half-way through the load nothing has been sent: no empty step 2 a client could seed from.
    expect(raw.received).toHaveLength(0)
    const client = connect(server, board.id, board.tokens.participant)
    await synced(client)
    expect(client.doc.getMap('meta').get('title')).toBe('Loaded first')
    // Both waited for the same single load of the board (and one of its control document).
    expect(store.loads.filter((r) => r === board.id)).toHaveLength(1)
    raw.close()
    destroyAll(client)
    await server.close(true)
  })
})

describe('[S6] clean failure', () => {
  it('a failed load closes with 1011, and the stock client gets the board on its retry', async () => {
    const store = new ControlledStore()
    const server = await startServer({ store })
    const board = await server.createBoard('Flaky disk')
    store.failLoads = 1
    const client = connect(server, board.id, board.tokens.participant)
    const closes: number[] = []
    client.on('connection-close', (e) => closes.push(e?.code ?? -1))
    await synced(client, 15_000)
    expect(closes).toContain(CloseCode.InternalError)
    expect(client.doc.getMap('meta').get('title')).toBe('Flaky disk')
    destroyAll(client)
    await server.close(true)
  })

  it('a failed append closes the room with 1011, forwards nothing unstored, and loses nothing', async () => {
    const store = new ControlledStore()
    const server = await startServer({ store })
    const board = await server.createBoard('Full disk')
    const a = connect(server, board.id, board.tokens.participant)
    const b = connect(server, board.id, board.tokens.participant)
    await Promise.all([synced(a), synced(b)])
    const closes: number[] = []
    b.on('connection-close', (e) => closes.push(e?.code ?? -1))
    store.failAppends = true
    a.doc.getMap('elements').set('during-outage', 'kept by the client')
    await eventually(() => expect(closes).toContain(CloseCode.InternalError))
    // The edit was never stored, so it was never forwarded.
    expect(b.doc.getMap('elements').get('during-outage')).toBeUndefined()
    expect(server.app.circleboard.sync.rooms.get(board.id)).toBeUndefined()
    store.failAppends = false
    // The clients reconnect by themselves; a's edit is resent in the sync exchange and reaches b.
    await eventually(
      () => expect(b.doc.getMap('elements').get('during-outage')).toBe('kept by the client'),
      15_000,
    )
    const stored = await store.load(board.id)
    const replay = new Y.Doc()
    for (const u of stored.updates) Y.applyUpdate(replay, u)
    expect(replay.getMap('elements').get('during-outage')).toBe('kept by the client')
    destroyAll(a, b)
    await server.close(true)
  })
})

/** SQLite with appends that take a while, so a shutdown finds work in flight and queued. */
class SlowSqliteStore extends SqliteDocStore {
  appendDelayMs = 0
  appendsStarted = 0
  override async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    this.appendsStarted++
    if (this.appendDelayMs > 0) await new Promise((r) => setTimeout(r, this.appendDelayMs))
    return super.append(room, updates)
  }
}

describe('[S10] graceful shutdown', () => {
  it('stores what is in flight and queued, closes sockets with 1001, and a restarted server has it all', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'circleboard-restart-'))
    const store = new SlowSqliteStore(join(dataDir, 'circleboard.sqlite'))
    const first = await startServer({ dataDir, store })
    const board = await first.createBoard('Restart')
    const a = connect(first, board.id, board.tokens.participant)
    await synced(a)
    const closes: number[] = []
    a.on('connection-close', (e) => closes.push(e?.code ?? -1))
    store.appendDelayMs = 300
    const started = store.appendsStarted
    a.doc.transact(() => {
      for (let i = 0; i < 100; i++) a.doc.getMap('elements').set(`e${i}`, i)
    })
    // The first batch is being appended (slowly); the next edit queues behind it.
    await eventually(() => expect(store.appendsStarted).toBeGreaterThan(started))
    a.doc.getText('notes').insert(0, 'Sista ändringen före omstarten')
    await eventually(() => expect(first.app.circleboard.sync.rooms.get(board.id)?.hasWork()).toBe(true))
    await first.close()
    await eventually(() => expect(closes).toContain(CloseCode.GoingAway))
    a.destroy()
    const second = await startServer({ dataDir })
    const b = connect(second, board.id, board.tokens.viewer)
    await synced(b)
    expect(b.doc.getMap('elements').get('e99')).toBe(99)
    expect(b.doc.getText('notes').toString()).toBe('Sista ändringen före omstarten')
    destroyAll(b)
    await second.close(true)
  })
})

describe('[S11] idle unload', () => {
  it('unloads an empty room after the idle delay and loads it again from the store', async () => {
    const server = await startServer({ limits: { roomIdleMs: 50 } })
    const board = await server.createBoard('Idle')
    const a = connect(server, board.id, board.tokens.participant)
    await synced(a)
    a.doc.getMap('elements').set('kept', true)
    await eventually(() => expect(server.app.circleboard.sync.rooms.get(board.id)).toBeDefined())
    destroyAll(a)
    await eventually(() => expect(server.app.circleboard.sync.rooms.size).toBe(0))
    const b = connect(server, board.id, board.tokens.participant)
    await synced(b)
    expect(b.doc.getMap('elements').get('kept')).toBe(true)
    destroyAll(b)
    await server.close(true)
  })
})

describe('[S1] cold rooms served from the stored state', () => {
  it("serves a fresh client from the compacted state, and takes a returning client's offline edits", async () => {
    const server = await startServer({ limits: { roomIdleMs: 30 } })
    const board = await server.createBoard('Cold')
    const a = connect(server, board.id, board.tokens.participant)
    await synced(a)
    a.doc.transact(() => {
      for (let i = 0; i < 300; i++) a.doc.getMap('elements').set(`e${i}`, i)
    })
    await eventually(async () =>
      expect((await server.app.circleboard.store.load(board.id)).updates.length).toBeGreaterThan(0),
    )
    a.disconnect()
    // Offline edits while the room unloads and compacts.
    a.doc.getMap('elements').set('offline', 'kept')
    await eventually(() => expect(server.app.circleboard.sync.rooms.size).toBe(0))
    await eventually(async () =>
      expect((await server.app.circleboard.store.load(board.id)).updates).toHaveLength(0),
    )
    const fresh = connect(server, board.id, board.tokens.viewer)
    await synced(fresh)
    expect(fresh.doc.getMap('elements').get('e299')).toBe(299)
    a.connect()
    await eventually(() => expect(fresh.doc.getMap('elements').get('offline')).toBe('kept'))
    destroyAll(a, fresh)
    await server.close(true)
  })
})

describe('[S13] dead connections', () => {
  it('drops a connection that stops answering pings', async () => {
    const server = await startServer({ limits: { pingIntervalMs: 100 } })
    const board = await server.createBoard('Pings')
    const url = `${server.ws}/${board.id}?token=${board.tokens.participant}`
    const silent = new RawClient(new WebSocket(url, { autoPong: false }))
    await silent.opened
    const closed = await silent.closed
    // Terminated, not closed: the server gives up on the socket without a close handshake.
    expect(closed.code).toBe(1006)
    await eventually(() => expect(server.app.circleboard.sync.connectionCount).toBe(0))
    await server.close(true)
  })
})

describe('[S8] capacity', () => {
  it('refuses rooms and connections over their caps with 1013, and the stock client retries', async () => {
    // A board in use holds two rooms: the board and its control document.
    const server = await startServer({ limits: { maxRooms: 2, maxConnectionsPerRoom: 1 } })
    const one = await server.createBoard('One')
    const two = await server.createBoard('Two')
    const a = connect(server, one.id, one.tokens.participant)
    await synced(a)
    const crowd = RawClient.connect(server.ws, one.id, one.tokens.participant)
    expect((await crowd.closed).code).toBe(CloseCode.TryAgainLater)
    const otherRoom = RawClient.connect(server.ws, two.id, two.tokens.participant)
    const closed = await otherRoom.closed
    expect(closed.code).toBe(CloseCode.TryAgainLater)
    expect(closed.reason).toMatch(/too many open boards/)
    destroyAll(a)
    await server.close(true)
  })
})
