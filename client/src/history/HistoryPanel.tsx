/**
 * The History panel: the board's snapshots, newest first (label, when, which meeting, who; automatic ones
 * marked), each to open read-only, compare with now, export or restore; and a form to compare any two
 * (or a snapshot with now). Restoring asks first, then writes the snapshot's map as one new, undoable
 * change of this person.
 */
import { useId, useState } from 'react'
import { readBoard } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import type { CompareSide, HistoryStore } from './HistoryStore.js'
import { fetchSnapshotDoc, type SnapshotSummary } from './snapshotApi.js'
import { useSnapshotList } from './useSnapshotList.js'
import { snapshotName } from './snapshotName.js'
import { restoreSnapshot } from './restore.js'
import { Dialog } from './Dialog.js'
import './history.css'

/** Props of the panel. */
export interface HistoryPanelProps {
  readonly feature: FeatureContext
  readonly store: HistoryStore
  readonly revision: number
}

const LIVE = 'live'

export function HistoryPanel({ feature, store, revision }: HistoryPanelProps) {
  const { t, formatDate } = useI18n()
  const list = useSnapshotList(feature, revision)
  const facilitator = feature.role === 'facilitator'
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string>(LIVE)
  const [confirm, setConfirm] = useState<SnapshotSummary | null>(null)
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null)
  const fromId = useId()
  const toId = useId()
  const snapshots = list.snapshots ?? []
  const name = (s: SnapshotSummary): string => snapshotName(s, t, formatDate)
  const byId = (id: string): SnapshotSummary | undefined => snapshots.find((s) => s.id === id)
  // The earlier side defaults to the newest snapshot, so "Compare" at once shows what changed since it.
  const fromChoice = from !== null && byId(from) ? from : (snapshots[0]?.id ?? '')
  const side = (id: string): CompareSide | null => {
    if (id === LIVE) return { kind: 'live' }
    const s = byId(id)
    return s ? { kind: 'snapshot', snapshot: s } : null
  }

  const compare = (): void => {
    const a = side(fromChoice)
    const b = side(to)
    if (!a || !b) return
    // The board now is always the later side, and of two snapshots the older one is the earlier.
    const swap =
      a.kind === 'live' ||
      (b.kind === 'snapshot' && a.kind === 'snapshot' && a.snapshot.createdAt > b.snapshot.createdAt)
    store.show(swap ? { kind: 'compare', from: b, to: a } : { kind: 'compare', from: a, to: b })
  }

  const restore = async (s: SnapshotSummary): Promise<void> => {
    setConfirm(null)
    setStatus({ text: t('history.restore.working'), error: false })
    let doc = null
    try {
      doc = await fetchSnapshotDoc(feature.boardId, feature.token, s.id)
      // Back to the live board first: it is read-only while history covers it.
      store.show({ kind: 'none' })
      const ok = restoreSnapshot(feature.model, readBoard(doc))
      setStatus(
        ok
          ? { text: t('history.restore.done', { name: name(s) }), error: false }
          : { text: t('history.restore.readOnly'), error: true },
      )
    } catch (err) {
      setStatus({
        text: t('history.restore.failed', { reason: err instanceof Error ? err.message : String(err) }),
        error: true,
      })
    } finally {
      doc?.destroy()
    }
  }

  return (
    <div className="history-panel">
      <form
        className="history-compare-form"
        aria-label={t('history.compare.form')}
        onSubmit={(e) => {
          e.preventDefault()
          compare()
        }}
      >
        <label htmlFor={fromId}>{t('history.compare.from')}</label>
        <select
          id={fromId}
          value={fromChoice}
          onChange={(e) => setFrom(e.target.value)}
          disabled={snapshots.length === 0}
        >
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {name(s)}
            </option>
          ))}
        </select>
        <label htmlFor={toId}>{t('history.compare.to')}</label>
        <select id={toId} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value={LIVE}>{t('history.now')}</option>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {name(s)}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={snapshots.length === 0 || fromChoice === to}>
          {t('history.compare')}
        </button>
      </form>

      {status && (
        <p className={status.error ? 'error' : 'history-status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}

      <div className="history-list-head">
        <h3>{t('history.snapshots')}</h3>
        <button type="button" className="history-secondary" onClick={list.refresh} disabled={list.loading}>
          {list.loading ? t('history.refreshing') : t('history.refresh')}
        </button>
      </div>
      {list.error && (
        <p className="error" role="alert">
          {t('history.listFailed', { reason: list.error })}
        </p>
      )}
      {list.snapshots === null && !list.error && <p className="muted">{t('history.loading')}</p>}
      {list.snapshots !== null && snapshots.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="history-list" aria-label={t('history.snapshots')}>
        {snapshots.map((s) => (
          <SnapshotItem
            key={s.id}
            snapshot={s}
            name={name(s)}
            facilitator={facilitator}
            onOpen={() => store.show({ kind: 'snapshot', snapshot: s })}
            onCompare={() =>
              store.show({ kind: 'compare', from: { kind: 'snapshot', snapshot: s }, to: { kind: 'live' } })
            }
            onExport={() => store.open('export', s)}
            onRestore={() => setConfirm(s)}
          />
        ))}
      </ol>

      {confirm && (
        <Dialog
          role="alertdialog"
          title={t('history.restore.title', { name: name(confirm) })}
          onClose={() => setConfirm(null)}
        >
          <p>{t('history.restore.explain')}</p>
          <div className="history-actions">
            <button type="button" className="history-secondary" onClick={() => setConfirm(null)}>
              {t('history.cancel')}
            </button>
            <button type="button" className="button" onClick={() => void restore(confirm)}>
              {t('history.restore')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  )
}

/** The author as the server names them: a display name, or (for someone the board did not know yet) a role. */
function authorName(author: string, t: ReturnType<typeof useI18n>['t']): string {
  if (author === 'facilitator' || author === 'participant' || author === 'viewer') return t(`role.${author}`)
  return author
}

interface ItemProps {
  readonly snapshot: SnapshotSummary
  readonly name: string
  readonly facilitator: boolean
  onOpen(): void
  onCompare(): void
  onExport(): void
  onRestore(): void
}

function SnapshotItem({ snapshot: s, name, facilitator, onOpen, onCompare, onExport, onRestore }: ItemProps) {
  const { t, formatDate } = useI18n()
  const headingId = useId()
  return (
    <li
      className="history-item"
      data-snapshot={s.id}
      data-automatic={s.automatic}
      aria-labelledby={headingId}
    >
      <div className="history-item-head">
        <strong id={headingId}>{name}</strong>
        {s.automatic && <span className="history-badge">{t('history.automatic')}</span>}
      </div>
      <p className="history-item-meta">
        <time dateTime={new Date(s.createdAt).toISOString()}>{formatDate(s.createdAt, 'datetime')}</time>
        {s.meeting !== null && <> · {t('history.meeting', { number: s.meeting })}</>}
        {s.author !== null && <> · {t('history.by', { name: authorName(s.author, t) })}</>}
      </p>
      <div className="history-item-actions" role="group" aria-label={t('history.actionsFor', { name })}>
        <button type="button" className="history-secondary" onClick={onOpen}>
          {t('history.open')}
        </button>
        <button type="button" className="history-secondary" onClick={onCompare}>
          {t('history.compareWithNow')}
        </button>
        {facilitator && (
          <>
            <button type="button" className="history-secondary" onClick={onExport}>
              {t('history.exportThis')}
            </button>
            <button type="button" className="history-secondary" onClick={onRestore}>
              {t('history.restore')}
            </button>
          </>
        )}
      </div>
    </li>
  )
}
