/**
 * Facilitator operations on the control document, one transaction each. Times are server-clock ms
 * (`now` is passed in: the client uses its estimate of the server's clock, see the client's clock sync).
 * The server enforces who may call these (only facilitator and delegate connections may write the
 * control document); here we keep the values well-formed.
 */
import type * as Y from 'yjs'
import { randomId } from '../model/ids.js'
import { ControlName, readSession, readTimer, readVoting, type VoteScope } from './controlDoc.js'

/** Longest timer: a whole meeting day. */
export const MAX_TIMER_MS = 8 * 3600_000
/** Most votes a person may get in one round. */
export const MAX_VOTES_PER_PERSON = 20
/** Most agenda steps. */
export const MAX_AGENDA_STEPS = 50

function clampDuration(ms: number): number {
  if (!Number.isFinite(ms)) throw new RangeError('timer duration must be a number')
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)))
}

/** Sets the timer's duration (and what is left); stops it. */
export function setTimer(doc: Y.Doc, durationMs: number, origin: unknown): void {
  const d = clampDuration(durationMs)
  doc.transact(() => {
    const m = doc.getMap<unknown>(ControlName.timer)
    m.set('durationMs', d)
    m.set('remainingMs', d)
    m.set('running', false)
    m.set('endsAt', null)
  }, origin)
}

/** Starts (or resumes) the countdown from what is left. */
export function startTimer(doc: Y.Doc, now: number, origin: unknown): void {
  const t = readTimer(doc)
  if (t.running) return
  const left = t.remainingMs > 0 ? t.remainingMs : t.durationMs
  doc.transact(() => {
    const m = doc.getMap<unknown>(ControlName.timer)
    m.set('durationMs', t.durationMs)
    m.set('running', true)
    m.set('endsAt', now + left)
    m.set('remainingMs', left)
  }, origin)
}

/** Pauses the countdown, keeping what is left. */
export function pauseTimer(doc: Y.Doc, now: number, origin: unknown): void {
  const t = readTimer(doc)
  if (!t.running || t.endsAt === null) return
  doc.transact(() => {
    const m = doc.getMap<unknown>(ControlName.timer)
    m.set('running', false)
    m.set('remainingMs', Math.max(0, t.endsAt! - now))
    m.set('endsAt', null)
  }, origin)
}

/** Adds a minute (to a running or a paused timer). */
export function addTimerMinute(doc: Y.Doc, now: number, origin: unknown): void {
  const t = readTimer(doc)
  doc.transact(() => {
    const m = doc.getMap<unknown>(ControlName.timer)
    if (t.running && t.endsAt !== null)
      m.set('endsAt', Math.min(now + MAX_TIMER_MS, Math.max(now, t.endsAt) + 60_000))
    else m.set('remainingMs', clampDuration(t.remainingMs + 60_000))
  }, origin)
}

/** Back to the full duration, stopped. */
export function resetTimer(doc: Y.Doc, origin: unknown): void {
  setTimer(doc, readTimer(doc).durationMs, origin)
}

/** Turns the sound at zero on or off. */
export function setTimerSound(doc: Y.Doc, on: boolean, origin: unknown): void {
  doc.transact(() => doc.getMap<unknown>(ControlName.timer).set('sound', on), origin)
}

/** Locks or unlocks the board for participants. */
export function setLocked(doc: Y.Doc, locked: boolean, origin: unknown): void {
  doc.transact(() => doc.getMap<unknown>(ControlName.session).set('locked', locked), origin)
}

/** Starts "Bring everyone here" with `leader` (a person id), or stops it (`null`). */
export function setFollow(doc: Y.Doc, leader: string | null, now: number, origin: unknown): void {
  doc.transact(() => {
    doc
      .getMap<unknown>(ControlName.session)
      .set(
        'follow',
        leader === null ? { active: false, leader: null, since: now } : { active: true, leader, since: now },
      )
  }, origin)
}

/** Replaces the agenda (trimmed, empty steps dropped) and keeps the current step in range. */
export function setAgenda(doc: Y.Doc, steps: readonly string[], origin: unknown): void {
  const clean = steps
    .map((s) => s.trim().slice(0, 200))
    .filter(Boolean)
    .slice(0, MAX_AGENDA_STEPS)
  doc.transact(() => {
    const a = doc.getArray<string>(ControlName.agenda)
    a.delete(0, a.length)
    a.insert(0, clean)
    const session = doc.getMap<unknown>(ControlName.session)
    const step = readSession(doc).agendaStep
    if (step >= clean.length) session.set('agendaStep', Math.max(0, clean.length - 1))
  }, origin)
}

