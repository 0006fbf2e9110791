/**
 * Meetings of the circle, as the meeting list and the start/end forms use them. A meeting lives in two
 * places on purpose: its record (number, title, date, agenda, attendees, start and end) in the board
 * document, where the minutes and exports find it, and the fact that it is running in the control
 * document (`session.meeting`), which only facilitators can change and which the server watches to take
 * the end-of-meeting snapshot (server/SPEC.md H3). Starting writes both, ending clears both.
 */
import type * as Y from 'yjs'
import {
  DocName,
  endMeeting,
  readMeeting,
  runningMeeting,
  setAgenda,
  setCurrentMeeting,
  startMeeting,
  updateMeeting,
  type EditContext,
  type ElementData,
  type LinkData,
  type MeetingData,
} from '@circleboard/shared'

/** Every valid meeting of a board, by number. */
export function readMeetings(doc: Y.Doc): MeetingData[] {
  const out: MeetingData[] = []
  for (const [id, value] of doc.getMap<unknown>(DocName.meetings).entries()) {
    const result = readMeeting(id, value)
    if (result.ok) out.push(result.value)
  }
  return out.sort((a, b) => a.number - b.number)
}

/** The meeting running in the board document, if any. */
export function runningOf(doc: Y.Doc): MeetingData | null {
  return runningMeeting(readMeetings(doc))
}

/** What happened on the board in one meeting. */
export interface MeetingActivity {
  readonly meeting: MeetingData
  /** Elements added in it (their `meeting` provenance), oldest first. */
  readonly added: readonly ElementData[]
  /** Links added in it. */
  readonly linksAdded: number
  /** Elements added earlier and changed in it. */
  readonly changed: number
}

/** Each meeting with what was added in it, by number. */
export function meetingActivity(
  meetings: readonly MeetingData[],
  elements: readonly ElementData[],
  links: readonly LinkData[],
): MeetingActivity[] {
  return meetings.map((meeting) => {
    const n = meeting.number
    return {
      meeting,
      added: elements
        .filter((e) => e.meeting === n)
        .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : 1)),
      linksAdded: links.filter((l) => l.meeting === n).length,
      changed: elements.filter((e) => e.meeting !== n && e.updatedMeeting === n).length,
    }
  })
}

/** One name per line, trimmed, empty lines and repeats dropped. */
export function parseLines(text: string, max = 200): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim().slice(0, 200)
    const key = line.toLocaleLowerCase()
    if (!line || seen.has(key)) continue
    seen.add(key)
    out.push(line)
    if (out.length >= max) break
  }
  return out
}

/** `a` followed by the names of `b` it lacks (case-insensitive). */
export function mergeNames(a: readonly string[], b: readonly string[]): string[] {
  return parseLines([...a, ...b].join('\n'))
}

/** What the start form gives. */
export interface MeetingForm {
  readonly title: string
  /** `YYYY-MM-DD` or `''` (today). */
  readonly date: string
  readonly agenda: readonly string[]
  readonly attendees: readonly string[]
}

/**
 * Starts a meeting: a new record in the board document (number one above the highest), its fields, the
 * agenda for the banner, and the running meeting in the control document. Throws the model's error when
 * a meeting is already running.
 */
export function beginMeeting(
  boardDoc: Y.Doc,
  controlDoc: Y.Doc,
  form: MeetingForm,
  ctx: EditContext,
  serverNow: number,
  controlOrigin: unknown,
): { id: string; number: number } {
  const started = startMeeting(boardDoc, null, ctx)
  updateMeeting(
    boardDoc,
    started.id,
    {
      title: form.title.trim(),
      ...(form.date ? { date: form.date } : {}),
      agenda: [...form.agenda],
      attendees: [...form.attendees],
    },
    ctx,
  )
  controlDoc.transact(() => {
    setCurrentMeeting(controlDoc, { ...started, startedAt: serverNow }, controlOrigin)
    if (form.agenda.length > 0) setAgenda(controlDoc, form.agenda, controlOrigin)
  }, controlOrigin)
  return started
}

/**
 * Ends the running meeting: final attendees, the end time, and clears the control document's running
 * meeting (the server then stores the end-of-meeting snapshot). A control document that names no
 * meeting, or another, is cleared all the same: what runs is what the board document says.
 */
export function finishMeeting(
  boardDoc: Y.Doc,
  controlDoc: Y.Doc,
  meetingId: string,
  attendees: readonly string[],
  ctx: EditContext,
  controlOrigin: unknown,
): void {
  updateMeeting(boardDoc, meetingId, { attendees: [...attendees] }, ctx)
  endMeeting(boardDoc, meetingId, ctx)
  setCurrentMeeting(controlDoc, null, controlOrigin)
}
