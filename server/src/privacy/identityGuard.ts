/**
 * The personal-data guard (server/SPEC.md P1-P3): the server does not store a Swedish personal identity
 * number (personnummer or samordningsnummer whose check digit is right) in any document of a board,
 * unless the board's owner turned the check off.
 *
 * A label is typed into a `Y.Text` one character per update, so a number only becomes whole with its last
 * keystroke, and no single update "contains" it. So the guard does not look at updates: the room applies
 * the client's update, and the guard looks at the texts and string values that transaction changed
 * (`transaction.changed`, plus everything inside values created in it: a new element arrives with its
 * label). When one now holds a number, the guard returns a repair that replaces the number with a marker;
 * the room runs it as a second transaction (origin `server`) and stores and forwards, instead of the
 * client's update, the difference from before the update to after the repair. Yjs garbage-collects the
 * content of deleted characters, so that difference carries the deletion but not the digits.
 *
 * Cost when nothing was typed: one pass over `transaction.changed`, looking at the type of each changed
 * value (a move changes numbers only). Texts are read whole only when they changed, and labels are short.
 */
import * as Y from 'yjs'
import { DeniedReason, hasVerifiedIdentityNumber } from '@circleboard/shared'
import type { Connection } from '../sync/Connection.js'
import type { GuardVerdict, GuardedRoom, UpdateGuard } from '../sync/UpdateGuard.js'
import {
  IDENTITY_NUMBER_MARKER,
  identityNumberRanges,
  plainHasIdentityNumber,
  scrubPlain,
} from './identityText.js'

/** What the sender is told (an auth permission-denied message; the stock client logs it, ours shows it). */
export const IDENTITY_NUMBER_REASON = DeniedReason.identityNumber

/** Something the repair rewrites. */
type Target =
  | { readonly kind: 'text'; readonly text: Y.Text }
  | { readonly kind: 'map'; readonly map: Y.Map<unknown>; readonly key: string }
  | { readonly kind: 'array'; readonly array: Y.Array<unknown>; readonly index: number }

/** Deeper than any board document nests; bounds the work a hostile update can cause. */
const MAX_DEPTH = 16

/** Called when the guard removed something (for metrics, the log and the audit log; never the content). */
export type RemovalListener = (room: GuardedRoom, conn: Connection) => void

/** The guard of every board's documents in this process; boards whose owner turned it off are skipped. */
export class IdentityGuard implements UpdateGuard {
  /** Boards with the check turned off (the default, for boards not in here, is on). */
  private readonly off = new Set<string>()

  constructor(private readonly onRemoved: RemovalListener = () => {}) {}

  /** Records a board's setting (from its record when a connection opens, and when the owner changes it). */
  setEnabled(boardId: string, enabled: boolean): void {
    if (enabled) this.off.delete(boardId)
    else this.off.add(boardId)
  }

  /** Forgets a deleted board. */
  forget(boardId: string): void {
    this.off.delete(boardId)
  }

  /** Every document of a board is guarded (board, control, drafts: all are stored, drafts get revealed). */
  watches(room: GuardedRoom): boolean {
    return !this.off.has(room.ref.boardId)
  }

  inspect(_room: GuardedRoom, _conn: Connection, tr: Y.Transaction): GuardVerdict | null {
    const targets = changedTargets(tr)
    if (targets.length === 0) return null
    return { reason: IDENTITY_NUMBER_REASON, repair: () => repair(targets) }
  }

  repaired(room: GuardedRoom, conn: Connection): void {
    this.onRemoved(room, conn)
  }
}

/**
 * A top-level type as the kind it is. A top-level type the server never asked for by name (a drafts
 * document's `notes`, a field a newer client added) arrives from an update as a bare `AbstractType`, which
 * reads as nothing; it is typed here the way `doc.get(name, Kind)` does it, from what it holds: entries
 * under keys make it a map; a sequence of text a Y.Text, of values a Y.Array. `null` when it cannot tell.
 */
