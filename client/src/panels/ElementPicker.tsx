/**
 * A searchable list of the board's elements (a combobox: a search field and a listbox of matches), for
 * picking the other end of a link from the keyboard. Arrow keys move through the matches, Enter picks,
 * Escape cancels. Only the first matches are listed, so it stays quick on a board of thousands.
 */
import { useId, useMemo, useState } from 'react'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { pickerMatches } from './pickerModel.js'
import { shownLabel, typeText } from './words.js'

/** Props of the picker. */
export interface ElementPickerProps {
  /** Accessible name of the search field. */
  readonly label: string
  /** Elements not offered (the element itself). */
  readonly exclude?: ReadonlySet<string>
  readonly onPick: (id: string) => void
  readonly onCancel: () => void
  readonly autoFocus?: boolean
}

const LIMIT = 40

export function ElementPicker({ label, exclude, onPick, onCancel, autoFocus }: ElementPickerProps) {
  const { t, lang } = useI18n()
  const { store } = useBoardModel()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const matches = useMemo(
    () => pickerMatches(store.allElements(), query, lang, exclude, LIMIT + 1),
    [store, query, lang, exclude],
  )
  const shown = matches.slice(0, LIMIT)
  const current = Math.min(active, shown.length - 1)
  const optionId = (i: number): string => `${listId}-o${i}`

  return (
    <div className="element-picker">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder={t('picker.placeholder')}
        value={query}
        // The picker opens on purpose (a key or a button), so taking focus is what the person expects.
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive(Math.min(current + 1, shown.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive(Math.max(current - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            const pick = shown[current]
            if (pick) onPick(pick.id)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            onCancel()
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="element-picker-list">
        {shown.map((e, i) => (
          <li
            key={e.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'is-active' : undefined}
            onPointerDown={(ev) => ev.preventDefault()}
            onClick={() => onPick(e.id)}
          >
            <span className="picker-type">{typeText(lang, e.type, e.kind)}</span>{' '}
            <span className="picker-label">{shownLabel(e.label, t('outline.unnamed'))}</span>
          </li>
        ))}
      </ul>
      {matches.length > LIMIT && <p className="muted picker-more">{t('picker.more')}</p>}
      {shown.length === 0 && <p className="muted">{t('picker.none')}</p>}
    </div>
  )
}
