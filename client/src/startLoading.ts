/**
 * What the entry starts before React has loaded (main.tsx): the page's chunk, the language's messages and,
 * for a board, its connection. No React here, so the entry chunk is small and these requests leave as soon
 * as it runs, in parallel with React's own chunk.
 */
import { tokenFromFragment } from '@circleboard/shared'
import { initialLanguage, loadMessages } from './i18n/messages.js'
import { lazyModule } from './lazyModule.js'
import { openBoardEarly } from './sync/openBoard.js'

/** The board id in a `/b/<id>` path, if any. */
export function boardIdFromPath(pathname: string): string | null {
  const m = /^\/b\/([a-z0-9]{12})\/?$/.exec(pathname)
  return m ? (m[1] as string) : null
}

export const startPage = lazyModule(() => import('./pages/StartPage.js'))
export const boardPage = lazyModule(() => import('./pages/BoardPage.js'))

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
