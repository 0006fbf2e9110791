/**
 * How integration developed from meeting to meeting: the headline indicators of every snapshot (shared
 * `indicatorSeries`) and of the board now, one small chart per indicator, each with its values as a table.
 */
import { useMemo } from 'react'
import { indicatorSeries, type SeriesSnapshot } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { boardDataOf } from './boardData.js'
import { useLiveAnalysis } from './hooks.js'
import { SeriesChart } from './SeriesChart.js'
import { SERIES_INDICATORS } from './seriesChart.js'
import { useSnapshotBoards } from './useSnapshotBoards.js'

export function OverTimeTab({ session }: { session: AnalysisSession }) {
  const { t, formatDate } = useI18n()
  const model = useBoardModel()
  const loaded = useSnapshotBoards(session.feature)
  // The live board is the last point; it follows the board with the live analysis.
  const revision = useLiveAnalysis(session)?.revision ?? -1
  const points = useMemo(() => {
    const snapshots: SeriesSnapshot[] = loaded.snapshots.map((s) => ({
      label:
        s.summary.label ||
        (s.summary.meeting !== null
          ? t('series.meeting', { number: s.summary.meeting })
          : formatDate(s.summary.createdAt, 'datetime')),
      meeting: s.summary.meeting,
      takenAt: s.summary.createdAt,
      board: s.board,
    }))
    snapshots.push({
      label: t('series.now'),
      meeting: null,
      takenAt: Number.POSITIVE_INFINITY,
      board: boardDataOf(model.store),
    })
    return indicatorSeries(snapshots)
    // `revision` is what makes the live point current.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, model, t, formatDate, revision])

  return (
    <div className="analysis-time">
      <p className="muted small">{t('series.help')}</p>
      {loaded.status === 'loading' && (
        <p className="muted" role="status">
          {t('series.loading')}
        </p>
      )}
      {loaded.status === 'error' && (
        <p className="error" role="alert">
          {t('series.error', { message: loaded.error ?? '' })}
        </p>
      )}
      {loaded.status === 'ready' && loaded.snapshots.length === 0 && (
        <p className="muted">{t('series.noSnapshots')}</p>
      )}
      <div className="series-charts">
        {SERIES_INDICATORS.map((indicator) => (
          <SeriesChart key={indicator} indicator={indicator} points={points} />
        ))}
      </div>
    </div>
  )
}
