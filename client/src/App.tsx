/** The app: two pages, chosen by path (`/` start, `/b/<id>` a board). */
import { I18nProvider } from './i18n/index.js'
import { StartPage } from './pages/StartPage.js'
import { BoardPage } from './pages/BoardPage.js'

/** The board id in a `/b/<id>` path, if any. */
export function boardIdFromPath(pathname: string): string | null {
  const m = /^\/b\/([a-z0-9]{12})\/?$/.exec(pathname)
  return m ? (m[1] as string) : null
}

export function App() {
  const boardId = boardIdFromPath(window.location.pathname)
  return <I18nProvider>{boardId ? <BoardPage boardId={boardId} /> : <StartPage />}</I18nProvider>
}
