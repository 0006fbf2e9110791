/**
 * Writing CSV by RFC 4180: records end in CRLF, a field that holds the delimiter, a quote, CR or LF is
 * quoted, and quotes inside are doubled. The text starts with a UTF-8 byte order mark, which is how Excel
 * knows the file is UTF-8 (without it, Excel on Windows shows "Ã¥" for "å").
 *
 * Formula injection (OWASP "CSV injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-` or
 * `@` as a formula, and Excel also treats a leading tab or CR that way. Board labels are typed by anyone
 * with an edit link, so a text cell that starts with one of those gets a leading apostrophe, which
 * spreadsheets show as text and hide. Numbers that we write ourselves are not text cells and are never
 * prefixed (a negative coordinate stays a number).
 */

/** The byte order mark that makes Excel read UTF-8. */
export const CSV_BOM = '\uFEFF'

/** Delimiters a CSV export may use: RFC 4180's comma, or the semicolon that Swedish Excel expects. */
export type CsvDelimiter = ',' | ';'

/** How to write CSV. */
export interface CsvOptions {
  /** `,` (default, RFC 4180) or `;` (opens in columns on a double-click in Swedish Excel). */
  readonly delimiter?: CsvDelimiter
  /** Prefix text cells that a spreadsheet would run as a formula with `'` (default true). */
  readonly guardFormulas?: boolean
}

/** A cell: text (guarded against formulas), a number written as it is, or empty. */
export type CsvCell = string | number | null

const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell as a spreadsheet will show it, with a leading `'` when it would otherwise run as a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(cell: CsvCell, options: CsvOptions = {}): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : ''
  const text = options.guardFormulas === false ? cell : guardFormula(cell)
  const delimiter = options.delimiter ?? ','
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A whole CSV document: BOM, header, records, every record ended by CRLF. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ','
  const line = (cells: readonly CsvCell[]): string => cells.map((c) => csvField(c, options)).join(delimiter)
  // Header names are ours and never start with a formula character; they go through the same quoting.
  return CSV_BOM + [header, ...rows].map((r) => line(r) + '\r\n').join('')
}

/** A Unix ms time as ISO 8601 (UTC), or null when unknown or out of the Date range. */
export function isoTimestamp(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null
  return new Date(ms).toISOString()
}
