/**
 * The toolbar's search field: sets the filter's text (the Filters panel, FilterPanel.tsx, sets the rest)
 * and says how many elements match. In the startup bundle, unlike the panel.
 */
import { useMemo } from 'react'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { isEmptyFilter } from '../board/Filter.js'
import { useBoardRevision, useFilterState } from './hooks.js'
import { matchCount } from './filterModel.js'

/** "3 of 12 match", for the status lines (recounted when the board or the filter changes). */
export function useMatchCount(): { matching: number; total: number; active: boolean } {
  const { store } = useBoardModel()
  const filter = useFilterState()
  const revision = useBoardRevision()
  // The revision is what invalidates the count (the store's arrays are read inside).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const counts = useMemo(() => matchCount(store.allElements(), filter), [store, filter, revision])
  return { ...counts, active: !isEmptyFilter(filter) }
}

/** The toolbar's search field and match count. */
export function SearchBox() {
  const { t } = useI18n()
  const { filter } = useBoardModel()
  const state = useFilterState()
  const { matching, total, active } = useMatchCount()
  return (
    <span className="search-box">
      <input
        type="search"
        aria-label={t('filter.search')}
        placeholder={t('filter.searchPlaceholder')}
        value={state.text}
        onChange={(e) => filter.set({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            filter.clear()
          }
        }}
      />
      {active && (
        <span className="match-count" role="status" data-testid="match-count">
          {t('filter.matches', { matching, total })}
        </span>
      )}
    </span>
  )
}
