/**
 * The facts both drawn exports print about a board (the SVG's title block, the PDF's header): its title,
 * its size, its latest meeting and how many records could not be drawn.
 */
import type { BoardData, MeetingData } from '../model/types.js'
import type { Language } from '../i18n/terms.js'
import { DRAW_TERMS } from './drawTerms.js'

/** The meeting with the highest number, or `null` for a board without meetings. */
export function latestMeeting(board: BoardData): MeetingData | null {
  return board.meetings.reduce<MeetingData | null>(
    (a, m) => (a === null || m.number > a.number ? m : a),
    null,
  )
}

/** The board's title, or "Untitled board" in `lang`. */
export function boardTitle(board: BoardData, lang: Language): string {
  return board.meta.title.trim() === '' ? DRAW_TERMS[lang].untitled : board.meta.title
}

/** "Meeting 3: Joint resources and mandates (2021-11-23)". */
export function meetingLine(
  lang: Language,
  meeting: { number: number; title: string; date: string },
): string {
  const title = meeting.title.trim() === '' ? '' : `: ${meeting.title}`
  const date = meeting.date.trim() === '' ? '' : ` (${meeting.date})`
  return `${DRAW_TERMS[lang].meeting} ${meeting.number}${title}${date}`
}

/** "48 elements · 45 links" and, when there are any, "· 2 invalid records not drawn". */
export function countsLine(lang: Language, elements: number, links: number, invalid: number): string {
  const t = DRAW_TERMS[lang]
  const parts = [`${elements} ${t.elementCount}`, `${links} ${t.linkCount}`]
  if (invalid > 0) parts.push(`${invalid} ${t.invalidNotDrawn}`)
  return parts.join(' · ')
}
