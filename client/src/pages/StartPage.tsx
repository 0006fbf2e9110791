/** The start page: create a board and get its three capability links; reopen boards opened before. */
import { useEffect, useState, type FormEvent } from 'react'
import { ROLES, type CreateBoardResponse } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { ApiFailure, createBoard, fetchServerFacts } from '../api/api.js'
import { CopyLink } from '../components/CopyLink.js'
import { LanguageSwitch } from '../components/LanguageSwitch.js'
import { recentBoards } from '../sync/recentBoards.js'

export function StartPage() {
  const { t, formatDate } = useI18n()
  const [title, setTitle] = useState('')
  const [serverKey, setServerKey] = useState('')
  const [keyRequired, setKeyRequired] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreateBoardResponse | null>(null)
  const recent = recentBoards()

  useEffect(() => {
    fetchServerFacts()
      .then((facts) => setKeyRequired(facts.serverKeyRequired))
      .catch(() => setKeyRequired(false))
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setCreated(await createBoard({ title: title.trim() }, keyRequired ? serverKey : undefined))
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'network') setError(t('error.network'))
      else setError(t('error.generic', { message: err instanceof Error ? err.message : String(err) }))
    } finally {
      setBusy(false)
    }
  }

  const absolute = (link: string) => new URL(link, window.location.origin).href

  return (
    <div className="page start-page">
      <header className="topbar">
        <h1 className="brand">{t('app.name')}</h1>
        <span className="muted">{t('app.tagline')}</span>
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <section className="card">
          <h2>{t('start.title')}</h2>
          <p>{t('start.intro')}</p>
          <form onSubmit={submit} className="create-form">
            <label>
              {t('start.boardTitle')}
              <input
                name="title"
                value={title}
                required
                maxLength={200}
                placeholder={t('start.boardTitlePlaceholder')}
                onChange={(e) => setTitle(e.target.value)}
              />
            </label>
            {keyRequired && (
              <label>
                {t('start.serverKey')}
                <input
                  name="serverKey"
                  type="password"
                  value={serverKey}
                  required
                  onChange={(e) => setServerKey(e.target.value)}
                />
                <span className="muted">{t('start.serverKeyHelp')}</span>
              </label>
            )}
            <button type="submit" disabled={busy || title.trim() === ''}>
              {busy ? t('start.creating') : t('start.create')}
            </button>
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
          </form>
        </section>
        {created && (
          <section className="card" aria-live="polite">
            <h2>{t('start.created')}</h2>
            <p>{t('start.linksIntro')}</p>
            {ROLES.map((role) => (
              <CopyLink
                key={role}
                label={t(`role.${role}`)}
                help={t(`role.${role}.help`)}
                url={absolute(created.links[role])}
              />
            ))}
            <a className="button" href={created.links.facilitator}>
              {t('start.open')}
            </a>
          </section>
        )}
        <section className="card">
          <h2>{t('start.recent')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('start.noRecent')}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((b) => (
                <li key={`${b.id}-${b.role}`}>
                  <a href={b.link}>{b.title}</a> <span className="muted">{t(`role.${b.role}`)}</span>{' '}
                  <span className="muted">{formatDate(b.openedAt, 'datetime')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  )
}
