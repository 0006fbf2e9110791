/**
 * The app: two pages, chosen by path (`/` start, `/b/<id>` a board). Each page is a chunk of its own (the
 * start page does not load the canvas, the board page not the start page's templates), and so are the
 * languages' messages; `startLoading` fetches the page's chunk and the messages together, and opens a
 * board's connection, before the first render.
 */
import { Suspense } from 'react'
import { I18nProvider } from './i18n/index.js'
import { lazyPart } from './lazyPart.js'
import { boardIdFromPath, boardPage, startPage } from './startLoading.js'

const StartPage = lazyPart(startPage, (m) => m.StartPage)
const BoardPage = lazyPart(boardPage, (m) => m.BoardPage)

export function App() {
  const boardId = boardIdFromPath(window.location.pathname)
  return (
    <Suspense fallback={null}>
      <I18nProvider>{boardId ? <BoardPage boardId={boardId} /> : <StartPage />}</I18nProvider>
    </Suspense>
  )
}
