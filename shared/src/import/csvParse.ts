/**
 * Reading CSV as people's spreadsheets write it (RFC 4180 and what Excel does around it): fields in
 * double quotes may hold the delimiter, line breaks and doubled quotes; a UTF-8 byte order mark is
 * dropped; the delimiter is detected, because Swedish Excel writes `;` (the comma is the decimal sign
 * there) while most other tools write `,`, and tab-separated text comes from copy-paste.
 *
 * Rows are numbered as a spreadsheet shows them: the header is row 1 and a field with line breaks does
 * not add rows, so an error "row 7" points at the row a person sees. Blank rows are skipped but counted.
 */
import { err, ok, type Result } from './result.js'

/** Delimiters that are detected. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const
/** A delimiter the parser reads. */
export type CsvInputDelimiter = (typeof CSV_DELIMITERS)[number]

/** One data row and its number in the spreadsheet (the header is row 1). */
export interface CsvRow {
  readonly row: number
  readonly cells: readonly string[]
}

/** A parsed CSV table. */
export interface CsvTable {
  readonly delimiter: CsvInputDelimiter
  readonly headers: readonly string[]
  readonly rows: readonly CsvRow[]
}

/** A problem with one row (or the whole file, as row 0) of an imported table. */
export interface RowError {
  readonly row: number
  /** The header of the column at fault, when it is one column. */
  readonly column?: string
  readonly message: string
}

/** Records of `text` with `delimiter`, or the row where a quoted field never ends. */
function records(
  text: string,
  delimiter: string,
  limit = Infinity,
): { records: string[][]; unclosed: number | null } {
  const out: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let inQuotes = false
  let quoteRow = 0
  let i = 0
  const endField = (): void => {
    fields.push(field)
    field = ''
    quoted = false
  }
  while (i < text.length && out.length < limit) {
    const c = text[i] as string
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') inQuotes = false
      else field += c
      i++
      continue
    }
    if (c === '"' && field === '' && !quoted) {
      inQuotes = true
      quoted = true
      quoteRow = out.length + 1
    } else if (c === delimiter) {
      endField()
    } else if (c === '\r' || c === '\n') {
      endField()
      out.push(fields)
      fields = []
      if (c === '\r' && text[i + 1] === '\n') i++
    } else {
      // A quote inside an unquoted field, or text after a closing quote, is kept as written (Excel does).
      field += c
    }
    i++
  }
  if (inQuotes) return { records: out, unclosed: quoteRow }
  if (out.length < limit && (field !== '' || fields.length > 0 || quoted)) {
    endField()
    out.push(fields)
  }
  return { records: out, unclosed: null }
}

/**
 * The delimiter of `text`: the candidate that splits the header into the most columns, among those that
 * split the first rows into as many columns as the header (a `;` inside a quoted title does not count).
 */
export function detectDelimiter(text: string): CsvInputDelimiter {
  let best: CsvInputDelimiter = ','
  let bestScore = -1
  for (const d of CSV_DELIMITERS) {
    const sample = records(text, d, 20).records.filter((r) => r.some((f) => f !== ''))
    const width = sample[0]?.length ?? 0
    if (width < 2) continue
    const consistent = sample.filter((r) => r.length === width).length
    const score = consistent * 1000 + width
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/** Parses CSV text; the first non-blank row is the header. Fails only on a quoted field that never ends. */
export function parseCsv(
  text: string,
  options: { delimiter?: CsvInputDelimiter } = {},
): Result<CsvTable, RowError[]> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const delimiter = options.delimiter ?? detectDelimiter(body)
  const { records: all, unclosed } = records(body, delimiter)
  if (unclosed !== null) {
    return err([{ row: unclosed, message: 'a quoted field is never closed: a " is missing' }])
  }
  const blank = (r: readonly string[]): boolean => r.every((f) => f.trim() === '')
  const first = all.findIndex((r) => !blank(r))
  if (first === -1) return ok({ delimiter, headers: [], rows: [] })
  const headers = (all[first] as string[]).map((h) => h.trim())
  const rows: CsvRow[] = []
  all.forEach((cells, i) => {
    if (i > first && !blank(cells)) rows.push({ row: i + 1, cells })
  })
  return ok({ delimiter, headers, rows })
}
