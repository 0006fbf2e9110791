/**
 * `storeReceivedAsIs`: a large received update is applied with the provider's and the cache's `update`
 * listeners off and stored as it came; everything the stock listeners would have sent or stored still is.
 * The provider is the stock y-websocket client fed through its own message handler table; the socket and
 * the cache are recorders (the browser path with IndexedDB is tests/e2e/cache.test.ts).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { IndexeddbPersistence } from 'y-indexeddb'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { MessageType, SyncMessageType } from '@circleboard/shared'
import { storeReceivedAsIs } from '../src/sync/receivedUpdates.js'

type Listener = (update: Uint8Array, origin: unknown) => void
type Handler = (e: encoding.Encoder, d: decoding.Decoder, p: unknown, emit: boolean, type: number) => void

/** A provider that is not connected, whose sends are recorded, and a cache that records what it stores. */
function setup(minBytes = 1) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: class {} as unknown as typeof WebSocket,
  })
  const sent: Uint8Array[] = []
  const internals = provider as unknown as { ws: unknown; wsconnected: boolean; messageHandlers: Handler[] }
  internals.ws = { send: (b: Uint8Array) => sent.push(b), close() {} }
  internals.wsconnected = true
  const stored: { update: Uint8Array; origin: unknown }[] = []
  const storeUpdate: Listener = (update, origin) => stored.push({ update, origin })
  doc.on('update', storeUpdate)
  const cache = { _storeUpdate: storeUpdate } as unknown as IndexeddbPersistence
  const patched = storeReceivedAsIs(provider, cache, minBytes)
  const receive = (type: number, update: Uint8Array): void => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, type)
    encoding.writeVarUint8Array(e, update)
    internals.messageHandlers[MessageType.Sync]!(
      encoding.createEncoder(),
      decoding.createDecoder(encoding.toUint8Array(e)),
      provider,
      true,
      MessageType.Sync,
    )
  }
  /** The updates the provider sent, decoded from its sync messages. */
  const sentUpdates = (): Uint8Array[] =>
    sent.map((b) => {
      const d = decoding.createDecoder(b)
      expect(decoding.readVarUint(d)).toBe(MessageType.Sync)
      expect(decoding.readVarUint(d)).toBe(SyncMessageType.Update)
      return decoding.readVarUint8Array(d)
    })
  return { doc, provider, patched, stored, sentUpdates, receive, storeUpdate }
}

/** A board-like update of `n` labelled elements, from another client. */
function remoteBoard(n: number): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc()
  const elements = doc.getMap<Y.Map<unknown>>('elements')
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const el = new Y.Map<unknown>()
      el.set('x', i)
      el.set('label', new Y.Text(`element ${i}`))
      elements.set(`e${i}`, el)
    }
  })
  return { doc, update: Y.encodeStateAsUpdate(doc) }
}

/** How many of an update's structs `doc`'s own client made, and how many other clients did. */
function ownStructs(update: Uint8Array, doc: Y.Doc): { own: number; others: number } {
  const { structs } = Y.decodeUpdate(update)
  const own = structs.filter((st) => st.id.client === doc.clientID).length
  return { own, others: structs.length - own }
}

/** The document an update (or several) makes. */
function docOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc
}

