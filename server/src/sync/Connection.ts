/**
 * One websocket connection: its verified claims, the awareness ids it owns, its message budget, and the
 * frames it received before its room was ready. Sending goes through `sendFrames`, which writes all the
 * frames of one flush with one system call (each frame still holds one message).
 */
import type { WebSocket } from 'ws'
import type { TokenClaims } from '@circleboard/shared'
import type { AwarenessOwner } from './AwarenessRegistry.js'
import { TokenBucket } from './TokenBucket.js'

/** A frame received while the room was loading. */
interface Buffered {
  readonly data: Buffer
  readonly isBinary: boolean
}

let nextConnectionId = 1

/** Server-side state of one websocket. */
export class Connection implements AwarenessOwner {
  readonly id = nextConnectionId++
  readonly ownedClientIds = new Set<number>()
  readonly budget: TokenBucket
  /** Frames received before the room was ready, in order; `null` once drained. */
  private pending: Buffered[] | null = []
  private pendingBytes = 0
  /** Last time a permission-denied notice was sent (they are rate-limited to one a second). */
  lastDeniedAt = 0
  /** Set when the connection answered the last ping. */
  alive = true
  closed = false

  constructor(
    readonly ws: WebSocket,
    readonly claims: TokenClaims,
    readonly room: string,
    limits: { messagesPerSecond: number; messageBurst: number },
  ) {
    this.budget = new TokenBucket(limits.messagesPerSecond, limits.messageBurst)
  }

  /** Queues a frame that arrived before the room was ready; false when the queue is over its bounds. */
  buffer(data: Buffer, isBinary: boolean, maxMessages: number, maxBytes: number): boolean {
    if (!this.pending) throw new Error('buffer() after drain()')
    this.pendingBytes += data.length
    if (this.pending.length >= maxMessages || this.pendingBytes > maxBytes) return false
    this.pending.push({ data, isBinary })
    return true
  }

  /** True until `drain` ran: frames go to `buffer` meanwhile. */
  get buffering(): boolean {
    return this.pending !== null
  }

  /** Hands out the buffered frames and switches to direct delivery. */
  drain(): Buffered[] {
    const out = this.pending ?? []
    this.pending = null
    this.pendingBytes = 0
    return out
  }

  /** Bytes waiting in the socket's send buffer. */
  get backlog(): number {
    return this.ws.bufferedAmount
  }

  /**
   * True when frames encoded once for everyone (sync/wsFrame.ts) can be written to this socket as they
   * are: no extension (permessage-deflate) was negotiated, so ws would frame them exactly the same way.
   */
  get raw(): boolean {
    return (this.ws.extensions ?? '') === '' && this.socket !== null
  }

  /** ws's net.Socket (not in its types; a stable property since ws 1). */
  private get socket(): { write(b: Uint8Array): boolean } | null {
    return (this.ws as unknown as { _socket?: { write(b: Uint8Array): boolean } })._socket ?? null
  }

  /** Writes already encoded websocket frames (one message each) in one write. Only when `raw`. */
  writeFrames(wire: Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.socket?.write(wire)
  }

  /** Sends messages through ws, one frame each, coalescing them into one write. */
  sendFrames(frames: readonly Uint8Array[]): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN || frames.length === 0) return
    if (frames.length === 1) {
      this.ws.send(frames[0] as Uint8Array, { binary: true })
      return
    }
    // ws writes each frame to the socket as it is sent; corking makes the frames of one flush leave in
    // one writev instead of one system call each. `_socket` is ws's net.Socket (not typed, stable since ws 1).
    const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket
    socket?.cork()
    for (const f of frames) this.ws.send(f, { binary: true })
    socket?.uncork()
  }

  /** Closes with an application close code; reasons must fit a close frame (123 bytes). */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    try {
      this.ws.close(code, truncateReason(reason))
    } catch {
      this.ws.terminate()
    }
  }
}

/** A close reason cut to the 123 bytes a close frame can carry. */
export function truncateReason(reason: string): string {
  let r = reason
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -1)
  return r
}
