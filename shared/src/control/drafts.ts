/**
 * A person's private drafts document (`<boardId>/drafts/<personId>`): only its owner can read or write it
 * (the server enforces that), so it is where a silent brainstorm's notes and a voting round's hidden votes
 * wait until the facilitator reveals them. The server then reads every drafts document of the board,
 * counts the votes (capping each person at the round's allowance) and moves the notes onto the board.
 *
 * Top-level types: `notes: Y.Map<Y.Map>` (id -> label, x, y, brainstorm, createdAt) and
 * `votes: Y.Map<Y.Map<number>>` (round id -> element id -> votes).
 */
import * as Y from 'yjs'
import { randomId } from '../model/ids.js'

/** Names of the drafts document's top-level types. */
export const DraftsName = { notes: 'notes', votes: 'votes' } as const

/** A note written during a silent brainstorm, not yet revealed. */
export interface DraftNote {
  readonly id: string
  readonly label: string
  readonly x: number
  readonly y: number
  /** The brainstorm it was written for. */
  readonly brainstorm: string
  readonly createdAt: number
}

/** Longest draft note. */
export const MAX_DRAFT_LABEL = 2000

/** Adds a draft note; returns its id. */
export function addDraftNote(
  doc: Y.Doc,
  note: { label: string; x: number; y: number; brainstorm: string; createdAt: number },
  origin: unknown,
): string {
  if (!Number.isFinite(note.x) || !Number.isFinite(note.y))
    throw new RangeError('draft note needs a position')
  const id = randomId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    m.set('label', note.label.slice(0, MAX_DRAFT_LABEL))
    m.set('x', note.x)
    m.set('y', note.y)
    m.set('brainstorm', note.brainstorm)
    m.set('createdAt', note.createdAt)
    doc.getMap<Y.Map<unknown>>(DraftsName.notes).set(id, m)
  }, origin)
  return id
}

/** Changes a draft note's text. */
export function relabelDraftNote(doc: Y.Doc, id: string, label: string, origin: unknown): void {
  const m = doc.getMap<Y.Map<unknown>>(DraftsName.notes).get(id)
  if (!(m instanceof Y.Map)) return
  doc.transact(() => m.set('label', label.slice(0, MAX_DRAFT_LABEL)), origin)
}

/** Deletes a draft note. */
export function deleteDraftNote(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => doc.getMap(DraftsName.notes).delete(id), origin)
}

/** The draft notes (of one brainstorm, when given), oldest first; malformed entries are skipped. */
export function readDraftNotes(doc: Y.Doc, brainstorm?: string): DraftNote[] {
  const out: DraftNote[] = []
  doc.getMap<unknown>(DraftsName.notes).forEach((v, id) => {
    if (!(v instanceof Y.Map)) return
    const label = v.get('label')
    const x = v.get('x')
    const y = v.get('y')
    const b = v.get('brainstorm')
    if (typeof label !== 'string' || typeof x !== 'number' || typeof y !== 'number' || typeof b !== 'string')
      return
    if (!Number.isFinite(x) || !Number.isFinite(y)) return
    if (brainstorm !== undefined && b !== brainstorm) return
    const createdAt = v.get('createdAt')
    out.push({ id, label, x, y, brainstorm: b, createdAt: typeof createdAt === 'number' ? createdAt : 0 })
  })
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** One person's votes in a round: element id -> votes (only positive whole numbers). */
export function readVotes(doc: Y.Doc, roundId: string): Record<string, number> {
  const round = doc.getMap<unknown>(DraftsName.votes).get(roundId)
  if (!(round instanceof Y.Map)) return {}
  const out: Record<string, number> = {}
  round.forEach((v, elementId) => {
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[elementId] = v
  })
  return out
}

/** Total votes a person has placed in a round. */
export function votesUsed(doc: Y.Doc, roundId: string): number {
  return Object.values(readVotes(doc, roundId)).reduce((a, b) => a + b, 0)
}

/**
 * Adds (`delta` 1) or takes back (`delta` -1) a vote on an element. Returns false, changing nothing, when
 * it would exceed `allowance` or go below zero.
 */
export function castVote(
  doc: Y.Doc,
  roundId: string,
  elementId: string,
  delta: 1 | -1,
  allowance: number,
  origin: unknown,
): boolean {
  const current = readVotes(doc, roundId)
  const mine = current[elementId] ?? 0
  if (delta > 0 && votesUsed(doc, roundId) >= allowance) return false
  if (delta < 0 && mine === 0) return false
  doc.transact(() => {
    const votes = doc.getMap<Y.Map<number>>(DraftsName.votes)
    let round = votes.get(roundId)
    if (!(round instanceof Y.Map)) {
      round = new Y.Map<number>()
      votes.set(roundId, round)
    }
    if (mine + delta === 0) round.delete(elementId)
    else round.set(elementId, mine + delta)
  }, origin)
  return true
}

/**
 * Counts a round from every person's votes: each person is capped at `allowance` (their own document is
 * theirs to write, so the cap is applied here, when counting), only `eligible` elements count.
 */
export function tallyVotes(
  perPerson: readonly Record<string, number>[],
  allowance: number,
  eligible: (elementId: string) => boolean,
): { results: Record<string, number>; voters: number } {
  const results: Record<string, number> = {}
  let voters = 0
  for (const votes of perPerson) {
    let left = allowance
    let counted = false
    for (const [elementId, n] of Object.entries(votes).sort(([a], [b]) => a.localeCompare(b))) {
      if (!eligible(elementId) || left <= 0) continue
      const take = Math.min(n, left)
      left -= take
      results[elementId] = (results[elementId] ?? 0) + take
      counted = true
    }
    if (counted) voters++
  }
  return { results, voters }
}

/** Removes every note of a brainstorm from the drafts (after the reveal moved them to the board). */
export function clearDraftNotes(doc: Y.Doc, ids: readonly string[], origin: unknown): void {
  doc.transact(() => {
    const notes = doc.getMap(DraftsName.notes)
    for (const id of ids) notes.delete(id)
  }, origin)
}

/** A fresh id for a note or round, exported for callers that need one before writing. */
export const newDraftId = randomId
