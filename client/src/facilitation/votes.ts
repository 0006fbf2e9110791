/**
 * Dot voting as the board shows it. While a round is open each person sees only their own votes (they
 * live in their private drafts, which nobody else can open; server/SPEC.md F4); when the facilitator
 * reveals, the server writes the counts into the control document and everyone sees them as badges on the
 * elements and as a ranked list.
 *
 * A click on an eligible element places a vote (the canvas's click interceptor); Alt- or Shift-click takes
 * one back. The voting panel offers the same with buttons, for the keyboard.
 */
import type { ElementData, VoteScope, VotingRound } from '@circleboard/shared'

/** True when an element can receive votes in a round of `scope`. */
export function isEligible(element: Pick<ElementData, 'type'> | undefined, scope: VoteScope): boolean {
  if (!element) return false
  return scope === 'all' ? element.type !== 'arena' : element.type === scope
}

/** Votes placed, from one person's drafts (element id -> votes). */
export type MyVotes = Readonly<Record<string, number>>

/** Votes this person still has in the round. */
export function votesLeft(round: VotingRound | null, mine: MyVotes): number {
  if (!round) return 0
  const used = Object.values(mine).reduce((a, b) => a + b, 0)
  return Math.max(0, round.votesPerPerson - used)
}

/** What a click on an element during voting does. */
export type VoteClick =
  | { readonly kind: 'pass' }
  | { readonly kind: 'add' }
  | { readonly kind: 'remove' }
  | { readonly kind: 'none-left' }
  | { readonly kind: 'ineligible' }

/**
 * Decides a click on `element`: `pass` lets the board select it as usual (no open round), the others are
 * taken over by voting (the click never selects while votes are being cast: a mis-click is a vote, as in
 * Miro, and is taken back with Alt-click).
 */
export function decideVoteClick(
  round: VotingRound | null,
  element: Pick<ElementData, 'id' | 'type'> | undefined,
  mine: MyVotes,
  remove: boolean,
): VoteClick {
  if (!round || round.status !== 'open') return { kind: 'pass' }
  if (!isEligible(element, round.scope)) return { kind: 'ineligible' }
  if (remove) return (mine[element!.id] ?? 0) > 0 ? { kind: 'remove' } : { kind: 'ineligible' }
  return votesLeft(round, mine) > 0 ? { kind: 'add' } : { kind: 'none-left' }
}

/** A count drawn on an element. */
export interface VoteBadge {
  readonly elementId: string
  readonly count: number
  /** `mine`: this person's hidden votes; `result`: the revealed total. */
  readonly kind: 'mine' | 'result'
}

/** The badges to draw for the current round. */
export function voteBadges(round: VotingRound | null, mine: MyVotes): VoteBadge[] {
  if (!round || round.status === 'closed') return []
  if (round.status === 'revealed' && round.results) {
    return Object.entries(round.results)
      .filter(([, n]) => n > 0)
      .map(([elementId, count]) => ({ elementId, count, kind: 'result' as const }))
  }
  return Object.entries(mine)
    .filter(([, n]) => n > 0)
    .map(([elementId, count]) => ({ elementId, count, kind: 'mine' as const }))
}

/** One line of the ranked results. */
export interface RankedLine {
  readonly elementId: string
  readonly votes: number
  /** 1-based; ties share a rank (1, 2, 2, 4). */
  readonly rank: number
  readonly label: string
  /** False when the element has since been deleted. */
  readonly exists: boolean
}

/** Results ranked, most votes first (ties by label, then id), with labels from `labelOf`. */
export function rankResults(
  results: Readonly<Record<string, number>>,
  labelOf: (id: string) => string | null,
): RankedLine[] {
  const lines = Object.entries(results)
    .filter(([, votes]) => votes > 0)
    .map(([elementId, votes]) => {
      const label = labelOf(elementId)
      return { elementId, votes, label: label ?? '', exists: label !== null }
    })
    .sort(
      (a, b) =>
        b.votes - a.votes ||
        a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }) ||
        (a.elementId < b.elementId ? -1 : 1),
    )
  let rank = 0
  return lines.map((line, i) => {
    if (i === 0 || (lines[i - 1] as { votes: number }).votes !== line.votes) rank = i + 1
    return { ...line, rank }
  })
}
