/**
 * Participation as the panel charts it: one horizontal stacked bar per group (a role, an organisation, or
 * for the facilitator a person), in the order shared `participation` gives (fixed role order, else
 * alphabetical: never by volume, so the chart is not a ranking), and votes as events for it.
 */
import type {
  ContributionCounts,
  Participation,
  ParticipationEvent,
  ParticipationGroup,
  ParticipationSlice,
  VoteRecord,
} from '@circleboard/shared'

/** The contribution kinds, in the order the bars stack them. */
export const CONTRIBUTION_KINDS = [
  'elementsCreated',
  'linksCreated',
  'changes',
  'votes',
  'labelEdits',
] as const satisfies readonly (keyof ContributionCounts)[]

/** One of `CONTRIBUTION_KINDS`. */
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number]

/** One stacked bar. */
export interface ParticipationBar {
  readonly key: string
  readonly label: string
  readonly members: number
  readonly contributors: number
  readonly total: number
  /** Segments with a value, left to right; `start` and `size` as fractions of the largest total. */
  readonly segments: readonly {
    readonly kind: ContributionKind
    readonly value: number
    readonly start: number
    readonly size: number
  }[]
}

/** Sum of a group's contributions. */
export function totalOf(c: ContributionCounts): number {
  return CONTRIBUTION_KINDS.reduce((sum, k) => sum + c[k], 0)
}

/** The bars of some groups, scaled to the largest total (order kept). */
export function participationBars(groups: readonly ParticipationGroup[]): ParticipationBar[] {
  const max = Math.max(1, ...groups.map(totalOf))
  return groups.map((g) => {
    let start = 0
    const segments = CONTRIBUTION_KINDS.filter((k) => g[k] > 0).map((kind) => {
      const size = g[kind] / max
      const segment = { kind, value: g[kind], start, size }
      start += size
      return segment
    })
    return {
      key: g.key,
      label: g.label,
      members: g.members,
      contributors: g.contributors,
      total: totalOf(g),
      segments,
    }
  })
}

/** Which slice: all meetings, or one (`null`: work outside meetings). */
export type SliceChoice = 'all' | number | null

/** The slice chosen, or the overall one when that meeting is not in the result. */
export function sliceOf(result: Participation, choice: SliceChoice): ParticipationSlice {
  if (choice === 'all') return result.overall
  return result.meetings.find((m) => m.meeting === choice) ?? result.overall
}

/**
 * Votes as participation events. Votes are cast in private and only their totals are recorded, so they are
 * counted without a person (they show as the anonymous group), one event per vote in the round's meeting.
 */
export function voteEvents(records: readonly VoteRecord[]): ParticipationEvent[] {
  const events: ParticipationEvent[] = []
  for (const r of records) {
    let votes = 0
    for (const n of Object.values(r.results)) if (Number.isFinite(n) && n > 0) votes += n
    for (let i = 0; i < votes; i++) events.push({ personId: null, kind: 'vote', meeting: r.meeting })
  }
  return events
}
