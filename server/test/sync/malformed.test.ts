/**
 * Bad input of every kind closes only the connection that sent it (server/SPEC.md S7, S8): the server,
 * the room, every other client and the stored board carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import {
  CloseCode,
  writeAwareness,
  writeAwarenessUpdate,
  writeSyncStep1,
  writeSyncStep2,
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

const LIMITS = {
  maxPayloadBytes: 64 * 1024,
  messageBurst: 100,
  messagesPerSecond: 20,
  maxAwarenessStateBytes: 2048,
  maxAwarenessClientsPerConnection: 3,
}

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer({ limits: LIMITS })
  board = await server.createBoard('Bad input')
})
afterAll(async () => {
  await server.close(true)
})

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomBytes(seed: number, length: number): Uint8Array {
  const r = rng(seed)
  return Uint8Array.from({ length }, () => Math.floor(r() * 256))
}

function realUpdate(fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  let out: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (out = u))
  fn(doc)
  return out!
}

function envelope(type: number, sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

const CASES: [string, () => Uint8Array | string, number][] = [
  ['a text frame', () => 'hello, is this the board?', CloseCode.BadMessage],
  ['an empty frame', () => new Uint8Array(0), CloseCode.BadMessage],
  ['a truncated varint', () => Uint8Array.of(0x80), CloseCode.BadMessage],
  ['an unknown message type', () => Uint8Array.of(7, 1, 2), CloseCode.BadMessage],
  ['an unknown sync message type', () => Uint8Array.of(0, 9, 0), CloseCode.BadMessage],
  ['a length prefix past the frame', () => Uint8Array.of(0, 2, 0xff, 0x01, 1, 2, 3), CloseCode.BadMessage],
  ['a varint out of range', () => Uint8Array.of(0, 2, ...Array(10).fill(0xff), 0x01), CloseCode.BadMessage],
  [
    'trailing bytes after a valid update',
    () => Uint8Array.of(...writeUpdate(realUpdate((d) => d.getMap('x').set('a', 1))), 0),
    CloseCode.BadMessage,
  ],
  ['garbage inside a valid update envelope', () => envelope(0, 2, randomBytes(7, 200)), CloseCode.BadMessage],
  [
    'garbage inside a valid step 2 envelope',
    () => envelope(0, 1, Uint8Array.of(5, 200, 1, 2, 3)),
    CloseCode.BadMessage,
  ],
  ['garbage as a state vector', () => envelope(0, 0, Uint8Array.of(3, 0xff)), CloseCode.BadMessage],
  [
    'awareness that is not JSON',
    () => writeAwareness(writeAwarenessUpdate([{ clientId: 1, clock: 1, state: '{not json' }])),
    CloseCode.BadMessage,
  ],
  [
    'awareness with a lying entry count',
    () => envelope(1, 200, new Uint8Array(0)).subarray(0, 2),
    CloseCode.BadMessage,
  ],
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed): [string, () => Uint8Array, number] => [
    `random bytes (seed ${seed})`,
    () => randomBytes(seed, 1 + seed * 37),
    CloseCode.BadMessage,
  ]),
  [
    'a frame over the size limit',
    () => writeUpdate(realUpdate((d) => d.getText('t').insert(0, 'x'.repeat(LIMITS.maxPayloadBytes + 10)))),
    CloseCode.TooLarge,
  ],
  [
    'an awareness state over its size limit',
    () =>
      writeAwareness(
        writeAwarenessUpdate([{ clientId: 9, clock: 1, state: JSON.stringify({ big: 'y'.repeat(5000) }) }]),
      ),
    CloseCode.TooLarge,
  ],
  [
    'awareness for too many client ids',
    () =>
      writeAwareness(
        writeAwarenessUpdate([1, 2, 3, 4, 5].map((i) => ({ clientId: 1000 + i, clock: 1, state: '{}' }))),
      ),
    CloseCode.TooMany,
  ],
]

/** The stored board as JSON. */
async function storedJson(): Promise<unknown> {
  await server.app.circleboard.sync.rooms.get(board.id)?.settle()
  const stored = await server.app.circleboard.store.load(board.id)
  const doc = new Y.Doc()
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
  return { elements: doc.getMap('elements').toJSON(), meta: doc.getMap('meta').toJSON() }
}

