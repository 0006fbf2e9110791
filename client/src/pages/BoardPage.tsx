/**
 * A board at `/b/<id>#t=<token>`: opens the board's connection (token from the fragment, which never
 * reaches the server's HTTP logs), shows the connection state and who is here, and hosts the board view.
 */
import { useEffect, useState } from 'react'
import { DocName, tokenFromFragment } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { BoardConnection } from '../sync/BoardConnection.js'
import { useYValue, usePresenceCount } from '../sync/hooks.js'
import { colorFor, displayName, personId } from '../sync/identity.js'
import { rememberBoard } from '../sync/recentBoards.js'
import { ConnectionBadge } from '../components/ConnectionBadge.js'
import { LanguageSwitch } from '../components/LanguageSwitch.js'

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n()
  const [token] = useState(() => tokenFromFragment(window.location.hash))
  const [conn, setConn] = useState<BoardConnection | null>(null)

  useEffect(() => {
    if (!token) return
    const c = new BoardConnection(boardId, token)
    // The connection is an external system owned by this effect (opened on mount, closed on unmount,
    // twice under StrictMode); the state only hands it to the view.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConn(c)
    return () => c.destroy()
  }, [boardId, token])

  if (!token) {
    return (
      <div className="page">
        <main className="card">
          <p role="alert">{t('board.noToken')}</p>
          <a href="/">{t('board.backToStart')}</a>
        </main>
      </div>
    )
  }
  if (!conn) return <p className="loading">{t('board.loading')}</p>
  return <BoardView conn={conn} />
}

function BoardView({ conn }: { conn: BoardConnection }) {
  const { t } = useI18n()
  const meta = conn.doc.getMap<unknown>(DocName.meta)
  const elements = conn.doc.getMap<unknown>(DocName.elements)
  const title = useYValue(meta, () =>
    typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
  )
  const count = useYValue(elements, () => elements.size)
  const people = usePresenceCount(conn.provider.awareness)
  const role = conn.claims?.role ?? 'viewer'

  useEffect(() => {
    const id = personId()
    conn.provider.awareness.setLocalStateField('user', {
      id,
      name: displayName(t('identity.guest')),
      color: colorFor(id),
      role,
    })
  }, [conn, role, t])

  useEffect(() => {
    if (title) document.title = `${title} · circleboard`
    if (title && conn.claims) {
      rememberBoard({
        id: conn.claims.boardId,
        title,
        role: conn.claims.role,
        link: `/b/${conn.claims.boardId}#t=${conn.token}`,
        openedAt: Date.now(),
      })
    }
  }, [title, conn])

  return (
    <div className="page board-page">
      <header className="topbar">
        <a className="brand" href="/">
          {t('app.name')}
        </a>
        <h1 className="board-title">{title}</h1>
        <span className="role-badge">{t(`role.${role}`)}</span>
        {role === 'viewer' && <span className="role-badge muted">{t('board.readOnly')}</span>}
        <span className="spacer" />
        <span className="presence" data-testid="presence-count">
          {t('board.people', { count: people })}
        </span>
        <ConnectionBadge conn={conn} />
        <LanguageSwitch />
      </header>
      <main className="board-main">
        <p className="placeholder">{t('board.placeholder', { count })}</p>
      </main>
    </div>
  )
}
