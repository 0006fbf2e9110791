/**
 * The board as the analysis reads it, taken from the board store's validated records instead of re-reading
 * the whole document: the indicators need elements, links and the count of invalid records, nothing else.
 */
import type { BoardData, BoardMeta } from '@circleboard/shared'
import type { BoardStore } from '../board/BoardStore.js'

const NO_META: BoardMeta = { schema: 0, title: '', template: null, createdAt: null, pseudonymous: false }

/** The store's elements, links (both ends present) and invalid records as `BoardData`. */
export function boardDataOf(
  store: Pick<BoardStore, 'allElements' | 'allLinks' | 'invalidRecords'>,
): BoardData {
  return {
    meta: NO_META,
    elements: store.allElements(),
    links: store.allLinks(),
    meetings: [],
    people: [],
    invalid: store.invalidRecords(),
  }
}