/** Moves to agenda step `index`. */
export function setAgendaStep(doc: Y.Doc, index: number, origin: unknown): void {
  const length = doc.getArray(ControlName.agenda).length
  const step = Math.max(0, Math.min(Math.max(0, length - 1), Math.floor(index)))
  doc.transact(() => doc.getMap<unknown>(ControlName.session).set('agendaStep', step), origin)
}

/** Hands facilitation to these people (person ids), replacing earlier delegates; `[]` takes it back. */
export function setDelegates(doc: Y.Doc, personIds: readonly string[], origin: unknown): void {
  const unique = [...new Set(personIds.filter((p) => typeof p === 'string' && p.length > 0))].slice(0, 20)
  doc.transact(() => doc.getMap<unknown>(ControlName.session).set('delegates', unique), origin)
}

/** Marks the running meeting (the meeting record itself lives in the board document). */
export function setCurrentMeeting(
  doc: Y.Doc,
  meeting: { number: number; id: string; startedAt: number } | null,
  origin: unknown,
): void {
  doc.transact(() => doc.getMap<unknown>(ControlName.session).set('meeting', meeting), origin)
}

/** Opens a dot-voting round; returns its id. A round already open is closed first. */
export function openVoting(
  doc: Y.Doc,
  round: { title: string; scope: VoteScope; votesPerPerson: number },
  now: number,
  origin: unknown,
): string {
  const votes = Math.floor(round.votesPerPerson)
  if (!(votes >= 1 && votes <= MAX_VOTES_PER_PERSON)) {
    throw new RangeError(`votes per person must be 1-${MAX_VOTES_PER_PERSON}`)
  }
  const id = randomId()
  doc.transact(() => {
    const m = doc.getMap<unknown>(ControlName.voting)
    for (const key of [...m.keys()]) m.delete(key)
    m.set('id', id)
    m.set('title', round.title.trim().slice(0, 200))
    m.set('scope', round.scope)
    m.set('votesPerPerson', votes)
    m.set('status', 'open')
    m.set('openedAt', now)
    m.set('voters', 0)
  }, origin)
  return id
}

/** Asks the server to count and reveal the votes of the open round. */
export function requestVoteReveal(doc: Y.Doc, origin: unknown): void {
  const round = readVoting(doc)
  if (!round || round.status !== 'open') return
  doc.transact(() => doc.getMap<unknown>(ControlName.voting).set('status', 'reveal-requested'), origin)
}

/** Ends the round (its results stay in the board's record). */
export function closeVoting(doc: Y.Doc, origin: unknown): void {
  if (!readVoting(doc)) return
  doc.transact(() => doc.getMap<unknown>(ControlName.voting).set('status', 'closed'), origin)
}

/** Starts a silent brainstorm; returns its id. */
export function startBrainstorm(doc: Y.Doc, anonymous: boolean, now: number, origin: unknown): string {
  const id = randomId()
  doc.transact(() => {
    doc
      .getMap<unknown>(ControlName.session)
      .set('brainstorm', { id, status: 'collecting', anonymous, startedAt: now, revealedCount: 0 })
  }, origin)
  return id
}

/** Asks the server to move every draft of the brainstorm onto the board. */
export function requestBrainstormReveal(doc: Y.Doc, anonymous: boolean, origin: unknown): void {
  const b = readSession(doc).brainstorm
  if (!b || b.status !== 'collecting') return
  doc.transact(() => {
    doc
      .getMap<unknown>(ControlName.session)
      .set('brainstorm', { ...b, anonymous, status: 'reveal-requested' })
  }, origin)
}

/** Cancels a brainstorm without revealing anything. */
export function cancelBrainstorm(doc: Y.Doc, origin: unknown): void {
  const b = readSession(doc).brainstorm
  if (!b) return
  doc.transact(
    () => doc.getMap<unknown>(ControlName.session).set('brainstorm', { ...b, status: 'cancelled' }),
    origin,
  )
}
