/**
 * Participation as CSV for the session package, written by the package's one CSV writer
 * (`export/csvFormat.ts`): RFC 4180 (CRLF after every record, a field quoted when it holds the delimiter,
 * a quote, CR or LF, quotes doubled), UTF-8 with a byte order mark first so that Excel reads the Swedish
 * letters, and group labels (free text people typed) guarded against formula injection. One row per
 * meeting x grouping x group, meetings in order, work outside meetings next, then the overall rows.
 */
import type { BoardData } from '../model/types.js'
import { csvDocument } from '../export/csvFormat.js'
import type { CsvCell, CsvDelimiter } from '../export/csvFormat.js'
import { participation } from './participation.js'
import type { ParticipationGroup, ParticipationOptions, ParticipationSlice } from './participation.js'

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

/** `meeting` column value of the rows for work done outside meetings. */
export const CSV_OUTSIDE_MEETINGS = 'outside'
/** `meeting` column value of the overall rows (all meetings and outside them). */
export const CSV_ALL_MEETINGS = 'all'

/** Options of `participationCsv`: those of `participation`, and the delimiter (default `,`). */
export interface ParticipationCsvOptions extends ParticipationOptions {
  /** `;` opens in columns in Swedish Excel, like the board's other CSV exports allow. */
  readonly delimiter?: CsvDelimiter
}

/** Participation of `board` as CSV text (see the module comment). */
export function participationCsv(board: BoardData, options: ParticipationCsvOptions = {}): string {
  const result = participation(board, options)
  const rows: CsvCell[][] = []
  const addSlice = (meeting: string, slice: ParticipationSlice): void => {
    const groupings: [string, readonly ParticipationGroup[] | undefined][] = [
      ['role', slice.byRole],
      ['organisation', slice.byOrganisation],
      ['person', slice.byPerson],
    ]
    for (const [groupBy, groups] of groupings) {
      for (const g of groups ?? []) {
        rows.push([
          meeting,
          groupBy,
          g.label,
          g.elementsCreated,
          g.linksCreated,
          g.changes,
          g.labelEdits,
          g.votes,
        ])
      }
    }
  }
  for (const m of result.meetings) addSlice(m.meeting === null ? CSV_OUTSIDE_MEETINGS : String(m.meeting), m)
  addSlice(CSV_ALL_MEETINGS, result.overall)
  return csvDocument(PARTICIPATION_CSV_COLUMNS, rows, { delimiter: options.delimiter ?? ',' })
}
