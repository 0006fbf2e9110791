/**
 * Participation as CSV for the session package: RFC 4180 (CRLF line ends, a field quoted when it holds a
 * comma, a quote, CR or LF, quotes doubled), UTF-8 with a byte-order mark first so that Excel opens the
 * Swedish letters correctly. One row per meeting x grouping x group, then the same for `all` meetings.
 */
import { participation } from './participation.js'
import type { ParticipationGroup, ParticipationOptions, ParticipationSlice } from './participation.js'
import type { BoardData } from '../model/types.js'

/** The header row, in order. */
export const PARTICIPATION_CSV_COLUMNS = [
  'meeting',
  'group_by',
  'group',
  'elements_created',
  'links_created',
  'changes',
  'label_edits',
  'votes',
] as const

/** `meeting` column values for work outside meetings and for the overall rows. */
export const CSV_OUTSIDE_MEETINGS = 'outside'
export const CSV_ALL_MEETINGS = 'all'

const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * One CSV field. Text that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or CR:
 * group labels are free text that participants typed) gets a leading apostrophe, the usual defence
 * against CSV injection; numbers are written as they are.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Participation of `board` as CSV text (see the module comment). */
export function participationCsv(board: BoardData, options: ParticipationOptions = {}): string {
  const result = participation(board, options)
  const rows: string[] = [PARTICIPATION_CSV_COLUMNS.join(',')]
  const addSlice = (meeting: string, slice: ParticipationSlice): void => {
    const groupings: [string, readonly ParticipationGroup[] | undefined][] = [
      ['role', slice.byRole],
      ['organisation', slice.byOrganisation],
      ['person', slice.byPerson],
    ]
    for (const [groupBy, groups] of groupings) {
      for (const g of groups ?? []) {
        const cells = [
          meeting,
          groupBy,
          g.label,
          g.elementsCreated,
          g.linksCreated,
          g.changes,
          g.labelEdits,
          g.votes,
        ]
        rows.push(cells.map(csvField).join(','))
      }
    }
  }
  for (const m of result.meetings) addSlice(m.meeting === null ? CSV_OUTSIDE_MEETINGS : String(m.meeting), m)
  addSlice(CSV_ALL_MEETINGS, result.overall)
  return BOM + rows.join(CRLF) + CRLF
}
