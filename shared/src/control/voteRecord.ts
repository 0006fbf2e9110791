/**
 * Dot-voting rounds in the board's record: when a round is revealed, the server writes its results into
 * the board document's `votes` map (an extension of DESIGN.md's document: a top-level `Y.Map` keyed by
 * round id), so minutes, exports and snapshots keep them after the control document has moved on.
 */
import * as Y from 'yjs'
import { ELEMENT_TYPES } from '../model/types.js'
import type { VoteScope } from './controlDoc.js'

/** Name of the board document's top-level map of voting rounds. */
export const BOARD_VOTES = 'votes'

/** One finished (revealed) round. */
export interface VoteRecord {
  readonly id: string
  readonly title: string
  readonly scope: VoteScope
  readonly votesPerPerson: number
  readonly openedAt: number
  readonly revealedAt: number
  /** The meeting it was held in, if any. */
  readonly meeting: number | null
  /** How many people voted. */
  readonly voters: number
  /** Votes per element id. */
  readonly results: Readonly<Record<string, number>>
}

/** Writes (or replaces) a round's record in the board document. */
export function recordVoteRound(boardDoc: Y.Doc, record: VoteRecord, origin: unknown): void {
  boardDoc.transact(() => {
    const m = new Y.Map<unknown>()
    m.set('title', record.title)
    m.set('scope', record.scope)
    m.set('votesPerPerson', record.votesPerPerson)
    m.set('openedAt', record.openedAt)
    m.set('revealedAt', record.revealedAt)
    m.set('meeting', record.meeting)
    m.set('voters', record.voters)
    m.set('results', { ...record.results })
    boardDoc.getMap<Y.Map<unknown>>(BOARD_VOTES).set(record.id, m)
  }, origin)
}

/** Every recorded round, oldest first; malformed entries are skipped. */
export function readVoteRecords(boardDoc: Y.Doc): VoteRecord[] {
  const out: VoteRecord[] = []
  boardDoc.getMap<unknown>(BOARD_VOTES).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return
    const results = v.get('results')
    if (typeof results !== 'object' || results === null || Array.isArray(results)) return
    const scope = v.get('scope')
    const num = (key: string): number => {
      const n = v.get(key)
      return typeof n === 'number' && Number.isFinite(n) ? n : 0
    }
    const meeting = v.get('meeting')
    out.push({
      id,
      title: typeof v.get('title') === 'string' ? (v.get('title') as string) : '',
      scope:
        typeof scope === 'string' && (ELEMENT_TYPES as readonly string[]).includes(scope)
          ? (scope as VoteScope)
          : 'all',
      votesPerPerson: num('votesPerPerson'),
      openedAt: num('openedAt'),
      revealedAt: num('revealedAt'),
      meeting: typeof meeting === 'number' ? meeting : null,
      voters: num('voters'),
      results: Object.fromEntries(
        Object.entries(results as Record<string, unknown>).filter(
          (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
        ),
      ),
    })
  })
  return out.sort((a, b) => a.revealedAt - b.revealedAt || a.id.localeCompare(b.id))
}

/** A round's results as a ranked list (most votes first, ties by element id). */
export function rankedResults(
  results: Readonly<Record<string, number>>,
): { elementId: string; votes: number }[] {
  return Object.entries(results)
    .map(([elementId, votes]) => ({ elementId, votes }))
    .sort((a, b) => b.votes - a.votes || a.elementId.localeCompare(b.elementId))
}
