/**
 * The y-websocket wire protocol as the load generator speaks it, on lib0 encoding and y-protocols' sync
 * messages. A frame is `[messageType][payload]`: type 0 = sync (sub-type 0 step 1 with a state vector,
 * 1 step 2 with an update, 2 an update), 1 = awareness (a varUint8Array holding
 * `count, (clientId, clock, stateJson)*`), 2 = auth (permission denied), 3 = query awareness.
 * Every value the type bytes take is below 128, so each is one byte and a frame can be classified by
 * looking at `frame[0]` and `frame[1]` without decoding anything else: that is what keeps the clients
 * that only count messages cheap.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/** Top-level message types. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

/** Sub-types of a sync message. */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

/** One client's presence entry as it travels (the state is JSON text, `null` for a removal). */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: string
}

/** `[sync][step 1][state vector of doc]`: what a client sends when its socket opens. */
export function writeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeSyncStep1(e, doc)
  return encoding.toUint8Array(e)
}

/** `[sync][step 2][what doc has beyond stateVector]`: the answer to the server's step 1. */
export function writeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeSyncStep2(e, doc, stateVector)
  return encoding.toUint8Array(e)
}

/** `[sync][update][update]`. */
export function writeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.sync)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

/** The byte payload (state vector or update) of a sync frame. */
export function readSyncPayload(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  return decoding.readVarUint8Array(d)
}

/** `[awareness][entries]`. */
export function writeAwareness(entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, entry.state)
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.awareness)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/**
 * How many presence entries an awareness frame carries, from its header alone (a server may batch
 * several clients' changes into one message, so messages undercount what was delivered).
 */
export function awarenessEntryCount(frame: Uint8Array): number {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  decoding.readVarUint(d)
  return decoding.readVarUint(d)
}

/** The entries of an awareness frame. */
export function readAwareness(frame: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  const inner = decoding.createDecoder(decoding.readVarUint8Array(d))
  const count = decoding.readVarUint(inner)
  const out: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(inner)
    const clock = decoding.readVarUint(inner)
    out.push({ clientId, clock, state: decoding.readVarString(inner) })
  }
  return out
}
