/**
 * Running one export from the dialog: a server format is downloaded with progress and saved under the
 * server's file name; a PNG is drawn here from the board (now, or a snapshot) and saved. Plain functions,
 * so the dialog only draws and keeps state.
 */
import { DocName, readBoard, type Box, type Language } from '@circleboard/shared'
import type { BoardModel } from '../board/BoardModel.js'
import { download, saveBlob, type DownloadProgress } from './download.js'
import { exportFileName, exportUrl, type ExportChoice, type Paper } from './exportFormats.js'
import { preparePng, renderPng } from './pngExport.js'
import { fetchSnapshotDoc, type SnapshotSummary } from './snapshotApi.js'

/** Everything the dialog chose. */
export interface ExportChoices {
  readonly format: ExportChoice
  readonly snapshot: SnapshotSummary | null
  readonly lang: Language
  readonly paper: Paper
  readonly pngScale: number
  readonly pngArea: 'board' | 'view'
  readonly pngLegend: boolean
}

/** Where the export runs. */
export interface ExportTarget {
  readonly boardId: string
  readonly token: string
  readonly model: BoardModel
}

/** How an export ended. */
export type ExportResult =
  | { readonly kind: 'saved'; readonly filename: string; readonly bytes: number }
  | {
      readonly kind: 'png'
      readonly filename: string
      readonly width: number
      readonly height: number
      readonly capped: boolean
      readonly scale: number
    }
  | { readonly kind: 'empty' }

function boardTitle(model: BoardModel): string {
  const title = model.doc.getMap<unknown>(DocName.meta).get('title')
  return typeof title === 'string' ? title : ''
}

/** Runs the chosen export; rejects with an `AbortError` when `signal` aborts. */
export async function runExport(
  target: ExportTarget,
  choices: ExportChoices,
  signal: AbortSignal,
  onProgress: (p: DownloadProgress) => void,
): Promise<ExportResult> {
  const title = boardTitle(target.model)
  const fallback = exportFileName(title, choices.format, choices.snapshot?.label ?? null)
  if (choices.format !== 'png') {
    const url = exportUrl(target.boardId, {
      format: choices.format,
      snapshot: choices.snapshot?.id ?? null,
      lang: choices.lang,
      paper: choices.paper,
    })
    const got = await download(url, { token: target.token, signal, onProgress })
    const filename = got.filename ?? fallback
    saveBlob(got.blob, filename)
    return { kind: 'saved', filename, bytes: got.blob.size }
  }
  let board
  if (choices.snapshot === null) board = readBoard(target.model.doc)
  else {
    const doc = await fetchSnapshotDoc(target.boardId, target.token, choices.snapshot.id, signal)
    try {
      board = readBoard(doc)
    } finally {
      doc.destroy()
    }
  }
  // The current view is the same board area, whichever board is drawn in it.
  const area: 'board' | Box = choices.pngArea === 'board' ? 'board' : target.model.camera.viewBox()
  const prepared = preparePng({
    board,
    lang: choices.lang,
    area,
    scale: choices.pngScale,
    legend: choices.pngLegend,
  })
  if (prepared === null) return { kind: 'empty' }
  signal.throwIfAborted()
  const blob = await renderPng(prepared)
  signal.throwIfAborted()
  saveBlob(blob, fallback)
  const { width, height, capped, scale } = prepared.plan
  return { kind: 'png', filename: fallback, width, height, capped, scale }
}
