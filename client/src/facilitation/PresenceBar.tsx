/**
 * The top bar's presence: how many people are here and their avatars (initials on their colour, away
 * people faded). Clicking someone's avatar follows their view; clicking again, or one's own avatar,
 * stops. Shown on the board page's top bar (pages/BoardPage.tsx).
 */
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import { useFacilitationSession, usePeople, useStore } from './hooks.js'
import { initials } from './profile.js'
import './facilitation.css'

/** Avatars shown before the rest is summed up as "+N". */
const MAX_AVATARS = 6

/** Presence count and avatars for the top bar. */
export function PresenceBar({ feature }: { feature: FeatureContext }) {
  const { t } = useI18n()
  const session = useFacilitationSession(feature)
  const people = usePeople(session)
  const follow = useStore(session.follow.view)
  const shown = people.filter((p) => !p.screen).slice(0, MAX_AVATARS)
  const rest = people.filter((p) => !p.screen).length - shown.length
  return (
    <div className="fac-presence-bar">
      <ul className="fac-avatars" aria-label={t('fac.presence.avatars')}>
        {shown.map((p) => {
          const following = follow.target?.personId === p.id
          const name = p.self ? t('fac.presence.you', { name: p.name }) : p.name
          return (
            <li key={p.id}>
              <button
                type="button"
                className={`fac-avatar${p.away ? ' fac-away' : ''}${following ? ' fac-following' : ''}`}
                style={{ backgroundColor: p.color }}
                aria-label={
                  p.self
                    ? name
                    : following
                      ? t('fac.presence.stopFollowing', { name: p.name })
                      : t('fac.presence.follow', { name: p.name })
                }
                aria-pressed={p.self ? undefined : following}
                title={p.org ? `${name} · ${p.org}` : name}
                disabled={p.self}
                onClick={() => session.follow.followPerson(following ? null : p.id)}
              >
                {initials(p.name)}
              </button>
            </li>
          )
        })}
        {rest > 0 && (
          <li className="fac-avatar fac-more" aria-label={t('fac.presence.more', { count: rest })}>
            +{rest}
          </li>
        )}
      </ul>
      <span className="presence" data-testid="presence-count">
        {t('board.people', { count: people.length })}
      </span>
    </div>
  )
}