describe('[S7] [S8] bad input closes only its own connection', () => {
  it.each(CASES)('%s', async (_name, make, code) => {
    const bystander = connect(server, board.id, board.tokens.participant)
    await synced(bystander)
    const marker = `${_name} ${Math.random()}`
    bystander.doc.getMap('elements').set('before', marker)
    const before = await eventually(async () => {
      const json = (await storedJson()) as { elements: Record<string, unknown> }
      expect(json.elements.before).toBe(marker)
      return json
    })

    const bad = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await bad.opened
    bad.send(make())
    const closed = await bad.closed
    expect(closed.code).toBe(code)
    expect(closed.reason.length).toBeGreaterThan(0)

    // The room carries on: the bystander still edits and a new client sees it.
    bystander.doc.getMap('elements').set('after', 'still here')
    const check = connect(server, board.id, board.tokens.viewer)
    await synced(check)
    await eventually(() => expect(check.doc.getMap('elements').get('after')).toBe('still here'))
    expect(bystander.wsconnected).toBe(true)
    // The stored board is intact: what was there is still there, only the bystander's edit was added.
    const after = (await storedJson()) as { elements: Record<string, unknown> }
    expect({ ...after.elements, after: undefined }).toEqual({ ...before.elements, after: undefined })
    destroyAll(bystander, check)
  })

  it('a flood of messages closes the flooder with 4429', async () => {
    const bystander = connect(server, board.id, board.tokens.participant)
    await synced(bystander)
    const flooder = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await flooder.opened
    const step1 = writeSyncStep1(Y.encodeStateVector(new Y.Doc()))
    for (let i = 0; i < LIMITS.messageBurst * 3 && flooder.ws.readyState === flooder.ws.OPEN; i++)
      flooder.send(step1)
    expect((await flooder.closed).code).toBe(CloseCode.TooMany)
    bystander.doc.getMap('elements').set('after-flood', 1)
    const check = connect(server, board.id, board.tokens.viewer)
    await synced(check)
    await eventually(() => expect(check.doc.getMap('elements').get('after-flood')).toBe(1))
    destroyAll(bystander, check)
  })

  it("echoes of others' presence (what stock clients relay) cost a tenth of a message", async () => {
    const owner = RawClient.connect(server.ws, board.id, board.tokens.participant)
    const echoer = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await Promise.all([owner.opened, echoer.opened])
    const state = writeAwareness(
      writeAwarenessUpdate([{ clientId: 777, clock: 5, state: '{"cursor":{"x":1,"y":2}}' }]),
    )
    owner.send(state)
    await eventually(() =>
      expect(echoer.ofType(1).some((r) => Buffer.from(r.data).equals(Buffer.from(state)))).toBe(true),
    )
    // Three times the burst of echoes: well over the budget if each counted as a message.
    for (let i = 0; i < LIMITS.messageBurst * 3; i++) echoer.send(state)
    const check = RawClient.connect(server.ws, board.id, board.tokens.viewer)
    await check.opened
    await eventually(() => expect(check.ofType(1).length).toBeGreaterThan(0))
    expect(echoer.closeCode).toBeNull()
    // New presence from it still counts in full.
    for (let i = 0; i < LIMITS.messageBurst * 3 && echoer.ws.readyState === echoer.ws.OPEN; i++) {
      echoer.send(writeAwareness(writeAwarenessUpdate([{ clientId: 888, clock: i + 1, state: '{}' }])))
    }
    expect((await echoer.closed).code).toBe(CloseCode.TooMany)
    owner.close()
    check.close()
  })

  it('a viewer sending garbage is closed too, without touching the board', async () => {
    const viewer = RawClient.connect(server.ws, board.id, board.tokens.viewer)
    await viewer.opened
    viewer.send(envelope(0, 2, randomBytes(99, 64)))
    // A viewer's update is refused for its role before it is decoded; the notice comes back, no close.
    await eventually(() => expect(viewer.ofType(2).length).toBe(1))
    viewer.send(Uint8Array.of(0x80))
    expect((await viewer.closed).code).toBe(CloseCode.BadMessage)
  })

  it('a valid update from a fresh client with a step 2 is stored and forwarded', async () => {
    const watcher = connect(server, board.id, board.tokens.viewer)
    await synced(watcher)
    const raw = RawClient.connect(server.ws, board.id, board.tokens.participant)
    await raw.opened
    raw.send(writeSyncStep2(realUpdate((d) => d.getMap('elements').set('via-step2', 'ok'))))
    await eventually(() => expect(watcher.doc.getMap('elements').get('via-step2')).toBe('ok'))
    raw.close()
    destroyAll(watcher)
  })
})
