/**
 * Who took part in building the map, per meeting and overall, from the provenance the board already
 * records (and, optionally, label-edit and vote events that the caller collects elsewhere).
 *
 * Privacy by default: contributions are grouped by role and by organisation (as people gave them in
 * `board.people`), and groups come in a fixed role order or alphabetically, never by volume, so the
 * default output is not a ranking of people. A per-person breakdown exists only for the facilitator's
 * own view, behind an explicit option, and is alphabetical too. Groups with no contribution are kept
 * (a group that never contributes is itself a finding for the circle).
 *
 * What counts:
 * - an element or link created: its `createdBy`, in its `meeting`;
 * - a change: a record whose last change is known (`updatedAt` differs from `createdAt`, or `updatedBy`
 *   from `createdBy`), credited to `updatedBy` in `updatedMeeting`. Provenance keeps only the last
 *   change, so this counts records last changed by a group, not every edit;
 * - label edits and votes: one per event given in `options.events`.
 * A null person is `(anonymous)` (a revealed silent-brainstorm note); a person id not in `board.people`,
 * or a person without a role / organisation, is `(unspecified)` for that grouping.
 */
import type { BoardData, PersonData } from '../model/types.js'

/** Kinds of participation event the caller may pass in (they are not part of BoardData). */
export const PARTICIPATION_EVENT_KINDS = ['label-edit', 'vote'] as const
/** One of `PARTICIPATION_EVENT_KINDS`. */
export type ParticipationEventKind = (typeof PARTICIPATION_EVENT_KINDS)[number]

/** One label edit or vote, by someone (or anonymous), in a meeting (or outside meetings: `null`). */
export interface ParticipationEvent {
  readonly personId: string | null
  readonly kind: ParticipationEventKind
  readonly meeting: number | null
}

/** Options of `participation` and `participationCsv`. */
export interface ParticipationOptions {
  readonly events?: readonly ParticipationEvent[]
  /** Add `byPerson` (the facilitator's per-person view). Off by default: default output names nobody. */
  readonly perPerson?: boolean
}

/** Contributions of one kind each. */
export interface ContributionCounts {
  readonly elementsCreated: number
  readonly linksCreated: number
  readonly changes: number
  readonly labelEdits: number
  readonly votes: number
}

/** The contributions of one group (a role, an organisation, or a person) in one slice. */
export interface ParticipationGroup extends ContributionCounts {
  /** Stable key: normalised role / organisation, a person id, `(anonymous)` or `(unspecified)`. */
  readonly key: string
  /** As people wrote it (the first spelling in person-id order); a person's name in `byPerson`. */
  readonly label: string
  /** People on the board in this group (0 for `(anonymous)`). */
  readonly members: number
  /** Distinct known people of this group who contributed in this slice. */
  readonly contributors: number
}

/** Contributions in one meeting, or overall. */
export interface ParticipationSlice {
  readonly total: ContributionCounts
  readonly byRole: readonly ParticipationGroup[]
  readonly byOrganisation: readonly ParticipationGroup[]
  /** Only with `perPerson: true`. */
  readonly byPerson?: readonly ParticipationGroup[]
}

/** One meeting's slice; `meeting: null` is work done outside meetings. */
export interface MeetingParticipation extends ParticipationSlice {
  readonly meeting: number | null
}

/** Participation per meeting (ascending, outside meetings last when there is any) and overall. */
export interface Participation {
  readonly meetings: readonly MeetingParticipation[]
  readonly overall: ParticipationSlice
}

/**
 * Group key (and label) of contributions by nobody known (`createdBy` / `updatedBy` / `personId` null).
 * Parenthesised so that it can be neither a person id (`PERSON_ID_PATTERN`) nor a role someone typed.
 */
export const ANONYMOUS_GROUP = '(anonymous)'
/** Group key (and label) of people not on the board, or without the grouping's field (no role given). */
export const UNSPECIFIED_GROUP = '(unspecified)'

/** Roles in the order the circle thinks of them; other roles follow alphabetically. */
export const PARTICIPATION_ROLE_ORDER = [
  'facilitator',
  'academic',
  'practitioner',
  'service user',
  'participant',
  'viewer',
] as const

