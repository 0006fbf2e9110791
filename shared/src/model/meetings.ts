/**
 * Meetings: the sessions of the circle (about ten over two years). Yjs layout (a `Y.Map` in the top-level
 * `meetings` map, keyed by meeting id):
 *
 * | field | stored as | why |
 * | --- | --- | --- |
 * | `number` | positive integer | what elements' `meeting` provenance refers to; 1, 2, 3 ... |
 * | `title` | string | plain, not `Y.Text`: the facilitator sets it, nobody co-types it |
 * | `date` | string `YYYY-MM-DD` or `''` | the calendar day, independent of time zones |
 * | `agenda` | string[] | items, replaced whole |
 * | `attendees` | string[] | display names or pseudonyms, for the minutes |
 * | `startedAt`, `endedAt` | number or null | Unix ms; a meeting is running while started and not ended |
 */
import * as Y from 'yjs'
import type { MeetingData } from './types.js'
import type { ReadResult } from './errors.js'
import {
  describe,
  extraFields,
  extraProblems,
  rawOfMap,
  readNullableNumber,
  readString,
  readStringArray,
  setIfChanged,
  type Raw,
} from './fields.js'

/** The meeting fields this version knows. */
export const MEETING_FIELDS: ReadonlySet<string> = new Set([
  'number',
  'title',
  'date',
  'agenda',
  'attendees',
  'startedAt',
  'endedAt',
])

/** A calendar date as meetings store it. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** Validates one stored meeting. */
export function parseMeeting(id: string, raw: Raw): ReadResult<MeetingData> {
  const problems: string[] = []
  const number = raw.get('number')
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    problems.push(
      `number is ${typeof number === 'number' ? String(number) : describe(number)}, not a positive integer`,
    )
  }
  const title = readString(raw, 'title', problems, '')
  const date = readString(raw, 'date', problems, '')
  if (date !== '' && !DATE_PATTERN.test(date)) problems.push(`date '${date.slice(0, 40)}' is not YYYY-MM-DD`)
  const agenda = readStringArray(raw, 'agenda', problems)
  const attendees = readStringArray(raw, 'attendees', problems)
  const startedAt = readNullableNumber(raw, 'startedAt', problems)
  const endedAt = readNullableNumber(raw, 'endedAt', problems)
  if (endedAt !== null && startedAt === null) problems.push('ended but never started')
  if (problems.length > 0) return { ok: false, invalid: { collection: 'meetings', id, problems } }
  return {
    ok: true,
    value: {
      id,
      number: number as number,
      title,
      date,
      agenda,
      attendees,
      startedAt,
      endedAt,
      extra: extraFields(raw, MEETING_FIELDS),
    },
  }
}

/** Validates one entry of the `meetings` map. Never throws. */
export function readMeeting(id: string, value: unknown): ReadResult<MeetingData> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      invalid: { collection: 'meetings', id, problems: [`is ${describe(value)}, not a Y.Map`] },
    }
  }
  return parseMeeting(id, rawOfMap(value as Y.Map<unknown>))
}

/** Problems with plain meeting data that is to be written. */
export function meetingDataProblems(meeting: MeetingData): string[] {
  const raw = new Map<string, unknown>()
  for (const key of MEETING_FIELDS) raw.set(key, (meeting as unknown as Record<string, unknown>)[key])
  const result = parseMeeting(String(meeting.id), raw)
  const problems = result.ok ? [] : [...result.invalid.problems]
  for (const key of MEETING_FIELDS) {
    if ((meeting as unknown as Record<string, unknown>)[key] === undefined) problems.push(`${key} is missing`)
  }
  problems.push(...extraProblems(meeting.extra, MEETING_FIELDS))
  return problems
}

/** Writes `meeting`'s fields into `map`, touching only what differs. */
export function writeMeetingFields(map: Y.Map<unknown>, meeting: MeetingData): void {
  for (const key of [...map.keys()]) {
    if (!MEETING_FIELDS.has(key) && !Object.hasOwn(meeting.extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(meeting.extra)) setIfChanged(map, key, value)
  setIfChanged(map, 'number', meeting.number)
  setIfChanged(map, 'title', meeting.title)
  setIfChanged(map, 'date', meeting.date)
  setIfChanged(map, 'agenda', [...meeting.agenda])
  setIfChanged(map, 'attendees', [...meeting.attendees])
  setIfChanged(map, 'startedAt', meeting.startedAt)
  setIfChanged(map, 'endedAt', meeting.endedAt)
}

/** The meeting running now (started, not ended), if any; the latest started one when several are. */
export function runningMeeting(meetings: readonly MeetingData[]): MeetingData | null {
  let running: MeetingData | null = null
  for (const m of meetings) {
    if (
      m.startedAt !== null &&
      m.endedAt === null &&
      (running === null || m.startedAt > (running.startedAt ?? 0))
    ) {
      running = m
    }
  }
  return running
}

/** The calendar date (UTC) of a Unix ms time, as `YYYY-MM-DD`. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
