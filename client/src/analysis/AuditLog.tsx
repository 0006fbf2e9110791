/**
 * The board's audit log, on request: who joined with which role, who took snapshots, exported, imported
 * or changed settings, and when the server removed an identity number. Never content, never names: a
 * person appears as their link's role and a pseudonymous id.
 */
import { useState } from 'react'
import { ROLES, type Role } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { fetchAudit, type AuditEntry } from './adminApi.js'
import type { AnalysisSession } from './AnalysisSession.js'
import { auditEventKey, auditFacts, shortPerson } from './auditModel.js'

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r)

type State =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'shown'; readonly entries: readonly AuditEntry[] }
  | { readonly kind: 'failed'; readonly message: string }

export function AuditLog({ session }: { session: AnalysisSession }) {
  const { t, formatDate } = useI18n()
  const [state, setState] = useState<State>({ kind: 'closed' })
  const { boardId, token } = session.feature

  const load = (): void => {
    setState({ kind: 'loading' })
    fetchAudit(boardId, token).then(
      (entries) => setState({ kind: 'shown', entries }),
      (err: unknown) =>
        setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    )
  }

  return (
    <section className="settings-section">
      <h3>{t('audit.title')}</h3>
      <p className="muted small">{t('audit.help')}</p>
      <button type="button" className="analysis-secondary" disabled={state.kind === 'loading'} onClick={load}>
        {state.kind === 'shown' ? t('audit.refresh') : t('audit.show')}
      </button>
      {state.kind === 'loading' && (
        <p className="muted small" role="status">
          {t('audit.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="error small" role="alert">
          {t('boardSettings.failed', { message: state.message })}
        </p>
      )}
      {state.kind === 'shown' &&
        (state.entries.length === 0 ? (
          <p className="muted small">{t('audit.empty')}</p>
        ) : (
          <div className="matrix-scroll">
            <table className="analysis-table audit">
              <thead>
                <tr>
                  <th scope="col">{t('audit.when')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.who')}</th>
                </tr>
              </thead>
              <tbody>
                {state.entries.map((e, i) => {
                  const key = auditEventKey(e.event)
                  const person = shortPerson(e.person)
                  const role =
                    e.role === null ? t('audit.server') : isRole(e.role) ? t(`role.${e.role}`) : e.role
                  return (
                    <tr key={i}>
                      <td>{formatDate(e.at, 'datetime')}</td>
                      <td>
                        {key ? t(key) : e.event}
                        {auditFacts(e).map((f) => (
                          <span key={f.name} className="audit-fact">
                            {f.name}: {f.value}
                          </span>
                        ))}
                      </td>
                      <td>
                        {role}
                        {person && <span className="audit-fact">{person}</span>}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  )
}
