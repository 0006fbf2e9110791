/**
 * Operations on the board's meta, its meetings and its people. Meetings and people are not in the undo
 * scope (see `undo.ts`): starting a meeting or joining the board is not something Ctrl+Z should take back.
 */
import * as Y from 'yjs'
import type { MeetingData, PersonData } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { show } from '../fields.js'
import { checkContext, edit, newIdOf, nowOf, type EditContext } from '../context.js'
import { DATE_PATTERN, readMeeting, runningMeeting, dateOf, writeMeetingFields } from '../meetings.js'
import { readPerson, writePersonFields } from '../people.js'
import { MAX_TITLE_LENGTH } from '../meta.js'
import { isValidId } from '../ids.js'
import { mapsOf, refuse, requireId, requireObject } from './access.js'
import type { BoardMaps } from '../writeBoard.js'

/** Sets the board's title. */
export function setBoardTitle(doc: Y.Doc, title: string, ctx: EditContext): void {
  checkContext(ctx)
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
    refuse([`title must be a string of at most ${MAX_TITLE_LENGTH} characters`])
  }
  const maps = mapsOf(doc)
  edit(doc, ctx, () => maps.meta.set('title', title))
}

/** Marks the board as pseudonymous (provenance and people hold pseudonyms) or not. */
export function setPseudonymous(doc: Y.Doc, pseudonymous: boolean, ctx: EditContext): void {
  checkContext(ctx)
  if (typeof pseudonymous !== 'boolean') refuse(['pseudonymous must be true or false'])
  const maps = mapsOf(doc)
  edit(doc, ctx, () => maps.meta.set('pseudonymous', pseudonymous))
}

function allMeetings(maps: BoardMaps): { map: Y.Map<unknown>; data: MeetingData }[] {
  const out: { map: Y.Map<unknown>; data: MeetingData }[] = []
  for (const [id, value] of maps.meetings.entries()) {
    const result = readMeeting(id, value)
    if (result.ok) out.push({ map: value as Y.Map<unknown>, data: result.value })
  }
  return out
}

function requireMeeting(maps: BoardMaps, id: string): { map: Y.Map<unknown>; data: MeetingData } {
  requireId(id, 'the meeting')
  const value = maps.meetings.get(id)
  if (value === undefined) throw new ModelError(ModelErrorCode.notFound, `no meeting '${id}'`)
  const result = readMeeting(id, value)
  if (!result.ok)
    throw new ModelError(ModelErrorCode.invalidRecord, `meeting '${id}' is invalid`, result.invalid.problems)
  return { map: value as Y.Map<unknown>, data: result.value }
}

/** Editable fields of a meeting. */
export interface MeetingPatch {
  readonly title?: string
  /** `YYYY-MM-DD` or `''`. */
  readonly date?: string
  readonly agenda?: readonly string[]
  readonly attendees?: readonly string[]
}

function patchProblems(patch: MeetingPatch): string[] {
  requireObject(patch, 'the meeting')
  const problems: string[] = []
  if (
    patch.title !== undefined &&
    (typeof patch.title !== 'string' || patch.title.length > MAX_TITLE_LENGTH)
  ) {
    problems.push(`title must be a string of at most ${MAX_TITLE_LENGTH} characters`)
  }
  if (
    patch.date !== undefined &&
    (typeof patch.date !== 'string' || (patch.date !== '' && !DATE_PATTERN.test(patch.date)))
  ) {
    problems.push('date must be YYYY-MM-DD or empty')
  }
  // Agenda items and attendees follow the same rules as tags, with room for a sentence.
  for (const key of ['agenda', 'attendees'] as const) {
    const list = patch[key]
    if (list === undefined) continue
    if (
      !Array.isArray(list) ||
      list.some((item) => typeof item !== 'string' || item.length > MAX_TITLE_LENGTH)
    ) {
      problems.push(`${key} must be a list of strings of at most ${MAX_TITLE_LENGTH} characters`)
    } else if (list.length > 200) problems.push(`${key} has more than 200 items`)
  }
  return problems
}

