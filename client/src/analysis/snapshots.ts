/**
 * The meetings' snapshots as the analysis reads them: the list (history's REST calls, which carry the
 * person's token), and each snapshot's board and vote records, read once per snapshot and kept (a
 * snapshot never changes). At most the `MAX_SERIES_SNAPSHOTS` newest are charted: a circle meets about
 * ten times, and the charts stay readable.
 */
import type * as Y from 'yjs'
import { readBoard, readVoteRecords, type BoardData, type VoteRecord } from '@circleboard/shared'
import { fetchSnapshotDoc, listSnapshots, type SnapshotSummary } from '../history/snapshotApi.js'

/** Snapshots charted at most (the newest). */
export const MAX_SERIES_SNAPSHOTS = 24

/** One snapshot, read. */
export interface LoadedSnapshot {
  readonly summary: SnapshotSummary
  readonly board: BoardData
  readonly votes: readonly VoteRecord[]
}

/** A board document's data and vote records (the live board's, or a snapshot's). */
export function readAnalysable(doc: Y.Doc): { board: BoardData; votes: VoteRecord[] } {
  return { board: readBoard(doc), votes: readVoteRecords(doc) }
}

const cache = new Map<string, Promise<LoadedSnapshot>>()

/** The board's snapshots, oldest first (at most the newest `MAX_SERIES_SNAPSHOTS`). */
export async function snapshotList(
  boardId: string,
  token: string,
  signal?: AbortSignal,
): Promise<SnapshotSummary[]> {
  const newestFirst = await listSnapshots(boardId, token, signal)
  return newestFirst.slice(0, MAX_SERIES_SNAPSHOTS).reverse()
}

/** One snapshot's board and votes (fetched once per browser session). */
export function loadSnapshot(
  boardId: string,
  token: string,
  summary: SnapshotSummary,
): Promise<LoadedSnapshot> {
  const key = `${boardId}/${summary.id}`
  let entry = cache.get(key)
  if (!entry) {
    entry = fetchSnapshotDoc(boardId, token, summary.id).then((doc) => {
      const read = readAnalysable(doc)
      doc.destroy()
      return { summary, ...read }
    })
    // A failure is not kept: the next look tries again.
    entry.catch(() => cache.delete(key))
    cache.set(key, entry)
  }
  return entry
}
