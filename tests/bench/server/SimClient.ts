/**
 * One simulated collaborator: a `ws` socket speaking the y-websocket protocol and a small Y.Doc of its
 * own. On open it sends sync step 1, answers the server's step 1 with step 2, and counts the server's
 * step 2 as "synced" (for the relay, which has no handshake, the open socket is "synced").
 *
 * A client is either a *replica* (an observer: it applies every update it receives, so its document is a
 * full copy of the room) or a counter (it only classifies frames by their first two bytes). Only a few
 * replicas per room keep the load generator's work O(N) per update rather than O(N²).
 */
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { sleep } from '../lib/time.js'
import {
  MessageType,
  SyncType,
  awarenessEntryCount,
  readAwareness,
  readSyncPayload,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  type AwarenessEntry,
} from './wire.js'

/** `y-websocket`: the sync handshake; `relay`: none (the relay keeps no document). */
export type Handshake = 'y-websocket' | 'relay'

/** Transaction origin of updates that came from the server, so they are not sent back. */
const REMOTE = Symbol('remote')

const MAX_ERROR_SAMPLES = 10

/** Counters shared by the clients of one run; message counts only grow while `active` (the window). */
export class Tally {
  active = false
  messages = 0
  bytes = 0
  /** Sync update messages (document changes) received. */
  updates = 0
  /** Awareness messages received. */
  awareness = 0
  /** Presence states those messages carried (servers may batch several into one message). */
  awarenessStates = 0
  errors = 0
  readonly errorSamples: string[] = []

  error(what: string): void {
    this.errors++
    if (this.errorSamples.length < MAX_ERROR_SAMPLES) this.errorSamples.push(what)
  }
}

/** A simulated y-websocket client. */
export class SimClient {
  readonly doc = new Y.Doc()
  private ws: WebSocket | null = null
  /** performance.now() when `open` was called, when the socket opened, and when it was synced. */
  startedAt = Number.NaN
  openedAt = Number.NaN
  syncedAt = Number.NaN
  /** Size of the first sync step 2 frame received. */
  step2Bytes = 0
  /** Called with each awareness frame's entries (observers of the awareness scenario). */
  onAwareness: ((entries: AwarenessEntry[], now: number) => void) | null = null
  /** Called after each frame a replica applied (cold-load clients check for completeness here). */
  onApplied: ((now: number) => void) | null = null
  private closing = false

  constructor(
    readonly url: string,
    readonly handshake: Handshake,
    readonly replica: boolean,
    readonly tally: Tally,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(writeUpdate(update))
    })
  }

  get synced(): boolean {
    return !Number.isNaN(this.syncedAt)
  }

  get open(): boolean {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN
  }

  /** Opens the socket; progress shows in `openedAt` / `syncedAt`. */
  connect(): void {
    this.startedAt = performance.now()
    const ws = new WebSocket(this.url, { perMessageDeflate: false })
    this.ws = ws
    ws.binaryType = 'nodebuffer'
    ws.on('open', () => {
      this.openedAt = performance.now()
      if (this.handshake === 'relay') this.syncedAt = this.openedAt
      else ws.send(writeSyncStep1(this.doc))
    })
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return this.tally.error('text frame from the server')
      this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    ws.on('error', (err) => this.tally.error(`socket error: ${err.message}`))
    ws.on('close', (code, reason) => {
      if (!this.closing) this.tally.error(`closed by the server: ${code} ${reason.toString()}`)
    })
  }

  /** Changes the client's document in one transaction; the resulting update is sent. */
  change(fn: (doc: Y.Doc) => void): void {
    this.doc.transact(() => fn(this.doc))
  }

  /** Sends one presence entry. */
  sendAwareness(entry: AwarenessEntry): void {
    this.send(writeAwareness([entry]))
  }

  /** Closes the socket (bounded: terminated if the close handshake takes more than a second). */
  async close(): Promise<void> {
    if (this.closing) return
    this.closing = true
    const ws = this.ws
    this.doc.destroy()
    if (!ws || ws.readyState === WebSocket.CLOSED) return
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()))
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate()
    else ws.close(1000)
    await Promise.race([closed, sleep(1000)])
    // readyState changed while we waited (TypeScript keeps the narrowing from above).
    if ((ws.readyState as number) !== WebSocket.CLOSED) ws.terminate()
  }

  private send(frame: Uint8Array): void {
    const ws = this.ws
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      if (!this.closing) this.tally.error('send while the socket was not open')
      return
    }
    ws.send(frame, { binary: true })
  }

  private receive(frame: Uint8Array): void {
    const tally = this.tally
    if (tally.active) {
      tally.messages++
      tally.bytes += frame.length
    }
    const type = frame[0]
    switch (type) {
      case MessageType.sync:
        return this.receiveSync(frame)
      case MessageType.awareness:
        if (tally.active) {
          tally.awareness++
          tally.awarenessStates += awarenessEntryCount(frame)
        }
        if (this.onAwareness) {
          try {
            this.onAwareness(readAwareness(frame), performance.now())
          } catch (err) {
            tally.error(`bad awareness frame: ${String(err)}`)
          }
        }
        return
      case MessageType.auth:
        return tally.error('auth message (permission denied)')
      case MessageType.queryAwareness:
        return
      default:
        return tally.error(`unknown message type ${type}`)
    }
  }

  private receiveSync(frame: Uint8Array): void {
    const sub = frame[1]
    if (sub === SyncType.update) {
      if (this.tally.active) this.tally.updates++
      if (this.replica) this.apply(frame)
    } else if (sub === SyncType.step2) {
      if (this.step2Bytes === 0) this.step2Bytes = frame.length
      if (this.replica) this.apply(frame)
      if (!this.synced) this.syncedAt = performance.now()
    } else if (sub === SyncType.step1) {
      this.send(writeSyncStep2(this.doc, readSyncPayload(frame)))
    } else {
      this.tally.error(`unknown sync message ${sub}`)
    }
  }

  private apply(frame: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, readSyncPayload(frame), REMOTE)
    } catch (err) {
      this.tally.error(`update did not apply: ${String(err)}`)
      return
    }
    this.onApplied?.(performance.now())
  }
}
