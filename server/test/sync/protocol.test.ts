/**
 * The server with the real y-websocket client (3.x) over real sockets: convergence, presence, and the
 * quirks of the stock client (server/SPEC.md S5, S9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import {
  readBoard,
  writeAwareness,
  writeAwarenessUpdate,
  writeQueryAwareness,
  writeSyncStep1,
  writeUpdate,
} from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { RawClient } from '../rawClient.js'
import { DEFAULT_BOARD_SETTINGS } from '../../src/index.js'

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Protocol')
})
afterAll(async () => {
  await server.close(true)
})

describe('convergence with the stock client', () => {
  it('three clients converge under concurrent edits, two typing into one Y.Text', async () => {
    const [a, b, c] = [0, 1, 2].map(() => connect(server, board.id, board.tokens.participant)) as [
      ReturnType<typeof connect>,
      ReturnType<typeof connect>,
      ReturnType<typeof connect>,
    ]
    await Promise.all([synced(a), synced(b), synced(c)])
    const label = (p: typeof a): Y.Text => {
      const el = p.doc.getMap<Y.Map<unknown>>('elements')
      return el.get('e1')?.get('label') as Y.Text
    }
    a.doc.transact(() => {
      const m = new Y.Map<unknown>()
      m.set('type', 'actor')
      m.set('label', new Y.Text('Kommunen'))
      a.doc.getMap('elements').set('e1', m)
    })
    await eventually(() => {
      expect(label(b)?.toString()).toBe('Kommunen')
      expect(label(c)?.toString()).toBe('Kommunen')
    })
    // Interleaved typing into the same label from two people, plus unrelated edits from a third.
    for (let i = 0; i < 20; i++) {
      label(a).insert(label(a).length, 'a')
      label(b).insert(0, 'b')
      c.doc.getMap('elements').set(`c${i}`, i)
    }
    await eventually(() => {
      const states = [a, b, c].map((p) => Y.encodeStateAsUpdate(p.doc))
      const texts = [a, b, c].map((p) => label(p).toString())
      expect(new Set(texts).size).toBe(1)
      expect(texts[0]).toMatch(/^b{20}Kommunena{20}$/)
      expect(c.doc.getMap('elements').get('c19')).toBe(19)
      expect(a.doc.getMap('elements').get('c19')).toBe(19)
      // Byte-equal end state: same structs, same delete sets.
      const docs = states.map((s) => {
        const d = new Y.Doc()
        Y.applyUpdate(d, s)
        return d.getMap('elements').toJSON()
      })
      expect(docs[1]).toEqual(docs[0])
      expect(docs[2]).toEqual(docs[0])
    })
    destroyAll(a, b, c)
  })

  it('a late joiner gets the whole board', async () => {
    const a = connect(server, board.id, board.tokens.participant)
    await synced(a)
    a.doc.getMap('elements').set('late', 'yes')
    await eventually(async () => {
      const b = connect(server, board.id, board.tokens.viewer)
      try {
        await synced(b)
        expect(b.doc.getMap('elements').get('late')).toBe('yes')
        expect(b.doc.getMap('meta').get('title')).toBe('Protocol')
      } finally {
        destroyAll(b)
      }
    })
    destroyAll(a)
  })
})

describe('templates and migrations', () => {
  it('a board created from a template holds it when the first client syncs, in the chosen language', async () => {
    const res = await fetch(`${server.http}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Exempel', template: 'example', language: 'sv' }),
    })
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; links: { viewer: string } }
    const p = connect(server, body.id, body.links.viewer.split('#t=')[1]!)
    await synced(p)
    const board = readBoard(p.doc)
    expect(board.elements.map((e) => e.label)).toContain('Försäkringskassan')
    expect(board.meetings.length).toBe(4)
    expect(board.invalid).toEqual([])
    destroyAll(p)
  })

  it('an unversioned board (written by a bare client) is migrated when its room loads', async () => {
    const legacy = await server.createBoard('Legacy')
    const store = server.app.circleboard.store
    const doc = new Y.Doc()
    doc.getMap('meta').delete('schema')
    const el = new Y.Map<unknown>()
    el.set('type', 'actor')
    el.set('x', 1)
    el.set('y', 2)
    el.set('label', 'plain string label')
    doc.getMap('elements').set('old1', el)
    await server.app.circleboard.sync.rooms.get(legacy.id)?.settle()
    await store.deleteBoard(legacy.id)
    await store.createBoard({
      id: legacy.id,
      title: 'Legacy',
      template: null,
      createdAt: 1,
      settings: DEFAULT_BOARD_SETTINGS,
      expiresAt: null,
    })
    await store.append(legacy.id, [Y.encodeStateAsUpdate(doc)])
    const p = connect(server, legacy.id, legacy.tokens.viewer)
    await synced(p)
    expect(p.doc.getMap('meta').get('schema')).toBe(1)
    const label = (p.doc.getMap('elements').get('old1') as Y.Map<unknown>).get('label')
    expect(label).toBeInstanceOf(Y.Text)
    expect(readBoard(p.doc).elements.map((e) => e.label)).toEqual(['plain string label'])
    destroyAll(p)
  })
})

describe('presence', () => {
  it('[S9] awareness flows between clients and is removed when one disconnects', async () => {
    const a = connect(server, board.id, board.tokens.participant)
    const b = connect(server, board.id, board.tokens.viewer)
    await Promise.all([synced(a), synced(b)])
    a.awareness.setLocalStateField('user', { id: 'p-a', name: 'Anna', color: '#f00', role: 'participant' })
    b.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await eventually(() => {
      expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({ user: { name: 'Anna' } })
      // A viewer may send presence too.
      expect(a.awareness.getStates().get(b.doc.clientID)).toMatchObject({ cursor: { x: 1, y: 2 } })
    })
    const aId = a.doc.clientID
    a.destroy()
    await eventually(() => expect(b.awareness.getStates().has(aId)).toBe(false))
    destroyAll(b)
  })
})

describe('[S5] the quirks of the stock client', () => {
  it('sends step 1 and presence on join, answers step 1 with step 2, echoes updates, one message per frame', async () => {
    const watcher = connect(server, board.id, board.tokens.participant)
    await synced(watcher)
    watcher.awareness.setLocalStateField('user', { name: 'Watcher' })
    const raw = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await raw.opened
    // On join: the server's step 1 (sync type 0, sub-type 0) and the room's presence.
    await eventually(() => {
      expect(raw.ofType(0).some((r) => r.data[1] === 0)).toBe(true)
      expect(raw.ofType(1).length).toBeGreaterThan(0)
    })
    raw.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    // The answer to our step 1 is a step 2 (sub-type 1) holding the board.
    const step2 = await eventually(() => {
      const r = raw.ofType(0).find((m) => m.data[1] === 1)
      expect(r).toBeDefined()
      return r!
    })
    const d = decoding.createDecoder(step2.data)
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, decoding.readVarUint8Array(d))
    expect(doc.getMap('meta').get('title')).toBe('Protocol')
    // Exactly one message per frame: nothing left after the payload.
    expect(decoding.hasContent(d)).toBe(false)
    // An update from the watcher reaches the raw client; the watcher gets its own update echoed.
    const before = raw.ofType(0).length
    let echoed = 0
    watcher.ws?.addEventListener('message', () => echoed++)
    watcher.doc.getMap('elements').set('echo', 1)
    await eventually(() => {
      expect(raw.ofType(0).length).toBeGreaterThan(before)
      expect(echoed).toBeGreaterThan(0)
    })
    // Query-awareness is answered with every known state.
    const awarenessBefore = raw.ofType(1).length
    raw.send(writeQueryAwareness())
    await eventually(() => expect(raw.ofType(1).length).toBeGreaterThan(awarenessBefore))
    raw.close()
    destroyAll(watcher)
  })

  it('echoes a presence renewal to its sender: what keeps an idle stock client from timing out', async () => {
    const raw = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await raw.opened
    const renewal = writeAwareness(
      writeAwarenessUpdate([{ clientId: 4242, clock: 7, state: '{"user":{"name":"Idle"}}' }]),
    )
    const before = raw.ofType(1).length
    raw.send(renewal)
    await eventually(() => {
      const echoes = raw.ofType(1).slice(before)
      expect(echoes.some((r) => Buffer.from(r.data).equals(Buffer.from(renewal)))).toBe(true)
    })
    raw.close()
  })
})

describe('a large update that adds little (a board sent back)', () => {
  it('stores and forwards only what it adds, and nothing when it adds nothing', async () => {
    const resent = await server.createBoard('Resent')
    const writer = connect(server, resent.id, resent.tokens.participant)
    await synced(writer)
    writer.doc.transact(() => {
      for (let i = 0; i < 400; i++) {
        const el = new Y.Map<unknown>()
        el.set('type', 'actor')
        el.set('label', new Y.Text(`Aktör ${i} ${'med en lång beskrivning '.repeat(8)}`))
        writer.doc.getMap('elements').set(`e${i}`, el)
      }
    })
    const watcher = RawClient.connect(server.ws, resent.id, resent.tokens.participant)
    const sender = RawClient.connect(server.ws, resent.id, resent.tokens.participant)
    await Promise.all([watcher.opened, sender.opened])
    // The whole board as the sender's copy holds it, once it is all on the server.
    const copy = new Y.Doc()
    await eventually(() => {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc))
      expect(copy.getMap('elements').size).toBe(400)
    })
    const db = new Database(join(server.dataDir, 'circleboard.sqlite'), { readonly: true })
    const logged = (): number =>
      (
        db
          .prepare('SELECT COALESCE(SUM(LENGTH(blob)), 0) AS n FROM updates WHERE room = ?')
          .get(resent.id) as {
          n: number
        }
      ).n
    await eventually(() => expect(logged()).toBeGreaterThan(100_000))
    const updatesSeen = (): Uint8Array[] =>
      watcher
        .ofType(0)
        .filter((r) => r.data[1] === 2)
        .map((r) => r.data)
    const payload = (frame: Uint8Array): Uint8Array => {
      const d = decoding.createDecoder(frame)
      decoding.readVarUint(d)
      decoding.readVarUint(d)
      return decoding.readVarUint8Array(d)
    }
    try {
      // 1. The whole board with one new element: the watcher gets the element alone, and the log grows
      //    by about that much.
      copy.getMap('elements').set('late', 1)
      const whole = Y.encodeStateAsUpdate(copy)
      expect(whole.length).toBeGreaterThan(100_000)
      const seenBefore = updatesSeen().length
      const loggedBefore = logged()
      sender.send(writeUpdate(whole))
      await eventually(() => expect(writer.doc.getMap('elements').get('late')).toBe(1))
      await eventually(() => expect(updatesSeen().length).toBe(seenBefore + 1))
      const forwarded = updatesSeen()[seenBefore]!
      expect(forwarded.length).toBeLessThan(1000)
      const check = new Y.Doc()
      Y.applyUpdate(check, Y.encodeStateAsUpdate(writer.doc))
      Y.applyUpdate(check, payload(forwarded))
      expect(check.getMap('elements').get('late')).toBe(1)
      expect(logged() - loggedBefore).toBeLessThan(1000)

      // 2. The same bytes again: nothing new, nothing stored or forwarded. A small update sent after them
      //    is the next thing the watcher sees.
      const loggedAgain = logged()
      sender.send(writeUpdate(whole))
      copy.getMap('elements').set('marker', 2)
      sender.send(writeUpdate(Y.encodeStateAsUpdate(copy, Y.encodeStateVector(writer.doc))))
      await eventually(() => expect(writer.doc.getMap('elements').get('marker')).toBe(2))
      await eventually(() => expect(updatesSeen().length).toBe(seenBefore + 2))
      expect(updatesSeen()[seenBefore + 1]!.length).toBeLessThan(1000)
      expect(logged() - loggedAgain).toBeLessThan(1000)
      // Both senders are still connected, and the board is whole.
      expect(sender.closeCode).toBeNull()
      expect(writer.doc.getMap('elements').size).toBe(402)
    } finally {
      db.close()
      watcher.close()
      sender.close()
      destroyAll(writer)
    }
  })
})
