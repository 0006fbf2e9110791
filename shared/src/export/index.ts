/**
 * Exports of a board (docs/export-formats.md): versioned JSON, CSV tables, GraphML, Markdown minutes,
 * SVG, PDF, and the session package that bundles them. The package entry (`src/index.ts`) re-exports from here.
 */
export {
  BOARD_JSON_FORMAT,
  BOARD_JSON_VERSION,
  exportBoardJson,
  importBoardJson,
  importBoardJsonFile,
} from './json.js'
export type { SnapshotInfo, BoardJsonExtras, BoardJsonFile, BoardJsonImportOptions } from './json.js'
export {
  ELEMENT_CSV_COLUMNS,
  LINK_CSV_COLUMNS,
  TAG_SEPARATOR,
  UNDIRECTED_LINK_KINDS,
  elementsCsv,
  linksCsv,
  exportCsvZip,
} from './csv.js'
export { CSV_BOM, guardFormula } from './csvFormat.js'
export type { CsvDelimiter, CsvOptions } from './csvFormat.js'
export { GRAPHML_KEYS, exportGraphml } from './graphml.js'
export type { GraphmlKey, GraphmlOptions, GraphmlType } from './graphml.js'
export { escapeMarkdown, exportMinutes, rankVotes } from './markdown.js'
export type { MinutesInput, RankedVote, VoteRound } from './markdown.js'
export {
  SESSION_PACKAGE_FILES,
  ZIP_README,
  exportSessionPackage,
  streamSessionPackage,
  sessionReadme,
} from './sessionPackage.js'
export type { SessionFiles, SessionPackageInput } from './sessionPackage.js'
export type { ZipChunkHandler, ZipWriteOptions } from './zipFiles.js'
export { PAPER_SIZES, exportPdf } from './pdf.js'
export type { PdfExportOptions, PdfMeeting } from './pdf.js'
export { exportSvg } from './svg.js'
export type { SvgExportOptions, SvgHighlight } from './svg.js'
