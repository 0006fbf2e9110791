/**
 * Reading what people bring into a board: a circleboard JSON export (through `export/json.ts`) and tables
 * of actors, resources and value outcomes from a spreadsheet. The package entry re-exports from here.
 */
export { ok, err } from './result.js'
export type { Result } from './result.js'
export type { ImportError, ImportErrorCode } from './jsonFields.js'
export type { InvalidRecordMode } from './boardJson.js'
export { CSV_DELIMITERS, detectDelimiter, parseCsv } from './csvParse.js'
export type { CsvInputDelimiter, CsvRow, CsvTable, RowError } from './csvParse.js'
export { CSV_IMPORT_FIELDS, guessMapping, kindFromWord, typeFromWord, typeOfKind } from './csvMapping.js'
export type { CsvImportField, CsvMapping } from './csvMapping.js'
export { importElementsCsv, rowsToElements } from './csvImport.js'
export type { CsvImportOptions, CsvImportResult, ElementDraft } from './csvImport.js'
