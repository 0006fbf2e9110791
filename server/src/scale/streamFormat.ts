/**
 * The Redis layout of the scale-out mode (server/SPEC.md X1-X9), in one place:
 *
 * - `circleboard:room:<room>`: the room's stream. Every entry has the fields `p` (the id of the process
 *   that added it), `k` (`u`: updates, `a`: presence) and `d` (the bytes); update entries may carry
 *   `c: 1` (the sender asks the lease holder to compact soon). `d` of an update entry is the batch of one
 *   event-loop turn: a varuint count, then each update as a varuint-length byte array (lib0 encoding).
 *   Presence is a y-protocols awareness update, as a client sends it.
 * - `circleboard:readers:<room>`: a hash of the stream position each process with the room open has read
 *   to, with the time it said so (`<id> <unix ms>`); the lease holder trims no further than the oldest.
 * - `circleboard:lease:<room>`: `<process id>:<fencing token>`, set with NX and PX by the holder.
 * - `circleboard:fence`: the counter fencing tokens are drawn from (INCR).
 * - `circleboard:events`: board-wide events (`k: deleted`, `b`: board id, `r`: reason).
 * - `circleboard:wake:<process id>`: an entry here interrupts that process's blocking read, so that a
 *   room it just loaded is read from at once.
 *
 * Stream ids are `<ms>-<n>`: Redis hands them out in increasing order per stream.
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

/** Key of a room's stream. */
export const streamKey = (room: string): string => `circleboard:room:${room}`
/** Key of a room's reader positions. */
export const readersKey = (room: string): string => `circleboard:readers:${room}`
/** Key of a room's lease. */
export const leaseKey = (room: string): string => `circleboard:lease:${room}`
/** Key of the fencing token counter. */
export const FENCE_KEY = 'circleboard:fence'
/** Key of the board-wide events stream. */
export const EVENTS_KEY = 'circleboard:events'
/** Key of a process's wake-up stream. */
export const wakeKey = (processId: string): string => `circleboard:wake:${processId}`
/** The position before any entry. */
export const START_ID = '0-0'

/** Encodes one turn's updates as the `d` field of an update entry. */
export function encodeUpdateBatch(updates: readonly Uint8Array[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, updates.length)
  for (const u of updates) encoding.writeVarUint8Array(e, u)
  return encoding.toUint8Array(e)
}

/** Decodes the `d` field of an update entry; throws on bytes that are not one. */
export function decodeUpdateBatch(data: Uint8Array): Uint8Array[] {
  const d = decoding.createDecoder(data)
  const n = decoding.readVarUint(d)
  const out: Uint8Array[] = []
  for (let i = 0; i < n; i++) out.push(decoding.readVarUint8Array(d))
  if (decoding.hasContent(d)) throw new Error('trailing bytes in an update entry')
  return out
}

/** Compares two stream ids (`<ms>-<n>`): negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('-').map(Number)
  const [bm = 0, bn = 0] = b.split('-').map(Number)
  return am - bm || an - bn
}

/** The fields of a stream entry as a map (Redis returns them as a flat list). */
export function entryFields(flat: readonly Buffer[]): Map<string, Buffer> {
  const m = new Map<string, Buffer>()
  for (let i = 0; i + 1 < flat.length; i += 2) m.set((flat[i] as Buffer).toString(), flat[i + 1] as Buffer)
  return m
}
