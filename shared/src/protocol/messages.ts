/**
 * The wire protocol: the stock y-websocket protocol, byte for byte, so the unmodified `WebsocketProvider`
 * is a client.
 *
 * Every websocket frame holds exactly one binary message (y-websocket clients up to 3.x read only the
 * first message of a frame). A message is a varUint message type followed by its payload:
 *
 *   [0 sync][0 step1][varBytes stateVector]   "here is what I have; send me what I lack"
 *   [0 sync][1 step2][varBytes update]        the answer to a step 1: everything the asker lacks
 *   [0 sync][2 update][varBytes update]       an incremental document update
 *   [1 awareness][varBytes awarenessUpdate]   presence: [n] then n x [clientID][clock][varString json state]
 *   [2 auth][0 permissionDenied][varString reason]   server -> client only
 *   [3 queryAwareness]                        "send me every awareness state you know"
 *
 * varUint is lib0's 7-bit little-endian variable-length unsigned integer; varBytes is a varUint length
 * followed by that many bytes; varString is varBytes of UTF-8.
 *
 * The readers here are strict, because the server reads bytes from untrusted sockets: every length is
 * checked against what the frame holds (lib0's decoder would read past the end of a pooled Node Buffer
 * into unrelated memory), trailing bytes are an error, and every failure is a `ProtocolError` with a short
 * reason that the server sends back in its close frame. Validating the Yjs update inside a sync message
 * is `checkUpdate` (it decodes the whole update without applying it).
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'

/** Top-level message types. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const
/** Sub-types of a sync message. */
export const SyncMessageType = { Step1: 0, Step2: 1, Update: 2 } as const
/** Sub-types of an auth message (y-protocols/auth). */
export const AuthMessageType = { PermissionDenied: 0 } as const

/** A message a client may send, as the server reads it. */
export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly payload: Uint8Array }
  | { readonly type: 'query-awareness' }

/** One client's entry in an awareness update. `state` is the JSON text as sent (`null` removes the state). */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: string
}

/** A frame that is not a well-formed protocol message. `reason` is short enough for a close frame. */
export class ProtocolError extends Error {
  /** Stable error code (CONVENTIONS.md habit 7). */
  readonly code = 'BOARD_ERR_BAD_MESSAGE'
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'ProtocolError'
  }
}

/** Bounds-checked reader over one frame. */
class StrictReader {
  pos = 0
  constructor(private readonly bytes: Uint8Array) {}

  varUint(what: string): number {
    let num = 0
    let mult = 1
    for (;;) {
      if (this.pos >= this.bytes.length) throw new ProtocolError(`truncated ${what}`)
      const byte = this.bytes[this.pos++] as number
      num += (byte & 0x7f) * mult
      if (byte < 0x80) return num
      mult *= 0x80
      if (mult > Number.MAX_SAFE_INTEGER) throw new ProtocolError(`${what} out of range`)
    }
  }

  varBytes(what: string): Uint8Array {
    const length = this.varUint(`${what} length`)
    if (length > this.bytes.length - this.pos)
      throw new ProtocolError(`${what} length past the end of the frame`)
    const out = this.bytes.subarray(this.pos, this.pos + length)
    this.pos += length
    return out
  }

  varString(what: string): string {
    const bytes = this.varBytes(what)
    try {
      return utf8Decoder.decode(bytes)
    } catch {
      throw new ProtocolError(`${what} is not UTF-8`)
    }
  }

  end(): void {
    if (this.pos !== this.bytes.length) throw new ProtocolError('trailing bytes after the message')
  }
}

// TextDecoder is a global in every runtime we support (browsers, Node); shared does not pull in DOM types.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(b: Uint8Array): string }
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads one client message from a frame. The returned byte arrays are views into `frame`.
 * @throws ProtocolError when the frame is not exactly one well-formed message.
 */
