/**
 * The board's socket opened before its provider exists (client/src/sync/earlySocket.ts), against a real
 * server process, handed to the unmodified y-websocket 3.x provider through `WebSocketPolyfill`: the board
 * travels while the client's chunks would still be loading, the provider reads what came before it existed
 * (the early step 2, a refusal), and every later socket is an ordinary one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import { MessageType, SyncMessageType, writeSyncStep1 } from '@circleboard/shared'
import { EMPTY_SYNC_STEP1, EarlySocket, boardSocketUrl } from '@circleboard/client/testing'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js'
import { eventually, synced } from '../support/providers.js'
import { fillBigBoard } from '../support/bigBoard.js'

let server: ServerProcess

beforeAll(async () => {
  server = await startServerProcess()
})
afterAll(async () => {
  await server.stop()
})

/** A `ws` WebSocket that keeps every socket it made and the step 2 payloads each one received. */
function recordingSockets() {
  const made: { socket: WebSocket; step2: Uint8Array[]; closed: number | null }[] = []
  class Recording extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      const entry = { socket: this as WebSocket, step2: [] as Uint8Array[], closed: null as number | null }
      made.push(entry)
      this.addEventListener('message', (event) => {
        const d = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer))
        if (decoding.readVarUint(d) !== MessageType.Sync) return
        if (decoding.readVarUint(d) === SyncMessageType.Step2) entry.step2.push(decoding.readVarUint8Array(d))
      })
      this.addEventListener('close', (event) => {
        entry.closed = event.code
      })
    }
  }
  return { WS: Recording as unknown as typeof globalThis.WebSocket, made }
}

/** A stock 3.x provider for `room` with `token`, taking its sockets from `early`. */
function providerWith(early: EarlySocket, WS: typeof globalThis.WebSocket, room: string, token: string) {
  return new WebsocketProvider(server.ws, room, new Y.Doc(), {
    params: { token },
    WebSocketPolyfill: early.socketClass(WS),
    disableBc: true,
  })
}

