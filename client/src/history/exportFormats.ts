/**
 * The formats of the Export dialog (docs/export-formats.md), the export URL the server answers
 * (`GET /api/boards/:id/export?format=...[&snapshot=][&lang=][&paper=]`), and the file name a download gets
 * when the server does not name it. PNG is the one format made in the browser.
 */
import type { Language } from '@circleboard/shared'
import { fileBaseName } from './download.js'

/** Formats the dialog offers, in the order it lists them. */
export const EXPORT_CHOICES = ['json', 'csv', 'graphml', 'svg', 'pdf', 'png', 'md', 'zip'] as const
/** One of `EXPORT_CHOICES`. */
export type ExportChoice = (typeof EXPORT_CHOICES)[number]

/** Paper sizes of the PDF export (landscape). */
export const PAPERS = ['A4', 'A3'] as const
/** One of `PAPERS`. */
export type Paper = (typeof PAPERS)[number]

/** File name endings, as the server names its files (server `FORMAT_FILES`). */
export const FILE_SUFFIX: Readonly<Record<ExportChoice, string>> = {
  json: '.json',
  csv: '-csv.zip',
  graphml: '.graphml',
  svg: '.svg',
  pdf: '.pdf',
  png: '.png',
  md: '-minutes.md',
  zip: '-session.zip',
}

/** What to export, for the server's formats. */
export interface ServerExport {
  readonly format: Exclude<ExportChoice, 'png'>
  /** Snapshot id, or `null` for the board as it is now. */
  readonly snapshot: string | null
  readonly lang: Language
  readonly paper: Paper
}

/** The export URL (no token: it goes in the `Authorization` header). */
export function exportUrl(boardId: string, e: ServerExport): string {
  const q = new URLSearchParams({ format: e.format })
  if (e.snapshot !== null) q.set('snapshot', e.snapshot)
  q.set('lang', e.lang)
  if (e.format === 'pdf') q.set('paper', e.paper)
  return `/api/boards/${encodeURIComponent(boardId)}/export?${q.toString()}`
}

/** A download's file name: the board title, the snapshot's label when there is one, the format's ending. */
export function exportFileName(title: string, format: ExportChoice, snapshotLabel: string | null): string {
  const base = fileBaseName(snapshotLabel ? `${title} ${snapshotLabel}` : title)
  return `${base}${FILE_SUFFIX[format]}`
}

/** Human-readable size ("1.2 MB"), in the locale's digits. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`
}
