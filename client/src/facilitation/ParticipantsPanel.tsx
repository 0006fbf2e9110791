/**
 * The "Participants" panel: everyone here with name, role, organisation and online/away, a button to
 * follow each one's view, and a way to change one's own name.
 */
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, usePeople, useStore } from './hooks.js'
import { initials } from './profile.js'
import { roleKey } from './roles.js'

/** The participants panel's body. */
export function ParticipantsPanel({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const people = usePeople(session)
  const follow = useStore(session.follow.view)
  const delegates = useDerived(session.control, (c) => c.state.session.delegates.join('\n'))
  return (
    <div className="fac-participants">
      <p className="muted">{t('board.people', { count: people.length })}</p>
      <ul className="fac-people">
        {people.map((p) => {
          const following = follow.target?.personId === p.id
          const role = t(roleKey(p.role, delegates.split('\n').includes(p.id), p.screen))
          return (
            <li key={p.id} className="fac-person" data-person={p.id}>
              <span
                className={`fac-avatar${p.away ? ' fac-away' : ''}`}
                style={{ backgroundColor: p.color }}
                aria-hidden="true"
              >
                {initials(p.name)}
              </span>
              <span className="fac-person-text">
                <span className="fac-person-name">
                  {p.self ? t('fac.presence.you', { name: p.name }) : p.name}
                </span>
                <span className="muted fac-person-meta">
                  {role}
                  {p.org ? ` · ${p.org}` : ''}
                </span>
              </span>
              <span className={`fac-status ${p.away ? 'fac-status-away' : 'fac-status-online'}`}>
                {p.away ? t('fac.participants.away') : t('fac.participants.online')}
              </span>
              {!p.self && !p.screen && (
                <button
                  type="button"
                  className="fac-small"
                  aria-pressed={following}
                  aria-label={
                    following
                      ? t('fac.presence.stopFollowing', { name: p.name })
                      : t('fac.presence.follow', { name: p.name })
                  }
                  onClick={() => session.follow.followPerson(following ? null : p.id)}
                >
                  {following ? t('fac.participants.following') : t('fac.participants.follow')}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {session.feature.role !== 'viewer' && (
        <button type="button" className="fac-secondary" onClick={() => session.profileOpen.set(true)}>
          {t('fac.participants.changeName')}
        </button>
      )}
    </div>
  )
}
