/**
 * Filters and search: what matches stays bright on the canvas, the rest is dimmed, and the outline lists
 * only what matches. By type, kind, organisation, tag and text; "n of m match"; Escape clears everything.
 * (The toolbar's search field, which sets the same filter's text, is SearchBox.tsx.)
 */
import { useMemo } from 'react'
import { ELEMENT_TYPE_NAMES, kindName, type ElementType } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import type { FilterState } from '../board/Filter.js'
import { useBoardRevision, useFilterState } from './hooks.js'
import { filterOptions, toggled, type FilterChoice } from './filterModel.js'
import { useMatchCount } from './SearchBox.js'
import { shownLabel } from './words.js'

function Checks<T extends string>({
  legend,
  choices,
  selected,
  name,
  onToggle,
}: {
  legend: string
  choices: readonly FilterChoice<T>[]
  selected: ReadonlySet<T>
  name: (value: T) => string
  onToggle: (value: T) => void
}) {
  if (choices.length === 0) return null
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} className="check">
          <input type="checkbox" checked={selected.has(c.value)} onChange={() => onToggle(c.value)} />
          {name(c.value)} <span className="muted">({c.count})</span>
        </label>
      ))}
    </fieldset>
  )
}

/** The filter panel. */
export function FilterPanel() {
  const { t, lang } = useI18n()
  const { store, filter } = useBoardModel()
  const state = useFilterState()
  const revision = useBoardRevision()
  const { matching, total, active } = useMatchCount()
  const options = useMemo(() => {
    const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB', {
      sensitivity: 'base',
      numeric: true,
    })
    return filterOptions(store.allElements(), collator.compare)
    // The revision is what invalidates the options (the store's arrays are read inside).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, lang, revision])
  const unnamed = t('outline.unnamed')
  const toggle = <K extends 'types' | 'kinds' | 'orgs' | 'tags'>(key: K, value: string): void => {
    filter.set({ [key]: toggled(state[key] as ReadonlySet<string>, value) } as Partial<FilterState>)
  }
  const orgLabels = new Map(options.orgs.map((o) => [o.value, shownLabel(o.label, unnamed)]))

  return (
    <div
      className="filter-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          filter.clear()
        }
      }}
    >
      <p className="match-line" role="status">
        {active ? t('filter.matches', { matching, total }) : t('filter.none', { total })}
      </p>
      <label className="field">
        {t('filter.text')}
        <input type="search" value={state.text} onChange={(e) => filter.set({ text: e.target.value })} />
      </label>
      <Checks
        legend={t('filter.types')}
        choices={options.types}
        selected={state.types}
        name={(type: ElementType) => ELEMENT_TYPE_NAMES[lang][type].one}
        onToggle={(v) => toggle('types', v)}
      />
      {options.kinds.map((group) => (
        <Checks
          key={group.type}
          legend={t('filter.kindsOf', {
            type: ELEMENT_TYPE_NAMES[lang][group.type].many.toLocaleLowerCase(lang),
          })}
          choices={group.kinds}
          selected={state.kinds}
          name={(k) => kindName(lang, group.type, k)}
          onToggle={(v) => toggle('kinds', v)}
        />
      ))}
      <Checks
        legend={t('filter.orgs')}
        choices={options.orgs}
        selected={state.orgs}
        name={(id) => orgLabels.get(id) ?? id}
        onToggle={(v) => toggle('orgs', v)}
      />
      <Checks
        legend={t('filter.tags')}
        choices={options.tags}
        selected={state.tags}
        name={(tag) => tag}
        onToggle={(v) => toggle('tags', v)}
      />
      <button type="button" disabled={!active} onClick={() => filter.clear()}>
        {t('filter.clear')}
      </button>
      <p className="muted">{t('filter.help')}</p>
    </div>
  )
}