const COUNT_FIELDS = ['elementsCreated', 'linksCreated', 'changes', 'labelEdits', 'votes'] as const
type CountField = (typeof COUNT_FIELDS)[number]

// Swedish collation puts å, ä, ö after z, as Swedish readers expect; the analysis has no other locale.
// Made on first use: a collator loads the locale's collation data (some 4 MB of a server's memory, and
// ~6 ms), which a process that never sorts participation should not pay for at startup.
let svCollator: Intl.Collator | null = null
const collator = (): Intl.Collator => (svCollator ??= new Intl.Collator('sv', { sensitivity: 'base' }))

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ')
}

interface Contribution {
  readonly personId: string | null
  readonly meeting: number | null
  readonly field: CountField
}

function meetingOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function personOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function listOf(board: unknown, key: string): readonly unknown[] {
  const value = isRecord(board) ? board[key] : undefined
  return Array.isArray(value) ? value : []
}

/** Every contribution the board's provenance and the events record. */
function contributions(board: BoardData, events: readonly ParticipationEvent[]): Contribution[] {
  const out: Contribution[] = []
  const add = (record: unknown, created: CountField): void => {
    if (!isRecord(record)) return
    out.push({ personId: personOf(record.createdBy), meeting: meetingOf(record.meeting), field: created })
    const changed =
      (record.updatedAt != null && record.updatedAt !== record.createdAt) ||
      (record.updatedBy != null && record.updatedBy !== record.createdBy)
    if (changed) {
      out.push({
        personId: personOf(record.updatedBy),
        meeting: meetingOf(record.updatedMeeting),
        field: 'changes',
      })
    }
  }
  for (const e of listOf(board, 'elements')) add(e, 'elementsCreated')
  for (const l of listOf(board, 'links')) add(l, 'linksCreated')
  for (const ev of events) {
    if (!isRecord(ev)) continue
    const field = ev.kind === 'vote' ? 'votes' : ev.kind === 'label-edit' ? 'labelEdits' : null
    if (field !== null) out.push({ personId: personOf(ev.personId), meeting: meetingOf(ev.meeting), field })
  }
  return out
}

/** How a grouping sees a person: group key and label for each person id. */
interface Grouping {
  readonly groupOf: (personId: string | null) => string
  readonly labels: Map<string, string>
  readonly members: Map<string, number>
  readonly compare: (a: string, b: string) => number
}

function grouping(
  people: readonly PersonData[],
  field: (p: PersonData) => string | null,
  rank: (key: string) => number,
): Grouping {
  const keyOfPerson = new Map<string, string>()
  const labels = new Map<string, string>()
  const members = new Map<string, number>()
  for (const p of people) {
    const text = field(p)
    const normal = typeof text === 'string' ? normalise(text) : ''
    // Typed text that reads like a reserved key must not merge with anonymous contributions.
    const key = normal === '' || normal === ANONYMOUS_GROUP ? UNSPECIFIED_GROUP : normal
    keyOfPerson.set(p.id, key)
    if (!labels.has(key)) labels.set(key, key === UNSPECIFIED_GROUP ? UNSPECIFIED_GROUP : text!.trim())
    members.set(key, (members.get(key) ?? 0) + 1)
  }
  return {
    groupOf: (id) => (id === null ? ANONYMOUS_GROUP : (keyOfPerson.get(id) ?? UNSPECIFIED_GROUP)),
    labels,
    members,
    compare: (a, b) =>
      rank(a) - rank(b) || collator().compare(labels.get(a) ?? a, labels.get(b) ?? b) || (a < b ? -1 : 1),
  }
}

/** Fixed roles first in their order, then other groups, then `(unspecified)`, then `(anonymous)`. */
function roleRank(key: string): number {
  const fixed = (PARTICIPATION_ROLE_ORDER as readonly string[]).indexOf(key)
  if (fixed >= 0) return fixed
  return key === ANONYMOUS_GROUP ? 1002 : key === UNSPECIFIED_GROUP ? 1001 : 1000
}