function typed(doc: Y.Doc, type: Y.AbstractType<unknown>): unknown {
  if (type.constructor !== Y.AbstractType || type._item !== null) return type
  let name: string | null = null
  for (const [n, t] of doc.share) if (t === type) name = n
  if (name === null) return null
  if (type._map.size > 0) return doc.getMap(name)
  let text = false
  let values = false
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const c = item.content
    if (c instanceof Y.ContentString || c instanceof Y.ContentFormat || c instanceof Y.ContentEmbed)
      text = true
    else if (c instanceof Y.ContentAny || c instanceof Y.ContentType) values = true
  }
  if (text && !values) return doc.getText(name)
  if (values && !text) return doc.getArray(name)
  return null
}

/** What in the transaction's changes now holds a number. */
export function changedTargets(tr: Y.Transaction): Target[] {
  const out: Target[] = []
  for (const [changed, keys] of tr.changed) {
    const type = typed(tr.doc, changed as Y.AbstractType<unknown>)
    if (type instanceof Y.Text) {
      if (hasVerifiedIdentityNumber(type.toString())) out.push({ kind: 'text', text: type })
    } else if (type instanceof Y.Map) {
      const map = type as Y.Map<unknown>
      for (const key of keys) if (key !== null) scanMapEntry(map, key, out, 0)
    } else if (type instanceof Y.Array) {
      // An array says only that it changed, not where: read it all (comment threads, short).
      scanArray(type as Y.Array<unknown>, out, 0)
    }
  }
  return out
}

/**
 * Everything in the named top-level maps of a whole document (when the check is turned back on: what is
 * already there). Names are passed because a top-level type is only known as a map once asked for as one.
 */
export function documentTargets(doc: Y.Doc, mapNames: readonly string[]): Target[] {
  const out: Target[] = []
  for (const name of mapNames) {
    const map = doc.getMap<unknown>(name)
    for (const key of map.keys()) scanMapEntry(map, key, out, 0)
  }
  return out
}

function scanMapEntry(map: Y.Map<unknown>, key: string, out: Target[], depth: number): void {
  const value = map.get(key)
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return
  if (typeof value === 'string') {
    if (hasVerifiedIdentityNumber(value)) out.push({ kind: 'map', map, key })
  } else if (value instanceof Y.AbstractType) {
    scanType(value, out, depth + 1)
  } else if (!(value instanceof Uint8Array) && plainHasIdentityNumber(value)) {
    out.push({ kind: 'map', map, key })
  }
}

function scanArray(array: Y.Array<unknown>, out: Target[], depth: number): void {
  array.forEach((value, index) => {
    if (value instanceof Y.AbstractType) scanType(value, out, depth + 1)
    else if (typeof value === 'string' ? hasVerifiedIdentityNumber(value) : plainHasIdentityNumber(value))
      out.push({ kind: 'array', array, index })
  })
}

function scanType(type: Y.AbstractType<unknown>, out: Target[], depth: number): void {
  if (depth > MAX_DEPTH) return
  if (type instanceof Y.Text) {
    if (hasVerifiedIdentityNumber(type.toString())) out.push({ kind: 'text', text: type })
  } else if (type instanceof Y.Map) {
    const map = type as Y.Map<unknown>
    for (const key of map.keys()) scanMapEntry(map, key, out, depth)
  } else if (type instanceof Y.Array) {
    scanArray(type as Y.Array<unknown>, out, depth)
  }
}

/** Replaces each number with the marker. Runs inside the room's `server` transaction. */
export function repair(targets: readonly Target[]): number {
  let removed = 0
  const tally = { removed: 0 }
  // Array targets from the last index down, so that replacing one does not move the next.
  const ordered = [...targets].sort((a, b) =>
    a.kind === 'array' && b.kind === 'array' ? b.index - a.index : 0,
  )
  for (const t of ordered) {
    if (t.kind === 'text') {
      const ranges = identityNumberRanges(t.text.toString())
      for (let i = ranges.length - 1; i >= 0; i--) {
        const r = ranges[i] as { start: number; end: number }
        t.text.delete(r.start, r.end - r.start)
        t.text.insert(r.start, IDENTITY_NUMBER_MARKER)
      }
      removed += ranges.length
    } else if (t.kind === 'map') {
      t.map.set(t.key, scrubPlain(t.map.get(t.key), tally))
    } else {
      const value = scrubPlain(t.array.get(t.index), tally)
      t.array.delete(t.index, 1)
      t.array.insert(t.index, [value])
    }
  }
  return removed + tally.removed
}
