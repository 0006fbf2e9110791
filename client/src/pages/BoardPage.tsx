/**
 * A board at `/b/<id>#t=<token>`: opens the board's connection (token from the fragment, which never
 * reaches the server's HTTP logs), shows the connection state and who is here, and hosts the board view.
 */
import { useEffect, useMemo, useState } from 'react'
import { DocName, tokenFromFragment } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { BoardConnection } from '../sync/BoardConnection.js'
import { useYValue } from '../sync/hooks.js'
import { BoardModel, BoardModelContext } from '../board/BoardModel.js'
import { BoardWorkspace } from '../board/BoardWorkspace.js'
import { mergeSlots, type FeatureContext } from '../board/features.js'
import { usePanelSlots } from '../panels/index.js'
import { PresenceBar, useFacilitationSlots } from '../facilitation/index.js'
import { useHistorySlots } from '../history/index.js'
import { useAnalysisSlots } from '../analysis/index.js'
import { rememberBoard } from '../sync/recentBoards.js'
import { openBoard } from '../sync/openBoard.js'
import { ConnectionBadge } from '../components/ConnectionBadge.js'
import { RefusedChangeBanner } from '../components/RefusedChangeBanner.js'
import { LanguageSwitch } from '../components/LanguageSwitch.js'

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n()
  const [token] = useState(() => tokenFromFragment(window.location.hash))
  const [conn, setConn] = useState<BoardConnection | null>(null)

  useEffect(() => {
    if (!token) return
    let c: BoardConnection | null = null
    let cancelled = false
    // The connection is an external system owned by this effect (opened on mount, closed on unmount,
    // twice under StrictMode); the state only hands it to the view.
    void openBoard(boardId, token).then((opened) => {
      if (cancelled) return opened.destroy()
      c = opened
      setConn(opened)
    })
    return () => {
      cancelled = true
      c?.destroy()
    }
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
  const { t, lang } = useI18n()
  const meta = conn.doc.getMap<unknown>(DocName.meta)
  const title = useYValue(meta, () =>
    typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
  )
  const role = conn.claims?.role ?? 'viewer'
  const personId = conn.claims?.personId ?? null
  const model = useMemo(
    () =>
      new BoardModel(conn.doc, {
        personId,
        lang,
        meeting: () => null,
        readOnly: () => role === 'viewer',
      }),
    // The model lives as long as the connection; the language is passed on below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [conn],
  )
  useEffect(() => () => model.destroy(), [model])
  useEffect(() => model.store.setLanguage(lang), [model, lang])

  // Presence (the awareness `user` field, name, colour) and registration in `people`: facilitation/.

  const feature: FeatureContext = useMemo(
    () => ({ conn, model, role, personId, token: conn.token, boardId: conn.room }),
    [conn, model, role, personId],
  )
  const slots = mergeSlots(
    usePanelSlots(feature),
    useFacilitationSlots(feature),
    useHistorySlots(feature),
    useAnalysisSlots(feature),
  )

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
    <BoardModelContext.Provider value={model}>
      <div className="page board-page">
        <header className="topbar">
          <a className="brand" href="/">
            {t('app.name')}
          </a>
          <h1 className="board-title">{title}</h1>
          <span className="role-badge">{t(`role.${role}`)}</span>
          {role === 'viewer' && <span className="role-badge muted">{t('board.readOnly')}</span>}
          <span className="spacer" />
          <PresenceBar feature={feature} />
          <ConnectionBadge conn={conn} />
          <LanguageSwitch />
        </header>
        <RefusedChangeBanner conn={conn} />
        <BoardWorkspace slots={slots} />
      </div>
    </BoardModelContext.Provider>
  )
}
