/**
 * The control document of a board (`<boardId>/control`, DESIGN.md "Permission boundaries"): what only a
 * facilitator may change, read by everyone in the meeting. The server refuses every other connection's
 * writes, so these fields are trustworthy in a way the board document's are not: the server itself reads
 * `session.locked` and `session.delegates` to decide who may write.
 *
 * Top-level types (part of the persisted format):
 *   `timer: Y.Map`    durationMs, running, endsAt (server clock, ms), remainingMs (when paused), sound
 *   `session: Y.Map`  locked, delegates (person ids), follow {...}, agendaStep, brainstorm {...}, meeting {...}
 *   `agenda: Y.Array<string>`  the steps of the meeting
 *   `voting: Y.Map`   the current dot-voting round (results written by the server when revealed)
 */
import type * as Y from 'yjs'
import { ELEMENT_TYPES, type ElementType } from '../model/types.js'

/** Names of the control document's top-level types. */
export const ControlName = { timer: 'timer', session: 'session', agenda: 'agenda', voting: 'voting' } as const

/** The shared countdown. Times are on the server's clock (see `serverNow`), so every screen agrees. */
export interface TimerState {
  readonly durationMs: number
  readonly running: boolean
  /** When a running timer reaches zero, server clock ms; `null` when not running. */
  readonly endsAt: number | null
  /** What is left while paused or before start. */
  readonly remainingMs: number
  /** Play a sound at zero (each screen may still mute itself). */
  readonly sound: boolean
}

/** "Bring everyone here": while active, everyone's view follows the leader until they break away. */
export interface FollowState {
  readonly active: boolean
  /** Person id of whom to follow. */
  readonly leader: string | null
  /** When it started (server clock): a screen that broke away follows again only after a new start. */
  readonly since: number
}

/** A silent brainstorm: participants write notes privately; the facilitator reveals them all at once. */
export interface BrainstormState {
  readonly id: string
  /** `collecting` while people write; `reveal-requested` when the facilitator asked; `revealed` when done. */
  readonly status: 'collecting' | 'reveal-requested' | 'revealed' | 'cancelled'
  /** Revealed notes carry no creator. */
  readonly anonymous: boolean
  readonly startedAt: number
  /** Notes that landed on the board at the reveal (written by the server). */
  readonly revealedCount: number
}

/** The running meeting, as the facilitator started it. */
export interface CurrentMeeting {
  readonly number: number
  readonly id: string
  readonly startedAt: number
}

/** Session-wide facilitation state. */
export interface SessionState {
  /** The board is read-only for participants (enforced by the server). */
  readonly locked: boolean
  /** Participants the facilitator handed facilitation to (person ids). */
  readonly delegates: readonly string[]
  readonly follow: FollowState
  readonly agendaStep: number
  readonly brainstorm: BrainstormState | null
  readonly meeting: CurrentMeeting | null
}

/** What a voting round applies to. */
export type VoteScope = 'all' | ElementType

/** A dot-voting round. */
export interface VotingRound {
  readonly id: string
  readonly title: string
  readonly scope: VoteScope
  readonly votesPerPerson: number
  /** `open`: votes are cast, hidden; `reveal-requested`; `revealed`: results shown; `closed`: ended. */
  readonly status: 'open' | 'reveal-requested' | 'revealed' | 'closed'
  readonly openedAt: number
  /** Number of people who have voted so far (counted by the server; never who). */
  readonly voters: number
  /** Votes per element id, once revealed (written by the server). */
  readonly results: Readonly<Record<string, number>> | null
}

/** Everything in the control document. */
export interface ControlState {
  readonly timer: TimerState
  readonly session: SessionState
  readonly agenda: readonly string[]
  readonly voting: VotingRound | null
}

/** The state of an empty control document. */
export const EMPTY_CONTROL: ControlState = {
  timer: { durationMs: 5 * 60_000, running: false, endsAt: null, remainingMs: 5 * 60_000, sound: true },
  session: {
    locked: false,
    delegates: [],
    follow: { active: false, leader: null, since: 0 },
    agendaStep: 0,
    brainstorm: null,
    meeting: null,
  },
  agenda: [],
  voting: null,
}

