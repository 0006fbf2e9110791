/**
 * Loads what the canvas shows for a history view: a snapshot's document, or for a comparison the two
 * boards, their merged board (in a document of its own, which the ordinary canvas draws) and the diff.
 * A comparison with the board as it is now follows the live board: a change recomputes it (after a short
 * pause, so a drag does not recompute it on every move), and the merged document is brought up to date with
 * `replaceBoard`, so the canvas redraws only what changed and keeps its camera.
 *
 * The owner mounts one instance per view (keyed by it), so the state starts at `loading` for each.
 */
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { Origin, readBoard, replaceBoard, writeBoard, type BoardData } from '@circleboard/shared'
import type { FeatureContext } from '../board/features.js'
import { compareScene, type CompareScene } from './compareModel.js'
import type { CompareSide, HistoryView } from './HistoryStore.js'
import { fetchSnapshotDoc } from './snapshotApi.js'

/** What the view has loaded. */
export type ViewData =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'snapshot'; readonly doc: Y.Doc }
  | {
      readonly status: 'compare'
      readonly doc: Y.Doc
      readonly scene: CompareScene
      readonly before: BoardData
      readonly after: BoardData
    }

/** Delay before a live change recomputes a comparison (ms). */
export const LIVE_COMPARE_DELAY = 400

/** Loads `view` (not `none`) for the board of `feature`. */
export function useHistoryView(feature: FeatureContext, view: HistoryView): ViewData {
  const [data, setData] = useState<ViewData>({ status: 'loading' })
  const { boardId, token, model } = feature

  useEffect(() => {
    const abort = new AbortController()
    const owned: Y.Doc[] = []
    const cleanups: (() => void)[] = []
    let disposed = false
    const side = async (s: CompareSide): Promise<Y.Doc | null> => {
      if (s.kind === 'live') return null
      const doc = await fetchSnapshotDoc(boardId, token, s.snapshot.id, abort.signal)
      owned.push(doc)
      return doc
    }
    const load = async (): Promise<void> => {
      if (view.kind === 'none') return
      if (view.kind === 'snapshot') {
        const doc = await side({ kind: 'snapshot', snapshot: view.snapshot })
        if (!disposed && doc) setData({ status: 'snapshot', doc })
        return
      }
      const [from, to] = await Promise.all([side(view.from), side(view.to)])
      if (disposed) return
      const merged = new Y.Doc()
      owned.push(merged)
      let written = false
      const compute = (): void => {
        const before = readBoard(from ?? model.doc)
        const after = readBoard(to ?? model.doc)
        const scene = compareScene(before, after)
        if (written) replaceBoard(merged, scene.board, Origin.import)
        else writeBoard(merged, scene.board, Origin.import)
        written = true
        setData({ status: 'compare', doc: merged, scene, before, after })
      }
      compute()
      if (from === null || to === null) {
        let timer: ReturnType<typeof setTimeout> | null = null
        const off = model.store.subscribe(() => {
          if (timer) clearTimeout(timer)
          timer = setTimeout(() => {
            timer = null
            if (!disposed) compute()
          }, LIVE_COMPARE_DELAY)
        })
        cleanups.push(() => {
          off()
          if (timer) clearTimeout(timer)
        })
      }
    }
    load().catch((err: unknown) => {
      if (disposed) return
      setData({ status: 'error', message: err instanceof Error ? err.message : String(err) })
    })
    return () => {
      disposed = true
      abort.abort()
      for (const c of cleanups) c()
      for (const d of owned) d.destroy()
    }
  }, [view, boardId, token, model])

  return data
}