/** A board holding `n` elements (and half as many links), written by another client. */
async function boardWith(n: number) {
  const board = await server.createBoard('Early')
  const writer = new WebsocketProvider(server.ws, board.id, new Y.Doc(), {
    params: { token: board.tokens.facilitator },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await synced(writer)
  fillBigBoard(writer.doc, n)
  // Everything is on the server once a second client sees it.
  const check = new WebsocketProvider(server.ws, board.id, new Y.Doc(), {
    params: { token: board.tokens.viewer },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await eventually(() => expect(check.doc.getMap('elements').size).toBe(n))
  const state = Y.encodeStateAsUpdate(writer.doc)
  for (const p of [writer, check]) p.destroy()
  return { board, state }
}

describe('the early socket', () => {
  it('sends the step 1 of an empty document and opens the URL the stock provider opens', () => {
    expect(EMPTY_SYNC_STEP1).toEqual(writeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    // Tokens are base64url, but the URL is built the provider's way whatever they hold.
    for (const token of ['AbC-_09', 'a+b/c=d&e f']) {
      const p = new WebsocketProvider('ws://127.0.0.1:9/ws', 'room12345678', new Y.Doc(), {
        params: { token },
        connect: false,
        disableBc: true,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      })
      expect(boardSocketUrl('ws://127.0.0.1:9/ws', 'room12345678', token)).toBe(p.url)
      p.destroy()
    }
  })

  it('has the whole board before the provider exists, and the provider syncs from it on one socket', async () => {
    const { board, state } = await boardWith(300)
    const { WS, made } = recordingSockets()
    const token = board.tokens.participant
    const early = new EarlySocket(boardSocketUrl(server.ws, board.id, token), EMPTY_SYNC_STEP1, WS)
    // The server answered the early step 1 with the whole board while no provider existed.
    await eventually(() => expect(made[0]?.step2.length).toBe(1))
    const received = new Y.Doc()
    Y.applyUpdate(received, made[0]!.step2[0]!)
    expect(received.getMap('elements').size).toBe(300)

    const provider = providerWith(early, WS, board.id, token)
    await synced(provider)
    expect(provider.doc.getMap('elements').size).toBe(300)
    expect(Y.encodeStateVector(provider.doc)).toEqual(Y.encodeStateVectorFromUpdate(state))
    expect(provider.wsconnected).toBe(true)

    // Live after the hand-over: an edit here reaches another client, and its presence comes back.
    provider.doc.getMap('meta').set('title', 'Renamed early')
    const other = new WebsocketProvider(server.ws, board.id, new Y.Doc(), {
      params: { token: board.tokens.viewer },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    // A state of its own (the initial empty one has clock 0, which y-protocols peers do not take).
    other.awareness.setLocalStateField('user', { name: 'Other' })
    await eventually(() => expect(other.doc.getMap('meta').get('title')).toBe('Renamed early'))
    await eventually(() => expect(provider.awareness.getStates().has(other.doc.clientID)).toBe(true))
    other.destroy()
    // One socket, and the board came once: the provider's own step 1 (which would have asked for all of it
    // again) was not sent. The server wrote other's presence to this socket after anything it answered.
    expect(made).toHaveLength(1)
    expect(made[0]!.step2).toHaveLength(1)

    // A reconnection opens an ordinary new socket.
    provider.disconnect()
    provider.connect()
    await synced(provider)
    expect(made).toHaveLength(2)
    // The old socket's close handshake may finish after the new one has synced.
    await eventually(() => expect(made[0]!.closed).not.toBeNull())
    provider.destroy()
  })

  it('sends nothing early with a cache, so the server sends only what the cache lacks', async () => {
    const { board, state } = await boardWith(200)
    const { WS, made } = recordingSockets()
    const token = board.tokens.participant
    const early = new EarlySocket(boardSocketUrl(server.ws, board.id, token), null, WS)
    // Open, and holding what the server sends on connect (its own step 1 and the presence it knows).
    await eventually(() => expect(made[0]?.socket.readyState).toBe(WebSocket.OPEN))
    const provider = new WebsocketProvider(server.ws, board.id, new Y.Doc(), {
      params: { token },
      WebSocketPolyfill: early.socketClass(WS),
      disableBc: true,
      connect: false,
    })
    // What a cache would have loaded before the provider connects.
    Y.applyUpdate(provider.doc, state)
    provider.connect()
    await synced(provider)
    expect(made).toHaveLength(1)
    // The only step 2 is the answer to the provider's step 1: nothing, not the board again.
    expect(made[0]!.step2).toHaveLength(1)
    expect(made[0]!.step2[0]!.length).toBeLessThan(100)
    expect(provider.doc.getMap('elements').size).toBe(200)
    provider.destroy()
  })

  it('replays a refusal that came before the provider existed: closed, and no retry', async () => {
    const board = await server.createBoard('Refused early')
    const { WS, made } = recordingSockets()
    const forged = `${board.tokens.participant.slice(0, -4)}AAAA`
    const early = new EarlySocket(boardSocketUrl(server.ws, board.id, forged), EMPTY_SYNC_STEP1, WS)
    await eventually(() => expect(made[0]?.closed).toBe(4401))
    const provider = providerWith(early, WS, board.id, forged)
    const closed = await new Promise<{ code: number }>((resolve) => provider.on('closed', resolve))
    expect(closed.code).toBe(4401)
    expect(provider.shouldConnect).toBe(false)
    expect(provider.synced).toBe(false)
    expect(provider.doc.getMap('meta').size).toBe(0)
    expect(made).toHaveLength(1)
    provider.destroy()
  })

  it('is closed when the provider opens another URL, or when nobody takes it', async () => {
    const board = await server.createBoard('Another link')
    const { WS, made } = recordingSockets()
    const early = new EarlySocket(
      boardSocketUrl(server.ws, board.id, board.tokens.viewer),
      EMPTY_SYNC_STEP1,
      WS,
    )
    // The page wanted the participant link after all: its provider gets a socket of its own.
    const provider = providerWith(early, WS, board.id, board.tokens.participant)
    await synced(provider)
    expect(made).toHaveLength(2)
    expect(made[1]!.socket.url).toBe(provider.url)
    await eventually(() => expect(made[0]!.closed).not.toBeNull())
    expect(provider.doc.getMap('meta').get('title')).toBe('Another link')
    provider.destroy()

    const unused = new EarlySocket(
      boardSocketUrl(server.ws, board.id, board.tokens.viewer),
      EMPTY_SYNC_STEP1,
      WS,
    )
    unused.discard()
    await eventually(() => expect(made[2]!.closed).not.toBeNull())
    // Discarded means taken: a provider created after it opens its own socket.
    const late = providerWith(unused, WS, board.id, board.tokens.viewer)
    await synced(late)
    expect(made).toHaveLength(4)
    late.destroy()
  })
})
