/**
 * Who took part, per meeting and overall, from the provenance the board records (so it works on a
 * snapshot as on the board now): contributions by role or by organisation as a chart, groups in a fixed
 * order, never ranked by volume. The facilitator alone can open the per-person view, and is told that
 * it names people. Votes are secret: counted, not attributed.
 */
import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react'
import { participation, type Participation } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { ParticipationChart } from './ParticipationChart.js'
import { sliceOf, voteEvents, type SliceChoice } from './participationChart.js'
import { readAnalysable } from './snapshots.js'
import { useSnapshotBoards } from './useSnapshotBoards.js'

type Grouping = 'byRole' | 'byOrganisation' | 'byPerson'

/** The board's revision, at most once per `ms` (reading the whole document is not for every keystroke). */
function useCalmRevision(ms: number): number {
  const { store } = useBoardModel()
  const subscribe = useCallback((l: () => void) => store.subscribe(l), [store])
  const revision = useSyncExternalStore(subscribe, () => store.revision)
  const [calm, setCalm] = useState(revision)
  useEffect(() => {
    const timer = setTimeout(() => setCalm(revision), ms)
    return () => clearTimeout(timer)
  }, [revision, ms])
  return calm
}

export function ParticipationTab({ session }: { session: AnalysisSession }) {
  const { t, formatDate } = useI18n()
  const model = useBoardModel()
  const ids = { source: useId(), meeting: useId() }
  const facilitator = session.feature.role === 'facilitator'
  const snapshots = useSnapshotBoards(session.feature)
  const [source, setSource] = useState<string>('live')
  const [meeting, setMeeting] = useState<SliceChoice>('all')
  const [grouping, setGrouping] = useState<Grouping>('byRole')
  const revision = useCalmRevision(500)

  const result: Participation = useMemo(() => {
    const chosen = snapshots.snapshots.find((s) => s.summary.id === source)
    const { board, votes } = chosen ?? readAnalysable(model.doc)
    return participation(board, { events: voteEvents(votes), perPerson: facilitator })
    // `revision` makes the live board's figures current.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshots, source, model, facilitator, revision])

  const slice = sliceOf(result, meeting)
  const groups = slice[grouping] ?? slice.byRole
  const meetingName = (m: number | null): string =>
    m === null ? t('participation.outside') : t('series.meeting', { number: m })

  return (
    <div className="analysis-participation">
      <p className="muted small">{t('participation.help')}</p>
      <div className="analysis-fields">
        <label htmlFor={ids.source}>{t('participation.source')}</label>
        <select id={ids.source} value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="live">{t('participation.live')}</option>
          {snapshots.snapshots.map((s) => (
            <option key={s.summary.id} value={s.summary.id}>
              {s.summary.label || formatDate(s.summary.createdAt, 'datetime')}
            </option>
          ))}
        </select>
        <label htmlFor={ids.meeting}>{t('participation.meeting')}</label>
        <select
          id={ids.meeting}
          value={meeting === null ? 'outside' : String(meeting)}
          onChange={(e) => {
            const v = e.target.value
            setMeeting(v === 'all' ? 'all' : v === 'outside' ? null : Number(v))
          }}
        >
          <option value="all">{t('participation.allMeetings')}</option>
          {result.meetings.map((m) => (
            <option key={String(m.meeting)} value={m.meeting === null ? 'outside' : String(m.meeting)}>
              {meetingName(m.meeting)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="analysis-choice">
        <legend>{t('participation.groupBy')}</legend>
        <label>
          <input
            type="radio"
            name="group-by"
            checked={grouping === 'byRole'}
            onChange={() => setGrouping('byRole')}
          />
          {t('participation.byRole')}
        </label>
        <label>
          <input
            type="radio"
            name="group-by"
            checked={grouping === 'byOrganisation'}
            onChange={() => setGrouping('byOrganisation')}
          />
          {t('participation.byOrganisation')}
        </label>
        {facilitator && (
          <label>
            <input
              type="radio"
              name="group-by"
              checked={grouping === 'byPerson'}
              onChange={() => setGrouping('byPerson')}
            />
            {t('participation.byPerson')}
          </label>
        )}
      </fieldset>
      {grouping === 'byPerson' && <p className="privacy-note small">{t('participation.personNote')}</p>}
      <ParticipationChart groups={groups} title={t(`participation.title.${grouping}`)} />
      <p className="muted small">{t('participation.votesNote')}</p>
    </div>
  )
}