describe('storeReceivedAsIs', () => {
  it('applies a large sync step 2, stores the received bytes themselves and sends nothing', () => {
    const s = setup()
    expect(s.patched).toBe(true)
    // The browser already has most of the board: Yjs's own encoding would hold only the one change.
    const { doc: remote } = remoteBoard(200)
    const part = new Y.Doc()
    Y.applyUpdate(part, Y.encodeStateAsUpdate(remote))
    part.getMap<Y.Map<unknown>>('elements').get('e0')!.set('x', -1)
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(remote), 'cache')
    s.stored.length = 0
    const sentBefore = s.sentUpdates().length
    s.receive(SyncMessageType.Step2, Y.encodeStateAsUpdate(part))
    expect(s.doc.getMap('elements').toJSON()).toEqual(part.getMap('elements').toJSON())
    expect(s.provider.synced).toBe(true)
    expect(s.stored).toHaveLength(1)
    expect(s.stored[0]!.update).toEqual(Y.encodeStateAsUpdate(part))
    expect(s.stored[0]!.origin).toBe(s.provider)
    expect(s.sentUpdates()).toHaveLength(sentBefore)
  })

  it('puts the listeners back: a local edit afterwards is sent and stored', () => {
    const s = setup()
    s.receive(SyncMessageType.Update, remoteBoard(50).update)
    s.doc.getMap('elements').set('mine', 1)
    expect(s.sentUpdates()).toHaveLength(1)
    expect(s.stored).toHaveLength(2)
    expect(
      docOf(...s.stored.map((x) => x.update))
        .getMap('elements')
        .get('mine'),
    ).toBe(1)
    expect(docOf(s.sentUpdates()[0]!).getMap('elements').get('mine')).toBe(1)
  })

  it('an observer that writes during the apply: its write is sent and stored all the same', () => {
    const s = setup()
    const elements = s.doc.getMap<unknown>('elements')
    const meta = s.doc.getMap<unknown>('meta')
    elements.observe((event) => {
      if (event.transaction.origin === s.provider && !meta.has('seen')) meta.set('seen', elements.size)
    })
    const { update } = remoteBoard(30)
    s.receive(SyncMessageType.Step2, update)
    expect(meta.get('seen')).toBe(30)
    // The server gets the observer's write, and only that: not the board it came with.
    const sent = s.sentUpdates()
    expect(sent).toHaveLength(1)
    expect(docOf(update, sent[0]!).getMap('meta').get('seen')).toBe(30)
    expect(ownStructs(sent[0]!, s.doc)).toEqual({ own: 1, others: 0 })
    // The cache holds the whole board including that write.
    const cached = docOf(...s.stored.map((x) => x.update))
    expect(cached.getMap('meta').get('seen')).toBe(30)
    expect(cached.getMap('elements').size).toBe(30)
  })

  it('a sync listener that writes (a person registering at the first sync): only its write is sent', () => {
    const s = setup()
    const people = s.doc.getMap<unknown>('people')
    s.provider.on('sync', (synced: boolean) => {
      if (synced && !people.has('me')) people.set('me', { name: 'Anna' })
    })
    const { update } = remoteBoard(300)
    s.receive(SyncMessageType.Step2, update)
    expect(s.doc.getMap('elements').size).toBe(300)
    const sent = s.sentUpdates()
    expect(sent).toHaveLength(1)
    expect(ownStructs(sent[0]!, s.doc)).toEqual({ own: 1, others: 0 })
    expect(sent[0]!.length).toBeLessThan(100)
    expect(docOf(sent[0]!).getMap('people').get('me')).toEqual({ name: 'Anna' })
    // The cache: the received bytes as they came, and the write.
    expect(s.stored.map((x) => x.origin === s.provider)).toEqual([false, true])
    expect(s.stored[1]!.update).toEqual(update)
    const cached = docOf(...s.stored.map((x) => x.update))
    expect(cached.getMap('people').get('me')).toEqual({ name: 'Anna' })
    expect(cached.getMap('elements').size).toBe(300)
  })

  it('takes the stock path for small updates, sync step 1 and when another update listener is there', () => {
    const small = setup(10_000)
    const { update } = remoteBoard(3)
    small.receive(SyncMessageType.Update, update)
    // Stock: the cache's listener got Yjs's own encoding of the transaction (same content).
    expect(small.stored).toHaveLength(1)
    expect(docOf(small.stored[0]!.update).getMap('elements').toJSON()).toEqual(
      docOf(update).getMap('elements').toJSON(),
    )

    const watched = setup()
    const seen: Uint8Array[] = []
    watched.doc.on('update', (u: Uint8Array) => seen.push(u))
    watched.receive(SyncMessageType.Step2, remoteBoard(40).update)
    expect(seen).toHaveLength(1)
    expect(watched.stored).toHaveLength(1)
    expect(watched.stored[0]!.update).toEqual(seen[0])

    // A step 1 is answered with a step 2, as the stock handler does.
    const step1 = setup()
    step1.doc.getMap('elements').set('a', 1)
    expect(() => step1.receive(SyncMessageType.Step1, Y.encodeStateVector(new Y.Doc()))).not.toThrow()
  })

  it('puts the listeners back after a damaged update, whatever Yjs made of it', () => {
    const s = setup()
    const { update } = remoteBoard(40)
    for (const damaged of [new Uint8Array([200, 200, 200]), update.slice(0, update.length >> 1)]) {
      try {
        s.receive(SyncMessageType.Step2, damaged)
      } catch {
        // Yjs throws on some damage; the provider's socket handler reports that
      }
    }
    s.doc.getMap('elements').set('after', true)
    expect(s.sentUpdates()).toHaveLength(1)
  })
})
