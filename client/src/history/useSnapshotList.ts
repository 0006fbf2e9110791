/**
 * The board's snapshot list, kept current while someone looks at it: loaded when shown, again after a
 * snapshot is saved here, shortly after a meeting of the board ends (the server takes its automatic
 * snapshot then), and every `POLL_MS` for snapshots others take.
 */
import { useCallback, useEffect, useState } from 'react'
import { DocName } from '@circleboard/shared'
import type { FeatureContext } from '../board/features.js'
import { listSnapshots, type SnapshotSummary } from './snapshotApi.js'

/** How often an open list asks the server again (ms). */
export const POLL_MS = 30_000
/** Delays after a meeting ends before asking again: the server's snapshot takes a moment (ms). */
export const AFTER_MEETING_MS = [800, 3_000] as const

/** The list as the panel shows it. */
export interface SnapshotList {
  /** `null` until the first answer. */
  readonly snapshots: readonly SnapshotSummary[] | null
  readonly error: string | null
  /** True while an answer for the latest request is awaited. */
  readonly loading: boolean
  /** Asks the server again now. */
  readonly refresh: () => void
}

/** The snapshots of the feature's board; `revision` changes when the caller knows the list changed. */
export function useSnapshotList(feature: FeatureContext, revision: number): SnapshotList {
  const { boardId, token, conn } = feature
  const [tick, setTick] = useState(0)
  const [answer, setAnswer] = useState<{
    key: string
    snapshots: readonly SnapshotSummary[] | null
    error: string | null
  }>({ key: '', snapshots: null, error: null })
  const key = `${revision}:${tick}`
  const refresh = useCallback(() => setTick((n) => n + 1), [])

  useEffect(() => {
    const abort = new AbortController()
    listSnapshots(boardId, token, abort.signal).then(
      (snapshots) => setAnswer({ key, snapshots, error: null }),
      (err: unknown) => {
        if (abort.signal.aborted) return
        // Keep what was shown; say why it may be out of date.
        setAnswer((prev) => ({
          key,
          snapshots: prev.snapshots,
          error: err instanceof Error ? err.message : String(err),
        }))
      },
    )
    return () => abort.abort()
  }, [boardId, token, key])

  useEffect(() => {
    const timer = setInterval(refresh, POLL_MS)
    const meetings = conn.doc.getMap<unknown>(DocName.meetings)
    const timers: ReturnType<typeof setTimeout>[] = []
    const onMeetings = (): void => {
      for (const ms of AFTER_MEETING_MS) timers.push(setTimeout(refresh, ms))
    }
    meetings.observeDeep(onMeetings)
    return () => {
      clearInterval(timer)
      for (const t of timers) clearTimeout(t)
      meetings.unobserveDeep(onMeetings)
    }
  }, [conn, refresh])

  return { snapshots: answer.snapshots, error: answer.error, loading: answer.key !== key, refresh }
}
