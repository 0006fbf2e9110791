/**
 * The board document's top-level types (DESIGN.md, "The document"). Their names are part of the persisted
 * format: change them only with a migration.
 */
import * as Y from 'yjs'
import { Origin } from './origins.js'

/** Names of the top-level shared types of a board document. */
export const DocName = {
  elements: 'elements',
  links: 'links',
  meta: 'meta',
  meetings: 'meetings',
  people: 'people',
  comments: 'comments',
} as const

/** The schema version this code writes; migrations bring older documents here (see `migrations.ts`). */
export const SCHEMA_VERSION = 1

/** What a new board starts with. */
export interface NewBoard {
  readonly title: string
  readonly template: string | null
  /** ISO 8601. */
  readonly createdAt: string
  /** Provenance will hold pseudonyms, not names (see `BoardMeta.pseudonymous`); left unset means no. */
  readonly pseudonymous?: boolean
}

/** Writes a new board's meta into an empty document (origin `server`). */
export function initBoardDoc(doc: Y.Doc, board: NewBoard): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>(DocName.meta)
    meta.set('schema', SCHEMA_VERSION)
    meta.set('title', board.title)
    meta.set('template', board.template)
    meta.set('createdAt', board.createdAt)
    if (board.pseudonymous !== undefined) meta.set('pseudonymous', board.pseudonymous)
  }, Origin.server)
}

/** The initial state of a new board as one Yjs update (what the server stores when it creates a board). */
export function newBoardUpdate(board: NewBoard, fill?: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  try {
    initBoardDoc(doc, board)
    if (fill) doc.transact(() => fill(doc), Origin.server)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
