/**
 * Swedish personal identity numbers in plain text and plain data: where they are and what a text looks
 * like with them taken out. The detection itself is shared's (`hasVerifiedIdentityNumber`,
 * `findPersonalData`: a personnummer or samordningsnummer whose check digit is right); this module only
 * decides what the server puts in their place. Used by the websocket guard (identityGuard.ts) and by
 * board imports (the data is cleaned before it is written).
 */
import { findPersonalData, hasVerifiedIdentityNumber, type BoardData } from '@circleboard/shared'

/**
 * What a removed number is replaced with. Swedish, because the thing removed is Swedish and so are the
 * people who type it; the sender is also told in English (see identityGuard.ts).
 */
export const IDENTITY_NUMBER_MARKER = '[personnummer borttaget]'

/** A stretch of text, as UTF-16 offsets (`text.slice(start, end)`). */
export interface TextRange {
  readonly start: number
  readonly end: number
}

/** The verified identity numbers in `text`, in order and without overlaps; `[]` for most texts, fast. */
export function identityNumberRanges(text: string): TextRange[] {
  if (!hasVerifiedIdentityNumber(text)) return []
  const ranges: TextRange[] = []
  for (const f of findPersonalData(text)) {
    if (f.kind !== 'personnummer' && f.kind !== 'samordningsnummer') continue
    if (f.checksumValid !== true) continue
    const last = ranges[ranges.length - 1]
    if (last && f.start < last.end)
      ranges[ranges.length - 1] = { start: last.start, end: Math.max(last.end, f.end) }
    else ranges.push({ start: f.start, end: f.end })
  }
  return ranges
}

/** `text` with every verified identity number replaced by the marker, and how many were replaced. */
export function scrubText(text: string): { text: string; removed: number } {
  let out = text
  let removed = 0
  // Replacing one number cannot make a new one (the marker has no digits), but a second pass is cheap
  // insurance against a detector whose findings overlap in ways the merge above did not foresee.
  for (let pass = 0; pass < 3; pass++) {
    const ranges = identityNumberRanges(out)
    if (ranges.length === 0) break
    for (let i = ranges.length - 1; i >= 0; i--) {
      const r = ranges[i] as TextRange
      out = out.slice(0, r.start) + IDENTITY_NUMBER_MARKER + out.slice(r.end)
    }
    removed += ranges.length
  }
  return { text: out, removed }
}

/**
 * Keys whose values are identifiers and references, not text people typed: never rewritten (an id made
 * of digits that happens to pass the checksum must not break the links that point at it).
 */
const REFERENCE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'from',
  'to',
  'org',
  'arena',
  'element',
  'createdBy',
  'updatedBy',
  'author',
  'z',
  'color',
  'kind',
  'type',
])

/** Whether any string inside a plain value (string, array, object; not under a reference key) holds a number. */
export function plainHasIdentityNumber(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return hasVerifiedIdentityNumber(value)
  if (depth > 32 || typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) return value.some((v) => plainHasIdentityNumber(v, depth + 1))
  for (const [k, v] of Object.entries(value)) {
    if (!REFERENCE_KEYS.has(k) && plainHasIdentityNumber(v, depth + 1)) return true
  }
  return false
}

/** A plain value with every string (outside reference keys) scrubbed; counts into `tally.removed`. */
export function scrubPlain<T>(value: T, tally: { removed: number }, depth = 0): T {
  if (typeof value === 'string') {
    const r = scrubText(value)
    tally.removed += r.removed
    return r.text as T
  }
  if (depth > 32 || typeof value !== 'object' || value === null) return value
  if (value instanceof Uint8Array) return value
  if (Array.isArray(value)) return value.map((v: unknown) => scrubPlain(v, tally, depth + 1)) as T
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] = REFERENCE_KEYS.has(k) ? v : scrubPlain(v, tally, depth + 1)
  }
  return out as T
}

/**
 * A board with every verified identity number taken out of what people write: labels, tags, meeting
 * titles, agendas and attendees, people's names, roles and organisations, comment texts, the title, and
 * unknown fields. Ids and references are left alone. `removed` counts the numbers taken out.
 */
export function scrubBoardData(board: BoardData): { board: BoardData; removed: number } {
  const tally = { removed: 0 }
  const s = <T>(value: T): T => scrubPlain(value, tally)
  const out: BoardData = {
    ...board,
    meta: {
      ...board.meta,
      title: s(board.meta.title),
      ...(board.meta.extra ? { extra: s(board.meta.extra) } : {}),
    },
    elements: board.elements.map((e) => ({ ...e, label: s(e.label), tags: s(e.tags), extra: s(e.extra) })),
    links: board.links.map((l) => ({ ...l, label: s(l.label), extra: s(l.extra) })),
    meetings: board.meetings.map((m) => ({
      ...m,
      title: s(m.title),
      agenda: s(m.agenda),
      attendees: s(m.attendees),
      extra: s(m.extra),
    })),
    people: board.people.map((p) => ({
      ...p,
      name: s(p.name),
      role: s(p.role),
      org: s(p.org),
      ...(p.extra ? { extra: s(p.extra) } : {}),
    })),
    ...(board.comments
      ? {
          comments: board.comments.map((c) => ({
            ...c,
            messages: c.messages.map((m) => ({ ...m, text: s(m.text) })),
            extra: s(c.extra),
          })),
        }
      : {}),
  }
  return { board: tally.removed > 0 ? out : board, removed: tally.removed }
}
