/** The board's snapshots, read for analysis, as React state (loaded when a tab that needs them opens). */
import { useEffect, useState } from 'react'
import { ApiFailure } from '../api/api.js'
import type { FeatureContext } from '../board/features.js'
import { loadSnapshot, snapshotList, type LoadedSnapshot } from './snapshots.js'

/** What the tabs get: the snapshots read so far (oldest first), and how loading went. */
export interface SnapshotBoards {
  readonly status: 'loading' | 'ready' | 'error'
  readonly snapshots: readonly LoadedSnapshot[]
  /** The server's message (or code) when loading failed. */
  readonly error: string | null
}

const LOADING: SnapshotBoards = { status: 'loading', snapshots: [], error: null }

/** Lists and reads the board's snapshots once per mount (each snapshot is fetched once per page). */
export function useSnapshotBoards(feature: FeatureContext): SnapshotBoards {
  const [state, setState] = useState<SnapshotBoards>(LOADING)
  useEffect(() => {
    const abort = new AbortController()
    const { boardId, token } = feature
    snapshotList(boardId, token, abort.signal)
      .then((list) => Promise.all(list.map((s) => loadSnapshot(boardId, token, s))))
      .then(
        (snapshots) => {
          if (!abort.signal.aborted) setState({ status: 'ready', snapshots, error: null })
        },
        (err: unknown) => {
          if (abort.signal.aborted) return
          const error = err instanceof ApiFailure ? err.message || err.code : String(err)
          setState({ status: 'error', snapshots: [], error })
        },
      )
    return () => abort.abort()
  }, [feature])
  return state
}
