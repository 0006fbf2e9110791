/**
 * Shown when the server refused a change of this person's (a viewer link, a locked board): their copy of
 * the board now differs from everyone else's, so they are offered to load the board again from the server
 * (server/SPEC.md F2).
 */
import { useSyncExternalStore } from 'react'
import { useI18n } from '../i18n/index.js'
import type { BoardConnection } from '../sync/BoardConnection.js'

export function RefusedChangeBanner({ conn }: { conn: BoardConnection }) {
  const { t } = useI18n()
  const refused = useSyncExternalStore(conn.subscribe, conn.getRefusedChange)
  if (refused === null) return null
  return (
    <div className="refused-banner" role="alert">
      <span>{t('refused.text', { reason: refused.replace(/^refused: /, '') })}</span>
      <button type="button" onClick={() => void conn.reloadFromServer()}>
        {t('refused.reload')}
      </button>
    </div>
  )
}
