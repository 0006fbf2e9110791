/**
 * The "Share" dialog (facilitators): the board's participant, viewer and facilitator links again
 * (`GET /api/boards/:id/links`), each with a copy button and a QR code, and the switch that puts the
 * short join link on the meeting room's screen. A modal `<dialog>`: focus stays inside, Escape closes,
 * focus returns to the Share button. Loaded on first use with the rest of the facilitation interface (ui.ts).
 */
import { useEffect, useState } from 'react'
import type { Role } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { CopyLink } from '../components/CopyLink.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { fetchShareLinks, type ShareLinks } from './joinLink.js'
import { QrCode } from './QrCode.js'
import { JoinLinkToggle } from './JoinLinkToggle.js'

const ORDER: readonly Role[] = ['participant', 'viewer', 'facilitator']

type Loaded = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; links: ShareLinks }

/** The dialog's content (the `<dialog>` and its button are ShareButton.tsx, in the startup bundle). */
export function ShareBody({ session, onClose }: { session: FacilitationSession; onClose: () => void }) {
  const { t } = useI18n()
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' })
  const [qrFor, setQrFor] = useState<Role>('participant')
  useEffect(() => {
    let cancelled = false
    const { boardId, token } = session.feature
    fetchShareLinks(boardId, token).then(
      (links) => !cancelled && setLoaded({ kind: 'ready', links }),
      () => !cancelled && setLoaded({ kind: 'failed' }),
    )
    return () => {
      cancelled = true
    }
  }, [session])
  const absolute = (link: string): string => new URL(link, window.location.origin).href
  return (
    <div className="fac-share">
      <header className="fac-dialog-head">
        <h2>{t('fac.share.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('fac.share.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {loaded.kind === 'loading' && <p className="muted">{t('fac.share.loading')}</p>}
      {loaded.kind === 'failed' && (
        <p role="alert" className="error">
          {t('fac.share.failed')}
        </p>
      )}
      {loaded.kind === 'ready' && (
        <div className="fac-share-body">
          <div className="fac-share-links">
            {ORDER.map((role) => (
              <div key={role} className="fac-share-link">
                <CopyLink
                  label={t(`role.${role}`)}
                  url={absolute(loaded.links[role])}
                  help={t(`role.${role}.help`)}
                />
                <button
                  type="button"
                  className="fac-small fac-secondary"
                  aria-pressed={qrFor === role}
                  onClick={() => setQrFor(role)}
                >
                  {t('fac.share.showQr', { role: t(`role.${role}`) })}
                </button>
              </div>
            ))}
          </div>
          <figure className="fac-share-qr">
            <QrCode
              text={absolute(loaded.links[qrFor])}
              label={t('fac.share.qr', { role: t(`role.${qrFor}`) })}
              size={220}
            />
            <figcaption>{t('fac.share.qr', { role: t(`role.${qrFor}`) })}</figcaption>
          </figure>
        </div>
      )}
      <JoinLinkToggle session={session} />
    </div>
  )
}
