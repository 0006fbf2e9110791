/**
 * Pseudonymous exports (server/SPEC.md P4). On a board marked pseudonymous (`meta.pseudonymous`) the
 * model keeps pseudonyms in `people`, but a name can still reach the document (a person joined before the
 * board was marked, a client that wrote a display name, an attendee list typed by hand). Exports of such a
 * board therefore replace, in every format, each person by "Participant N" / "Deltagare N" and each person
 * id by `person-N`, numbered by first contribution (the earliest time the person created or changed an
 * element or link or wrote a comment; people who contributed nothing follow, by id). The numbering is
 * the same in every file of one export, and the same for two exports of the same board.
 *
 * Meeting attendees (free text) become the pseudonym of the person of that name, or a further
 * "Participant N" of their own. Labels and comments are content and stay as they are: what the circle
 * writes on the board is its own responsibility (and the identity-number guard's).
 */
import type { BoardData, Language, PersonData } from '@circleboard/shared'

/** The word a pseudonym is made of, per export language. */
export const PSEUDONYM_WORD: Readonly<Record<Language, string>> = { en: 'Participant', sv: 'Deltagare' }

/** How each person id and name of a board is replaced. */
export interface Pseudonyms {
  /** Original person id -> `person-N`. */
  readonly ids: ReadonlyMap<string, string>
  /** `person-N` -> "Participant N". */
  readonly names: ReadonlyMap<string, string>
  /** Attendee as written (trimmed, lower case) -> pseudonym. */
  readonly attendees: ReadonlyMap<string, string>
  /** "Participant" or "Deltagare": for people of another board (a comparison's) that are not numbered. */
  readonly word: string
}

/** Id given to a person the pseudonyms do not know (someone only on the board a comparison is made with). */
export const UNKNOWN_PERSON_ID = 'person-x'

const key = (name: string): string => name.trim().toLocaleLowerCase('sv')

/** N of `person-N`; the unknown participant sorts last. */
function personNumber(id: string): number {
  const n = Number(id.slice('person-'.length))
  return Number.isInteger(n) ? n : Number.MAX_SAFE_INTEGER
}

/** The pseudonyms of `board`'s people, numbered by first contribution. */
export function pseudonymsFor(board: BoardData, lang: Language): Pseudonyms {
  const first = new Map<string, number>()
  const saw = (id: string | null, at: number | null): void => {
    if (id === null) return
    const t = at ?? Number.POSITIVE_INFINITY
    const known = first.get(id)
    if (known === undefined || t < known) first.set(id, t)
  }
  for (const r of [...board.elements, ...board.links]) {
    saw(r.createdBy, r.createdAt)
    saw(r.updatedBy, r.updatedAt)
  }
  for (const thread of board.comments ?? []) for (const m of thread.messages) saw(m.author, m.at)
  const order = [...first.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([id]) => id)
  const quiet = board.people
    .map((p) => p.id)
    .filter((id) => !first.has(id))
    .sort()
  const word = PSEUDONYM_WORD[lang]
  const ids = new Map<string, string>()
  const names = new Map<string, string>()
  for (const id of [...order, ...quiet]) {
    const n = ids.size + 1
    ids.set(id, `person-${n}`)
    names.set(`person-${n}`, `${word} ${n}`)
  }
  const attendees = new Map<string, string>()
  for (const p of board.people) {
    const pseudonym = names.get(ids.get(p.id) as string) as string
    if (!attendees.has(key(p.name))) attendees.set(key(p.name), pseudonym)
  }
  let next = ids.size + 1
  for (const m of [...board.meetings].sort((a, b) => a.number - b.number)) {
    for (const a of m.attendees) if (!attendees.has(key(a))) attendees.set(key(a), `${word} ${next++}`)
  }
  return { ids, names, attendees, word }
}

/**
 * `board` with its people replaced by `pseudonyms`: those of this board, or of the board a comparison is
 * made with, in which case people only this board has all become one unknown participant.
 */
export function applyPseudonyms(board: BoardData, pseudonyms: Pseudonyms): BoardData {
  const id = (v: string | null): string | null =>
    v === null ? null : (pseudonyms.ids.get(v) ?? UNKNOWN_PERSON_ID)
  const people: PersonData[] = board.people
    .map((p) => {
      const pid = id(p.id) as string
      // Unknown fields of a person may hold anything about them (an e-mail address): left out.
      return { id: pid, name: pseudonyms.names.get(pid) ?? pseudonyms.word, role: p.role, org: p.org }
    })
    .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i)
    .sort((a, b) => personNumber(a.id) - personNumber(b.id))
  return {
    ...board,
    elements: board.elements.map((e) => ({ ...e, createdBy: id(e.createdBy), updatedBy: id(e.updatedBy) })),
    links: board.links.map((l) => ({ ...l, createdBy: id(l.createdBy), updatedBy: id(l.updatedBy) })),
    meetings: board.meetings.map((m) => ({
      ...m,
      attendees: m.attendees.map((a) => pseudonyms.attendees.get(key(a)) ?? pseudonyms.word),
    })),
    people,
    ...(board.comments
      ? {
          comments: board.comments.map((c) => ({
            ...c,
            messages: c.messages.map((m) => ({ ...m, author: id(m.author) })),
          })),
        }
      : {}),
  }
}

/** `board` as a pseudonymous export shows it. */
export function pseudonymiseBoard(board: BoardData, lang: Language): BoardData {
  return applyPseudonyms(board, pseudonymsFor(board, lang))
}
