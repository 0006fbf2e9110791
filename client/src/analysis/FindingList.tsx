/**
 * A list of findings, each a button that selects what it is about and shows it on the canvas. Long lists
 * show their first items and a button for the rest, so a board of thousands stays quick to open.
 */
import { useState, type ReactNode } from 'react'
import { useBoardModel } from '../board/BoardModel.js'
import { useI18n } from '../i18n/index.js'
import { findingSelection, type Finding } from './findings.js'
import { revealFinding } from './reveal.js'

/** Items shown before "Show all". */
export const LIST_LIMIT = 30

/** A button that reveals a finding. */
export function FindingButton({
  finding,
  children,
  label,
}: {
  finding: Finding
  children: ReactNode
  /** Accessible name when the visible text is not enough. */
  label?: string
}) {
  const model = useBoardModel()
  return (
    <button
      type="button"
      className="finding"
      aria-label={label}
      onClick={() => revealFinding(model, findingSelection(finding))}
    >
      {children}
    </button>
  )
}

/** A titled list of findings with a count; empty lists say so. */
export function FindingList<T>({
  title,
  items,
  empty,
  render,
  help,
}: {
  title: string
  items: readonly T[]
  empty: string
  render: (item: T) => ReactNode
  help?: string
}) {
  const { t } = useI18n()
  const [all, setAll] = useState(false)
  const shown = all ? items : items.slice(0, LIST_LIMIT)
  return (
    <div className="finding-group">
      <h4>
        {title} <span className="count">{t('analysis.count', { count: items.length })}</span>
      </h4>
      {help && <p className="muted small">{help}</p>}
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="finding-list">
          {shown.map((item, i) => (
            <li key={i}>{render(item)}</li>
          ))}
        </ul>
      )}
      {!all && items.length > LIST_LIMIT && (
        <button type="button" className="analysis-link" onClick={() => setAll(true)}>
          {t('analysis.showAll', { count: items.length })}
        </button>
      )}
    </div>
  )
}
