/**
 * The column mapping step of a CSV import: for each column of the person's table, the field it holds
 * (guessed from its header, changeable), the first rows as they read with that mapping, and every row that
 * cannot be imported (row number, column, why). Importing adds the good rows, laid out beside the board,
 * as one undoable change.
 */
import { useMemo, useState } from 'react'
import { CSV_IMPORT_FIELDS, randomId, type CsvImportField } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { BoardModel } from '../board/BoardModel.js'
import {
  assignColumn,
  hasLabelColumn,
  previewImport,
  previewRows,
  type MappingState,
} from './csvMappingState.js'

/** Props of the step. */
export interface CsvMappingStepProps {
  readonly initial: MappingState
  readonly model: BoardModel
  readonly onImport: (result: ReturnType<typeof previewImport>) => void
  readonly onBack: () => void
  readonly busy: boolean
}

/** Row errors shown at most (the count says how many more). */
const MAX_ERRORS_SHOWN = 100

export function CsvMappingStep({ initial, model, onImport, onBack, busy }: CsvMappingStepProps) {
  const { t } = useI18n()
  const [state, setState] = useState(initial)
  // Ids stay the same while the person adjusts the mapping (only the rows' reading changes).
  const [ids] = useState(() => {
    const pool: string[] = []
    return (index: number): string => (pool[index] ??= randomId())
  })
  const result = useMemo(() => {
    let n = 0
    const ctx = model.editContext()
    return previewImport(state, {
      newId: () => ids(n++),
      existing: model.store.allElements(),
      meeting: ctx.meeting,
      createdBy: ctx.personId,
    })
  }, [state, model, ids])
  const labelled = hasLabelColumn(state)
  const rows = previewRows(state)
  const fromRows = result.elements.length - result.created.length

  return (
    <div className="history-mapping">
      <p className="muted">{t('import.csv.mappingHelp')}</p>
      <div className="history-table-scroll">
        <table className="history-table history-mapping-table">
          <caption className="visually-hidden">{t('import.csv.mapping')}</caption>
          <thead>
            <tr>
              {state.table.headers.map((h, i) => (
                <th key={i} scope="col">
                  <label className="history-mapping-head">
                    <span>{h === '' ? t('import.csv.column', { number: i + 1 }) : h}</span>
                    <select
                      aria-label={t('import.csv.fieldFor', { column: h === '' ? String(i + 1) : h })}
                      value={state.columns[i] ?? ''}
                      onChange={(e) =>
                        setState((s) =>
                          assignColumn(
                            s,
                            i,
                            e.target.value === '' ? null : (e.target.value as CsvImportField),
                          ),
                        )
                      }
                    >
                      <option value="">{t('import.csv.ignore')}</option>
                      {CSV_IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`import.field.${f}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, r) => (
              <tr key={r}>
                {state.table.headers.map((_, i) => (
                  <td key={i}>{cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {!labelled && (
        <p className="error" role="alert">
          {t('import.csv.noLabel')}
        </p>
      )}
      <p role="status" className="history-status">
        {t('import.csv.summary', {
          good: fromRows,
          bad: new Set(result.errors.map((e) => e.row)).size,
          created: result.created.length,
        })}
      </p>
      {result.errors.length > 0 && (
        <div className="history-table-scroll history-errors">
          <table className="history-table" data-testid="csv-errors">
            <caption>{t('import.csv.errors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.csv.row')}</th>
                <th scope="col">{t('import.csv.columnHead')}</th>
                <th scope="col">{t('import.csv.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column ?? ''}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors.length > MAX_ERRORS_SHOWN && (
            <p className="muted">
              {t('import.csv.moreErrors', { count: result.errors.length - MAX_ERRORS_SHOWN })}
            </p>
          )}
        </div>
      )}
      <div className="history-actions">
        <button type="button" className="history-secondary" onClick={onBack} disabled={busy}>
          {t('import.back')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || result.elements.length === 0}
          onClick={() => onImport(result)}
        >
          {t('import.csv.submit', { count: result.elements.length })}
        </button>
      </div>
    </div>
  )
}
