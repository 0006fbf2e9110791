/** How a snapshot is named in the interface: its label, or for one without, when it was taken. */
import type { I18n } from '../i18n/index.js'
import type { SnapshotSummary } from './snapshotApi.js'

/** The snapshot's label, or "Snapshot of <time>" when it has none. */
export function snapshotName(s: SnapshotSummary, t: I18n['t'], formatDate: I18n['formatDate']): string {
  return s.label.trim() !== ''
    ? s.label
    : t('history.untitled', { time: formatDate(s.createdAt, 'datetime') })
}
