/**
 * The app: two pages, chosen by path (`/` start, `/b/<id>` a board). Each page is a chunk of its own (the
 * start page does not load the canvas, the board page not the start page's templates), and so are the
 * languages' messages; `startLoading` fetches the page's chunk and the messages together, and opens a
 * board's connection, before the first render.
 */
import { Suspense } from 'react'
import { tokenFromFragment } from '@circleboard/shared'
import { I18nProvider, initialLanguage, loadMessages } from './i18n/index.js'
import { lazyModule, lazyPart } from './lazyPart.js'
import { openBoardEarly } from './sync/openBoard.js'

/** The board id in a `/b/<id>` path, if any. */
export function boardIdFromPath(pathname: string): string | null {
  const m = /^\/b\/([a-z0-9]{12})\/?$/.exec(pathname)
  return m ? (m[1] as string) : null
}

const startPage = lazyModule(() => import('./pages/StartPage.js'))
const boardPage = lazyModule(() => import('./pages/BoardPage.js'))
const StartPage = lazyPart(startPage, (m) => m.StartPage)
const BoardPage = lazyPart(boardPage, (m) => m.BoardPage)

/**
 * Starts loading what the page at `pathname` shows first, its chunk and the language's messages; resolves
 * when both have loaded or failed (a failure shows when the app renders: the provider or the page
 * suspends on the same load, which tries again).
 */
export async function startLoading(pathname: string, hash: string): Promise<void> {
  const boardId = boardIdFromPath(pathname)
  const token = boardId ? tokenFromFragment(hash) : null
  // The board's connection opens meanwhile (sync/openBoard.ts).
  if (boardId && token) openBoardEarly(boardId, token)
  const page = boardId ? boardPage : startPage
  await Promise.allSettled([page.load(), loadMessages(initialLanguage())])
}

export function App() {
  const boardId = boardIdFromPath(window.location.pathname)
  return (
    <Suspense fallback={null}>
      <I18nProvider>{boardId ? <BoardPage boardId={boardId} /> : <StartPage />}</I18nProvider>
    </Suspense>
  )
}
