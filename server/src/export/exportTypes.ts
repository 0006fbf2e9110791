/**
 * The formats of `GET /api/boards/:id/export` (server/SPEC.md H5) and the messages between the server's
 * event loop and the export worker thread (ExportRunner.ts, exportWorker.ts). Exports and imports run in
 * the worker: a 3,000-element board takes seconds to draw as a PDF, and the websocket rooms of every other
 * board are served from the event loop meanwhile.
 */
import type { ImportError, Language, SnapshotInfo } from '@circleboard/shared'

/** Export formats, as the `format` query parameter names them. */
export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'svg', 'pdf', 'md', 'zip'] as const
/** One of `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** True for a known format name. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)
}

/** Content type and file name ending of each format. */
export const FORMAT_FILES: Readonly<
  Record<ExportFormat, { readonly type: string; readonly suffix: string }>
> = {
  json: { type: 'application/json; charset=utf-8', suffix: '.json' },
  csv: { type: 'application/zip', suffix: '-csv.zip' },
  graphml: { type: 'application/graphml+xml; charset=utf-8', suffix: '.graphml' },
  svg: { type: 'image/svg+xml; charset=utf-8', suffix: '.svg' },
  pdf: { type: 'application/pdf', suffix: '.pdf' },
  md: { type: 'text/markdown; charset=utf-8', suffix: '-minutes.md' },
  zip: { type: 'application/zip', suffix: '-session.zip' },
}

/** A board document as stored: apply `state` (if any), then `updates`. */
export interface StoredBoard {
  readonly state: Uint8Array | null
  readonly updates: readonly Uint8Array[]
}

/** One export, as the worker gets it. */
export interface ExportRequest {
  readonly format: ExportFormat
  readonly board: StoredBoard
  readonly lang: Language
  readonly paper: 'A4' | 'A3'
  /** The snapshot exported, or `null` for the board as it is now. */
  readonly snapshot: SnapshotInfo | null
  /** Unix ms: one time for every file of the export. */
  readonly generatedAt: number
  /**
   * Replace people by pseudonyms when the board is pseudonymous (every download); `false` for the
   * app's own view of a snapshot, which shows what the live board shows.
   */
  readonly pseudonymise: boolean
}

/** One import, as the worker gets it. */
export interface ImportRequest {
  /** `new`: a new board's first update; `merge`: an update that adds the file's records to `current`. */
  readonly mode: 'new' | 'merge'
  /** The `circleboard-board` JSON text. */
  readonly text: string
  /** Merge: the board as stored now. */
  readonly current: StoredBoard | null
  /** New: the board's title (the file's when omitted), and its creation time (ISO 8601). */
  readonly title: string | null
  readonly createdAt: string
}

/** What an import made: one Yjs update, and what it holds. */
export interface ImportDone {
  readonly ok: true
  readonly update: Uint8Array
  readonly title: string
  readonly template: string | null
  readonly elements: number
  readonly links: number
  readonly comments: number
  /** Records that got new ids because theirs were taken on the board (merge). */
  readonly renamed: number
  /** Identity numbers taken out of the file's texts (server/SPEC.md P2). */
  readonly removedIdentityNumbers: number
}

/** An import the file's problems refused; `errors` holds the first 50 of `total`. */
export interface ImportRefused {
  readonly ok: false
  readonly errors: readonly ImportError[]
  readonly total: number
}

/** From the event loop to the worker. */
export type ToWorker =
  | { readonly kind: 'export'; readonly id: number; readonly request: ExportRequest }
  | { readonly kind: 'previous'; readonly id: number; readonly state: Uint8Array | null }
  | { readonly kind: 'import'; readonly id: number; readonly request: ImportRequest }

/** From the worker to the event loop. */
export type FromWorker =
  | { readonly kind: 'need-previous'; readonly id: number; readonly meeting: number }
  | { readonly kind: 'chunk'; readonly id: number; readonly data: Uint8Array; readonly final: boolean }
  | { readonly kind: 'imported'; readonly id: number; readonly result: ImportDone | ImportRefused }
  | { readonly kind: 'error'; readonly id: number; readonly message: string }
