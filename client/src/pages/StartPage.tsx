/**
 * The start page: create a board (from a template, its texts in the page's language) and get its three
 * capability links; reopen boards opened before.
 */
import { useEffect, useState, type FormEvent } from 'react'
import {
  ROLES,
  TEMPLATE_NAMES,
  templateInfo,
  type CreateBoardResponse,
  type TemplateName,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { ApiFailure, createBoard, fetchServerFacts } from '../api/api.js'
import { CopyLink } from '../components/CopyLink.js'
import { LanguageSwitch } from '../components/LanguageSwitch.js'
import { recentBoards } from '../sync/recentBoards.js'
import '../panels/panels.css'

export function StartPage() {
  const { t, formatDate, lang } = useI18n()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<TemplateName>('blank')
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
      setCreated(
        await createBoard(
          { title: title.trim(), template, language: lang },
          keyRequired ? serverKey : undefined,
        ),
      )
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
            <fieldset className="template-choices">
              <legend>{t('start.template')}</legend>
              {TEMPLATE_NAMES.map((name) => {
                const info = templateInfo(name, lang)
                return (
                  <label key={name} className="template-choice">
                    <input
                      type="radio"
                      name="template"
                      value={name}
                      checked={template === name}
                      aria-describedby={`template-${name}-description`}
                      onChange={() => setTemplate(name)}
                    />
                    <span className="template-name">{info.name}</span>
                    <span className="template-description" id={`template-${name}-description`}>
                      {info.description}
                    </span>
                  </label>
                )
              })}
              <p className="muted">{t('start.templateLanguage', { language: t(`lang.${lang}`) })}</p>
            </fieldset>
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
