/**
 * A websocket client that speaks the protocol by hand (for malformed input and byte-level checks):
 * it records every frame and the close code/reason, and can send anything.
 */
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'

/** One received frame, with its top-level message type. */
export interface Received {
  readonly data: Uint8Array
  readonly type: number
}

/** A hand-driven protocol client. */
export class RawClient {
  readonly received: Received[] = []
  closeCode: number | null = null
  closeReason = ''
  readonly opened: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    })
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeCode = code
        this.closeReason = reason.toString()
        resolve({ code, reason: this.closeReason })
      })
    })
    ws.on('error', () => {})
    ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data)
      this.received.push({ data: bytes, type: decoding.readVarUint(decoding.createDecoder(bytes)) })
    })
  }

  /** Connects to `/ws/<room>?token=`. */
  static connect(
    wsBase: string,
    room: string,
    token: string | null,
    headers: Record<string, string> = {},
  ): RawClient {
    const url = `${wsBase}/${room}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`
    return new RawClient(new WebSocket(url, { headers }))
  }

  send(bytes: Uint8Array | string): void {
    this.ws.send(bytes)
  }

  /** Frames of a top-level message type (0 sync, 1 awareness, 2 auth). */
  ofType(type: number): Received[] {
    return this.received.filter((r) => r.type === type)
  }

  close(): void {
    this.ws.close()
  }
}
