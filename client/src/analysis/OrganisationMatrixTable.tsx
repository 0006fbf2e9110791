/**
 * Who integrates with whom: the organisation x organisation matrix as a table (rows and columns are the
 * organisations, numbered so the columns stay narrow; each column header also holds the full name for
 * screen readers). A cell counts the links between the two organisations' elements, the diagonal those
 * inside one organisation; a non-empty cell reveals the links and their ends.
 */
import type { OrganisationMatrix } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { FindingButton, FindingList } from './FindingList.js'
import { matrixTable } from './findings.js'
import type { ElementNaming } from './hooks.js'

/** Organisations shown as a table at most; beyond, the pairs are listed (a table of n² cells would not help). */
export const MATRIX_LIMIT = 24

export function OrganisationMatrixTable({
  matrix,
  naming,
}: {
  matrix: OrganisationMatrix
  naming: ElementNaming
}) {
  const { t } = useI18n()
  const table = matrixTable(matrix, naming.label)
  if (table.organisations.length === 0) return <p className="muted small">{t('analysis.matrix.none')}</p>
  if (table.organisations.length > MATRIX_LIMIT) {
    const pairs = [...matrix.pairs].sort((a, b) => b.count - a.count)
    return (
      <FindingList
        title={t('analysis.matrix.pairs')}
        help={t('analysis.matrix.tooMany', { count: table.organisations.length })}
        items={pairs}
        empty={t('analysis.none')}
        render={(pair) => (
          <FindingButton finding={{ kind: 'pair', pair }}>
            <span className="finding-label">
              {t('analysis.matrix.between', {
                a: naming.label(pair.organisationIds[0]),
                b: naming.label(pair.organisationIds[1]),
                count: pair.count,
              })}
            </span>
          </FindingButton>
        )}
      />
    )
  }
  return (
    <div className="matrix-scroll">
      <table className="analysis-table matrix">
        <caption className="muted small">{t('analysis.matrix.caption')}</caption>
        <thead>
          <tr>
            <td />
            {table.organisations.map((o, i) => (
              <th key={o.id} scope="col">
                <span aria-hidden="true">{i + 1}</span>
                <span className="visually-hidden">{o.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const rowOrg = table.organisations[i]!
            return (
              <tr key={rowOrg.id}>
                <th scope="row">
                  {i + 1}. {rowOrg.label}
                </th>
                {row.map((cell, j) => {
                  const colOrg = table.organisations[j]!
                  const name =
                    i === j
                      ? t('analysis.matrix.inside', { org: rowOrg.label, count: cell.count })
                      : t('analysis.matrix.between', { a: rowOrg.label, b: colOrg.label, count: cell.count })
                  return (
                    <td key={colOrg.id} className={i === j ? 'diagonal' : cell.count === 0 ? 'empty' : ''}>
                      {cell.finding && cell.count > 0 ? (
                        <FindingButton finding={cell.finding} label={name}>
                          {cell.count}
                        </FindingButton>
                      ) : (
                        <span aria-label={name}>{cell.count === 0 ? '·' : cell.count}</span>
                      )}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