/** Plans a meeting (not started): number one above the highest so far. Returns its id and number. */
export function addMeeting(
  doc: Y.Doc,
  patch: MeetingPatch,
  ctx: EditContext,
): { id: string; number: number } {
  checkContext(ctx)
  refuse(patchProblems(patch))
  const maps = mapsOf(doc)
  const id = newIdOf(ctx)
  if (!isValidId(id)) refuse([`id ${show(id)} is not a valid id`])
  if (maps.meetings.has(id)) throw new ModelError(ModelErrorCode.idTaken, `meeting id '${id}' is taken`)
  const number = Math.max(0, ...allMeetings(maps).map((m) => m.data.number)) + 1
  const meeting: MeetingData = {
    id,
    number,
    title: patch.title ?? '',
    date: patch.date ?? '',
    agenda: [...(patch.agenda ?? [])],
    attendees: [...(patch.attendees ?? [])],
    startedAt: null,
    endedAt: null,
    extra: {},
  }
  edit(doc, ctx, () => {
    const map = new Y.Map<unknown>()
    maps.meetings.set(id, map)
    writeMeetingFields(map, meeting)
  })
  return { id, number }
}

/**
 * Starts a meeting: the planned meeting `id`, or a new one when `id` is `null`. Refused while another
 * meeting is running. The date is today's (UTC) unless the meeting has one. Returns its id and number.
 */
export function startMeeting(
  doc: Y.Doc,
  id: string | null,
  ctx: EditContext,
): { id: string; number: number } {
  checkContext(ctx)
  const maps = mapsOf(doc)
  const running = runningMeeting(allMeetings(maps).map((m) => m.data))
  if (running !== null) {
    throw new ModelError(ModelErrorCode.meetingRunning, `meeting ${running.number} is still running`)
  }
  if (id !== null) {
    const { data } = requireMeeting(maps, id)
    if (data.startedAt !== null)
      throw new ModelError(ModelErrorCode.meetingState, `meeting ${data.number} has been held`)
  }
  const at = nowOf(ctx)
  return edit(doc, ctx, () => {
    const target = id ?? addMeeting(doc, {}, ctx).id
    const { map, data } = requireMeeting(maps, target)
    map.set('startedAt', at)
    if (data.date === '') map.set('date', dateOf(at))
    return { id: target, number: data.number }
  })
}

/** Ends a running meeting. */
export function endMeeting(doc: Y.Doc, id: string, ctx: EditContext): void {
  checkContext(ctx)
  const { map, data } = requireMeeting(mapsOf(doc), id)
  if (data.startedAt === null || data.endedAt !== null) {
    throw new ModelError(ModelErrorCode.meetingState, `meeting ${data.number} is not running`)
  }
  edit(doc, ctx, () => map.set('endedAt', nowOf(ctx)))
}

/** Changes a meeting's title, date, agenda or attendees. */
export function updateMeeting(doc: Y.Doc, id: string, patch: MeetingPatch, ctx: EditContext): void {
  checkContext(ctx)
  refuse(patchProblems(patch))
  const { map, data } = requireMeeting(mapsOf(doc), id)
  const next: MeetingData = {
    ...data,
    title: patch.title ?? data.title,
    date: patch.date ?? data.date,
    agenda: patch.agenda ?? data.agenda,
    attendees: patch.attendees ?? data.attendees,
  }
  edit(doc, ctx, () => writeMeetingFields(map, next))
}

/** Adds a person or changes their name, role or organisation (keeping fields this version does not know). */
export function upsertPerson(
  doc: Y.Doc,
  person: {
    readonly id: string
    readonly name: string
    readonly role?: string | null
    readonly org?: string | null
  },
  ctx: EditContext,
): void {
  checkContext(ctx)
  requireObject(person, 'the person')
  const problems: string[] = []
  if (!isValidId(person.id)) problems.push(`id ${show(person.id)} is not a valid id`)
  if (typeof person.name !== 'string' || person.name.trim() === '' || person.name.length > MAX_TITLE_LENGTH) {
    problems.push(`name must be a non-empty string of at most ${MAX_TITLE_LENGTH} characters`)
  }
  for (const key of ['role', 'org'] as const) {
    const value = person[key]
    if (
      value !== undefined &&
      value !== null &&
      (typeof value !== 'string' || value.length > MAX_TITLE_LENGTH)
    ) {
      problems.push(`${key} must be a string or null`)
    }
  }
  refuse(problems)
  const maps = mapsOf(doc)
  const current = maps.people.get(person.id)
  const old = current === undefined ? null : readPerson(person.id, current)
  const base: PersonData = old?.ok === true ? old.value : { id: person.id, name: '', role: null, org: null }
  const next: PersonData = {
    ...base,
    name: person.name,
    role: person.role === undefined ? base.role : person.role,
    org: person.org === undefined ? base.org : person.org,
  }
  edit(doc, ctx, () => {
    let map = current
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>()
      maps.people.set(person.id, map)
    }
    writePersonFields(map as Y.Map<unknown>, next)
  })
}
