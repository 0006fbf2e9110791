/**
 * Asks for a display name (and, optionally, an organisation) on first join, and when the person asks to
 * change it. A corner card rather than a modal dialog: the board stays usable behind it, the person can
 * answer later, and nothing on the page is blocked for people (or tests) who came to do something else.
 */
import { useId, useState, type FormEvent } from 'react'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useStore } from './hooks.js'
import { cleanProfile, dismissNameQuestion, MAX_PROFILE_TEXT } from './profile.js'

/** The name card, when it is open. */
export function NamePrompt({ session }: { session: FacilitationSession }) {
  const open = useStore(session.profileOpen)
  if (!open) return null
  return <NameForm session={session} />
}

function NameForm({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const titleId = useId()
  const current = session.publisher.profile.get()
  const [name, setName] = useState(current.name)
  const [org, setOrg] = useState(current.org ?? '')
  const clean = cleanProfile(name, org)
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (!clean) return
    session.publisher.setProfile(clean)
    session.profileOpen.set(false)
  }
  const close = (): void => {
    dismissNameQuestion()
    session.profileOpen.set(false)
  }
  return (
    <form
      className="canvas-overlay fac-card fac-name-card"
      role="dialog"
      aria-labelledby={titleId}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close()
        e.stopPropagation()
      }}
    >
      <h2 id={titleId}>{t('fac.profile.title')}</h2>
      <label>
        {t('fac.profile.name')}
        <input
          value={name}
          maxLength={MAX_PROFILE_TEXT}
          autoComplete="name"
          required
          onChange={(e) => setName(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      <label>
        {t('fac.profile.org')}
        <input
          value={org}
          maxLength={MAX_PROFILE_TEXT}
          autoComplete="organization"
          onChange={(e) => setOrg(e.target.value)}
        />
      </label>
      <p className="muted fac-hint">{t('fac.profile.hint')}</p>
      <div className="fac-row">
        <button type="submit" disabled={!clean}>
          {t('fac.profile.save')}
        </button>
        <button type="button" className="fac-secondary" onClick={close}>
          {t('fac.profile.later')}
        </button>
      </div>
    </form>
  )
}
