/** The feature's dialogs (loaded with the rest of the history UI, when first opened). */
import type { FeatureContext } from '../board/features.js'
import type { HistoryDialog, HistoryStore } from './HistoryStore.js'
import { SaveSnapshotDialog } from './SaveSnapshotDialog.js'
import { ExportDialog } from './ExportDialog.js'
import { ImportDialog } from './ImportDialog.js'

/** Props of the dialog host. */
export interface HistoryDialogsProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
  readonly dialog: Exclude<HistoryDialog, null>
  /** Opens the History panel (after a snapshot was saved, to show it). */
  readonly showPanel: () => void
}

/** The open dialog. */
export function HistoryDialogs({ feature, store, dialog, showPanel }: HistoryDialogsProps) {
  switch (dialog) {
    case 'save':
      return <SaveSnapshotDialog feature={feature} store={store} onSaved={showPanel} />
    case 'export':
      return <ExportDialog feature={feature} store={store} />
    case 'import':
      return <ImportDialog feature={feature} store={store} />
  }
}