export function readClientMessage(frame: Uint8Array): ClientMessage {
  const r = new StrictReader(frame)
  const type = r.varUint('message type')
  switch (type) {
    case MessageType.Sync: {
      const sub = r.varUint('sync message type')
      const payload = sub === SyncMessageType.Step1 ? r.varBytes('state vector') : r.varBytes('update')
      r.end()
      if (sub === SyncMessageType.Step1) return { type: 'sync-step1', stateVector: payload }
      if (sub === SyncMessageType.Step2) return { type: 'sync-step2', update: payload }
      if (sub === SyncMessageType.Update) return { type: 'update', update: payload }
      throw new ProtocolError(`unknown sync message type ${sub}`)
    }
    case MessageType.Awareness: {
      const payload = r.varBytes('awareness update')
      r.end()
      return { type: 'awareness', payload }
    }
    case MessageType.QueryAwareness:
      r.end()
      return { type: 'query-awareness' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

/**
 * Reads the entries of an awareness update payload; each state must be JSON text (clients `JSON.parse` it,
 * so a broken state forwarded would break every client in the room).
 * @throws ProtocolError
 */
export function readAwarenessUpdate(payload: Uint8Array): AwarenessEntry[] {
  const r = new StrictReader(payload)
  const count = r.varUint('awareness entry count')
  // Each entry takes at least three bytes, so a count beyond that is a lie about the payload.
  if (count > payload.length / 3) throw new ProtocolError('awareness entry count past the end of the frame')
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = r.varUint('awareness client id')
    const clock = r.varUint('awareness clock')
    const state = r.varString('awareness state')
    try {
      JSON.parse(state)
    } catch {
      throw new ProtocolError('awareness state is not JSON')
    }
    entries.push({ clientId, clock, state })
  }
  r.end()
  return entries
}

/** Encodes awareness entries as an awareness update payload (the inverse of `readAwarenessUpdate`). */
export function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId)
    encoding.writeVarUint(e, entry.clock)
    encoding.writeVarString(e, entry.state)
  }
  return encoding.toUint8Array(e)
}

/**
 * Checks that `update` is a decodable Yjs (v1) update without applying it anywhere.
 * @throws ProtocolError
 */
export function checkUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(ownBuffer(update))
  } catch {
    throw new ProtocolError('sync payload is not a Yjs update')
  }
}

/**
 * Checks that `stateVector` is a decodable Yjs state vector.
 * @throws ProtocolError
 */
export function checkStateVector(stateVector: Uint8Array): void {
  try {
    Y.decodeStateVector(ownBuffer(stateVector))
  } catch {
    throw new ProtocolError('sync step 1 payload is not a state vector')
  }
}

/** True when an update carries nothing (no structs, no deletions): Yjs encodes that as two zero bytes. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

/**
 * A copy of `bytes` backed by an ArrayBuffer of exactly its size, unless it already is one. Yjs and lib0
 * build views over `bytes.buffer`; on a view into a larger pooled buffer an over-long length would read
 * neighbouring memory instead of failing.
 */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

/** `[sync][step1][stateVector]` */
export function writeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncMessageType.Step1)
    encoding.writeVarUint8Array(e, stateVector)
  })
}

/** `[sync][step2][update]` */
export function writeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncMessageType.Step2)
    encoding.writeVarUint8Array(e, update)
  })
}

/** `[sync][update][update]` */
export function writeUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync)
    encoding.writeVarUint(e, SyncMessageType.Update)
    encoding.writeVarUint8Array(e, update)
  })
}

/** `[awareness][payload]` */
export function writeAwareness(payload: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness)
    encoding.writeVarUint8Array(e, payload)
  })
}

/** `[queryAwareness]` */
export function writeQueryAwareness(): Uint8Array {
  return frame((e) => encoding.writeVarUint(e, MessageType.QueryAwareness))
}

/** `[auth][permissionDenied][reason]`: the stock client logs the reason; our app shows it. */
export function writePermissionDenied(reason: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.Auth)
    encoding.writeVarUint(e, AuthMessageType.PermissionDenied)
    encoding.writeVarString(e, reason)
  })
}