function tailRank(key: string): number {
  return key === ANONYMOUS_GROUP ? 2 : key === UNSPECIFIED_GROUP ? 1 : 0
}

function knownPeople(board: BoardData): PersonData[] {
  const seen = new Set<string>()
  const out: PersonData[] = []
  for (const p of listOf(board, 'people')) {
    if (!isRecord(p) || typeof p.id !== 'string' || seen.has(p.id)) continue
    seen.add(p.id)
    out.push(p as unknown as PersonData)
  }
  // Person-id order makes "the first spelling" of a group independent of the order people were stored in.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const zero = (): Record<CountField, number> =>
  Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Record<CountField, number>

/** Participation per meeting and overall, grouped by role and organisation (and by person on request). */
export function participation(board: BoardData, options: ParticipationOptions = {}): Participation {
  const people = knownPeople(board)
  const names = new Map(
    people.map((p) => [p.id, typeof p.name === 'string' && p.name.trim() ? p.name.trim() : p.id]),
  )
  const list = contributions(board, Array.isArray(options.events) ? options.events : [])

  const groupings: [keyof ParticipationSlice, Grouping][] = [
    ['byRole', grouping(people, (p) => p.role, roleRank)],
    ['byOrganisation', grouping(people, (p) => p.org, tailRank)],
  ]
  if (options.perPerson === true) {
    const labels = new Map<string, string>(names)
    const members = new Map(people.map((p) => [p.id, 1]))
    groupings.push([
      'byPerson',
      {
        groupOf: (id) => (id === null ? ANONYMOUS_GROUP : id),
        labels,
        members,
        compare: (a, b) =>
          tailRank(a) - tailRank(b) ||
          collator().compare(labels.get(a) ?? a, labels.get(b) ?? b) ||
          (a < b ? -1 : 1),
      },
    ])
  }

  // Every group that exists anywhere appears in every slice, so slices line up in charts and the CSV.
  for (const [, g] of groupings) {
    for (const c of list) {
      const key = g.groupOf(c.personId)
      if (!g.labels.has(key)) g.labels.set(key, c.personId !== null && key === c.personId ? c.personId : key)
    }
  }

  const meetingNumbers = new Set<number>()
  for (const m of listOf(board, 'meetings')) {
    const n = isRecord(m) ? meetingOf(m.number) : null
    if (n !== null) meetingNumbers.add(n)
  }
  let outside = false
  for (const c of list) {
    if (c.meeting === null) outside = true
    else meetingNumbers.add(c.meeting)
  }
  const order: (number | null)[] = [...meetingNumbers].sort((a, b) => a - b)
  if (outside) order.push(null)

  const slice = (inSlice: (c: Contribution) => boolean): ParticipationSlice => {
    const chosen = list.filter(inSlice)
    const total = zero()
    for (const c of chosen) total[c.field]++
    const result: Partial<Record<keyof ParticipationSlice, ParticipationGroup[]>> = {}
    for (const [name, g] of groupings) {
      const counts = new Map<string, Record<CountField, number>>()
      const contributors = new Map<string, Set<string>>()
      for (const key of g.labels.keys()) counts.set(key, zero())
      for (const c of chosen) {
        const key = g.groupOf(c.personId)
        counts.get(key)![c.field]++
        if (c.personId !== null && names.has(c.personId)) {
          const set = contributors.get(key) ?? new Set<string>()
          set.add(c.personId)
          contributors.set(key, set)
        }
      }
      result[name] = [...counts.keys()].sort(g.compare).map((key) => ({
        key,
        label: g.labels.get(key) ?? key,
        members: g.members.get(key) ?? 0,
        contributors: contributors.get(key)?.size ?? 0,
        ...counts.get(key)!,
      }))
    }
    const { byRole = [], byOrganisation = [], byPerson } = result
    return byPerson === undefined
      ? { total, byRole, byOrganisation }
      : { total, byRole, byOrganisation, byPerson }
  }

  return {
    meetings: order.map((meeting) => ({ meeting, ...slice((c) => c.meeting === meeting) })),
    overall: slice(() => true),
  }
}
