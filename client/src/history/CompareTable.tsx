/**
 * The comparison as a table: one row per added, removed or changed element or link, with each changed
 * field's old and new value. Sortable by kind of change, by what the record is and by label (column header
 * buttons; `aria-sort` says the order to screen readers). Choosing a row shows its record on the canvas.
 */
import { useMemo, useState } from 'react'
import { HIGHLIGHT_STYLES } from '@circleboard/shared'
import { useI18n, type MessageKey } from '../i18n/index.js'
import { sortRows, type CompareRow, type CompareSortKey } from './compareRows.js'

const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  type: 'history.field.type',
  kind: 'history.field.kind',
  label: 'history.field.label',
  position: 'history.field.position',
  size: 'history.field.size',
  org: 'history.field.org',
  arena: 'history.field.arena',
  color: 'history.field.color',
  tags: 'history.field.tags',
  from: 'history.field.from',
  to: 'history.field.to',
  z: 'history.field.z',
  extra: 'history.field.extra',
}

/** Props of the table. */
export interface CompareTableProps {
  readonly rows: readonly CompareRow[]
  /** Shows a row's record on the canvas. */
  readonly onPick: (row: CompareRow) => void
}

export function CompareTable({ rows, onPick }: CompareTableProps) {
  const { t, lang } = useI18n()
  const [sort, setSort] = useState<{ key: CompareSortKey; descending: boolean }>({
    key: 'change',
    descending: false,
  })
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.descending, lang), [rows, sort, lang])
  const fieldName = (field: string): string => {
    const key = FIELD_KEYS[field]
    return key ? t(key) : field
  }

  const header = (key: CompareSortKey, label: string) => {
    const active = sort.key === key
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="history-sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    )
  }

  if (rows.length === 0) return <p className="history-empty">{t('history.compare.none')}</p>
  return (
    <table className="history-table" data-testid="compare-table">
      <caption className="visually-hidden">{t('history.compare.caption')}</caption>
      <thead>
        <tr>
          {header('change', t('history.compare.colChange'))}
          {header('what', t('history.compare.colWhat'))}
          {header('label', t('history.compare.colLabel'))}
          <th scope="col">{t('history.compare.colDetails')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={row.key} data-change={row.change} data-id={row.id}>
            <td>
              <span className={`history-change history-change-${row.change}`}>
                <svg viewBox="-10 -10 20 20" width="14" height="14" aria-hidden="true">
                  <circle r="9" fill={HIGHLIGHT_STYLES[row.change].color} />
                  <path
                    d={HIGHLIGHT_STYLES[row.change].symbol}
                    stroke="#fff"
                    strokeWidth="2"
                    strokeLinecap="round"
                    fill="none"
                  />
                </svg>
                {t(`history.change.${row.change}`)}
              </span>
            </td>
            <td>{row.what}</td>
            <th scope="row">
              <button
                type="button"
                className="history-link"
                title={t('history.compare.show')}
                onClick={() => onPick(row)}
              >
                {row.label === '' ? t('history.noLabel') : row.label}
              </button>
            </th>
            <td>
              {row.fields.length > 0 ? (
                <ul className="history-fields" aria-label={row.summary}>
                  {row.fields.map((f) => (
                    <li key={f.field}>
                      <span className="history-field">{fieldName(f.field)}</span>{' '}
                      <del>{f.before ?? t('history.none')}</del> → <ins>{f.after ?? t('history.none')}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
