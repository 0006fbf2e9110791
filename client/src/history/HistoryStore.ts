/**
 * What the history feature shows in this browser, outside React (like the camera and the selection): the
 * open dialog, whether a snapshot or a comparison is on the canvas, and a revision of the snapshot list
 * (bumped after a save, so the panel reloads it). Components subscribe with `useSyncExternalStore`.
 */
import type { SnapshotSummary } from './snapshotApi.js'

/** One side of a comparison: a snapshot, or the board as it is now. */
export type CompareSide =
  { readonly kind: 'live' } | { readonly kind: 'snapshot'; readonly snapshot: SnapshotSummary }

/** What the canvas shows instead of the live board. */
export type HistoryView =
  | { readonly kind: 'none' }
  | { readonly kind: 'snapshot'; readonly snapshot: SnapshotSummary }
  | { readonly kind: 'compare'; readonly from: CompareSide; readonly to: CompareSide }

/** The dialogs of the feature. */
export type HistoryDialog = 'save' | 'export' | 'import' | null

/** The feature's state. */
export interface HistoryState {
  readonly view: HistoryView
  readonly dialog: HistoryDialog
  /** Snapshot chosen as the export's source when the dialog opens (`null`: the board now). */
  readonly exportSource: SnapshotSummary | null
  /** Bumped when the snapshot list changed on the server. */
  readonly listRevision: number
}

const INITIAL: HistoryState = { view: { kind: 'none' }, dialog: null, exportSource: null, listRevision: 0 }

/** The history feature's state for one open board. */
export class HistoryStore {
  private state: HistoryState = INITIAL
  private readonly listeners = new Set<() => void>()

  get = (): HistoryState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Shows a snapshot, a comparison or (`none`) the live board again. */
  show(view: HistoryView): void {
    this.set({ view })
  }

  /** Opens a dialog (closing any other); the export dialog can start on a snapshot. */
  open(dialog: Exclude<HistoryDialog, null>, exportSource: SnapshotSummary | null = null): void {
    this.set({ dialog, exportSource })
  }

  close(): void {
    this.set({ dialog: null, exportSource: null })
  }

  /** The snapshot list changed (a snapshot was saved). */
  listChanged(): void {
    this.set({ listRevision: this.state.listRevision + 1 })
  }

  private set(patch: Partial<HistoryState>): void {
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l()
  }
}

/** A stable key of a view, for keying the component that shows it. */
export function viewKey(view: HistoryView): string {
  const side = (s: CompareSide): string => (s.kind === 'live' ? 'live' : s.snapshot.id)
  switch (view.kind) {
    case 'none':
      return 'none'
    case 'snapshot':
      return `snapshot:${view.snapshot.id}`
    case 'compare':
      return `compare:${side(view.from)}:${side(view.to)}`
  }
}
