/**
 * The column mapping step of a CSV import: which field each column of the person's table holds, guessed
 * from the headers (shared `guessMapping`) and editable per column, and what importing with that mapping
 * would give (elements and row errors), recomputed as the person changes it. A field is held by one
 * column at most: giving it to a column takes it from the column that had it.
 */
import {
  CSV_IMPORT_FIELDS,
  guessMapping,
  parseCsv,
  rowsToElements,
  type CsvImportField,
  type CsvImportOptions,
  type CsvImportResult,
  type CsvMapping,
  type CsvTable,
  type RowError,
} from '@circleboard/shared'

/** The mapping step's state. */
export interface MappingState {
  readonly table: CsvTable
  /** For each column, the field it holds, or `null` (ignored). */
  readonly columns: readonly (CsvImportField | null)[]
}

/** Rows the preview shows. */
export const PREVIEW_ROWS = 5

/** Parses a file's text into the first state of the mapping step, or the error that stops the whole file. */
export function startMapping(
  text: string,
): { readonly ok: true; readonly state: MappingState } | { readonly ok: false; readonly errors: RowError[] } {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { ok: false, errors: parsed.error }
  if (parsed.value.headers.length === 0) return { ok: false, errors: [{ row: 1, message: 'empty' }] }
  return { ok: true, state: initialMapping(parsed.value) }
}

/** The state with the guessed mapping. */
export function initialMapping(table: CsvTable): MappingState {
  const guess = guessMapping(table.headers)
  const columns: (CsvImportField | null)[] = table.headers.map(() => null)
  for (const field of CSV_IMPORT_FIELDS) {
    const index = guess[field]
    if (index !== undefined && index < columns.length) columns[index] = field
  }
  return { table, columns }
}

/** Column `column` now holds `field` (or nothing); another column holding `field` lets go of it. */
export function assignColumn(
  state: MappingState,
  column: number,
  field: CsvImportField | null,
): MappingState {
  if (column < 0 || column >= state.columns.length) return state
  const columns = state.columns.map((f, i) => {
    if (i === column) return field
    return field !== null && f === field ? null : f
  })
  return { ...state, columns }
}

/** The mapping in shared's form (field -> column index). */
export function toCsvMapping(state: MappingState): CsvMapping {
  const mapping: CsvMapping = {}
  state.columns.forEach((field, index) => {
    if (field !== null) mapping[field] = index
  })
  return mapping
}

/** True when a column holds the labels (without one, nothing can be imported). */
export function hasLabelColumn(state: MappingState): boolean {
  return state.columns.includes('label')
}

/** What importing with the current mapping gives; no elements (and no row errors) without a label column. */
export function previewImport(state: MappingState, options: CsvImportOptions): CsvImportResult {
  if (!hasLabelColumn(state)) return { elements: [], created: [], errors: [] }
  return rowsToElements(state.table.rows, toCsvMapping(state), options, state.table.headers)
}

/** The first rows of the table, for the preview under the mapping. */
export function previewRows(state: MappingState): readonly (readonly string[])[] {
  return state.table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells)
}