const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null

/** The timer, tolerant of missing or foreign values. */
export function readTimer(doc: Y.Doc): TimerState {
  const m = doc.getMap<unknown>(ControlName.timer)
  const d = EMPTY_CONTROL.timer
  const durationMs = Math.max(0, num(m.get('durationMs'), d.durationMs))
  const running = m.get('running') === true && typeof m.get('endsAt') === 'number'
  return {
    durationMs,
    running,
    endsAt: running ? num(m.get('endsAt'), 0) : null,
    remainingMs: Math.max(0, num(m.get('remainingMs'), durationMs)),
    sound: m.get('sound') !== false,
  }
}

function readBrainstorm(v: unknown): BrainstormState | null {
  const b = obj(v)
  const id = str(b?.id)
  if (!b || !id) return null
  const status = b.status
  return {
    id,
    status:
      status === 'reveal-requested' || status === 'revealed' || status === 'cancelled'
        ? status
        : 'collecting',
    anonymous: b.anonymous === true,
    startedAt: num(b.startedAt, 0),
    revealedCount: num(b.revealedCount, 0),
  }
}

/** The session map. */
export function readSession(doc: Y.Doc): SessionState {
  const m = doc.getMap<unknown>(ControlName.session)
  const follow = obj(m.get('follow'))
  const meeting = obj(m.get('meeting'))
  const delegates = m.get('delegates')
  return {
    locked: m.get('locked') === true,
    delegates: Array.isArray(delegates) ? delegates.filter((d): d is string => typeof d === 'string') : [],
    follow: {
      active: follow?.active === true && typeof follow.leader === 'string',
      leader: str(follow?.leader),
      since: num(follow?.since, 0),
    },
    agendaStep: Math.max(0, Math.floor(num(m.get('agendaStep'), 0))),
    brainstorm: readBrainstorm(m.get('brainstorm')),
    meeting:
      meeting && typeof meeting.number === 'number' && typeof meeting.id === 'string'
        ? { number: meeting.number, id: meeting.id, startedAt: num(meeting.startedAt, 0) }
        : null,
  }
}

/** The agenda steps. */
export function readAgenda(doc: Y.Doc): string[] {
  return doc
    .getArray<unknown>(ControlName.agenda)
    .toArray()
    .filter((s): s is string => typeof s === 'string')
}

/** The current voting round, or `null`. */
export function readVoting(doc: Y.Doc): VotingRound | null {
  const m = doc.getMap<unknown>(ControlName.voting)
  const id = str(m.get('id'))
  if (!id) return null
  const scope = m.get('scope')
  const status = m.get('status')
  const results = obj(m.get('results'))
  return {
    id,
    title: str(m.get('title')) ?? '',
    scope:
      typeof scope === 'string' && (ELEMENT_TYPES as readonly string[]).includes(scope)
        ? (scope as ElementType)
        : 'all',
    votesPerPerson: Math.max(1, Math.floor(num(m.get('votesPerPerson'), 3))),
    status: status === 'reveal-requested' || status === 'revealed' || status === 'closed' ? status : 'open',
    openedAt: num(m.get('openedAt'), 0),
    voters: num(m.get('voters'), 0),
    results: results
      ? Object.fromEntries(
          Object.entries(results).filter((e): e is [string, number] => typeof e[1] === 'number'),
        )
      : null,
  }
}

/** The whole control state. */
export function readControl(doc: Y.Doc): ControlState {
  return {
    timer: readTimer(doc),
    session: readSession(doc),
    agenda: readAgenda(doc),
    voting: readVoting(doc),
  }
}

/** Milliseconds left on the timer at server time `serverNow`. */
export function timerRemaining(timer: TimerState, serverNow: number): number {
  if (!timer.running || timer.endsAt === null) return timer.remainingMs
  return Math.max(0, timer.endsAt - serverNow)
}

/** True when `personId` may act as facilitator: a facilitator link, or someone facilitation was handed to. */
export function isDelegate(session: SessionState, personId: string | null): boolean {
  return personId !== null && session.delegates.includes(personId)
}
