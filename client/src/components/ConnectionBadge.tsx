/** The connection state of the board, always visible, with a way out of every state but `live`. */
import type { BoardConnection } from '../sync/BoardConnection.js'
import { useConnectionStatus } from '../sync/hooks.js'
import { useI18n, type MessageKey } from '../i18n/index.js'

const REFUSAL_KEYS: Record<number, MessageKey> = {
  4400: 'status.refused.4400',
  4401: 'status.refused.4401',
  4403: 'status.refused.4403',
  4404: 'status.refused.4404',
  4413: 'status.refused.4413',
  4429: 'status.refused.4429',
}

export function ConnectionBadge({ conn }: { conn: BoardConnection }) {
  const status = useConnectionStatus(conn)
  const { t } = useI18n()
  switch (status.kind) {
    case 'connecting':
      return (
        <div className="badge badge-connecting" role="status" data-status="connecting">
          {t('status.connecting')}
        </div>
      )
    case 'live':
      return (
        <div className="badge badge-live" role="status" data-status="live">
          {t('status.live')}
        </div>
      )
    case 'offline':
      return (
        <div className="badge badge-offline" role="status" data-status="offline">
          <span>{status.busy ? t('status.busy') : t('status.offline')}</span>
          <button type="button" onClick={() => conn.retry()}>
            {t('status.retry')}
          </button>
        </div>
      )
    case 'refused':
      return (
        <div className="badge badge-refused" role="alert" data-status="refused" data-code={status.code}>
          <strong>{t('status.refused')}</strong>
          <span>{t(REFUSAL_KEYS[status.code] ?? 'status.refused.other')}</span>
          {status.reason && (
            <span className="muted">{t('status.serverSaid', { reason: status.reason })}</span>
          )}
          <button type="button" onClick={() => conn.retry()}>
            {t('status.reconnect')}
          </button>
        </div>
      )
  }
}
