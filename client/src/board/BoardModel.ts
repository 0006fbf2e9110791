/**
 * Everything the board view works with, for one open board: the document's store, the camera, the
 * selection and filters of this browser, and this person's edit context and undo history. Built once per
 * connection and handed to components through `BoardModelContext`; none of it lives in React state.
 */
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import {
  createUndoManager,
  localOrigin,
  type EditContext,
  type Language,
  type LocalOrigin,
} from '@circleboard/shared'
import { BoardStore } from './BoardStore.js'
import { Selection } from './Selection.js'
import { FilterStore } from './Filter.js'
import { Camera } from '../canvas/Camera.js'

/** What a BoardModel needs to know about the person and the meeting. */
export interface BoardModelOptions {
  readonly personId: string | null
  readonly lang: Language
  /** Number of the running meeting (from the control document), or `null`. */
  readonly meeting: () => number | null
  /** True when this browser may not change the board now (viewer link, locked board). */
  readonly readOnly: () => boolean
}

/** The per-board, per-browser state of the board view. */
export class BoardModel {
  readonly store: BoardStore
  readonly camera = new Camera()
  readonly selection = new Selection()
  readonly filter = new FilterStore()
  readonly origin: LocalOrigin
  readonly undo: Y.UndoManager
  private readonly unsubscribe: () => void

  constructor(
    readonly doc: Y.Doc,
    private readonly options: BoardModelOptions,
  ) {
    this.store = new BoardStore(doc, options.lang)
    this.origin = localOrigin(options.personId)
    this.undo = createUndoManager(doc, this.origin)
    // A selected element deleted (here or by someone else) leaves the selection.
    this.unsubscribe = this.store.subscribe((change) => {
      if (change.structure) this.selection.prune(this.store)
    })
  }

  /** The person behind this browser's edits. */
  get personId(): string | null {
    return this.options.personId
  }

  /** True when edits are refused right now. */
  get readOnly(): boolean {
    return this.options.readOnly()
  }

  /** The context every model operation takes: who, in which meeting, with this session's origin. */
  editContext(): EditContext {
    return { personId: this.options.personId, meeting: this.options.meeting(), origin: this.origin }
  }

  destroy(): void {
    this.unsubscribe()
    this.undo.destroy()
    this.store.destroy()
  }
}

/** The board model of the board being shown. */
export const BoardModelContext = createContext<BoardModel | null>(null)

/** The board model of the nearest provider. */
export function useBoardModel(): BoardModel {
  const m = useContext(BoardModelContext)
  if (!m) throw new Error('useBoardModel outside a board')
  return m
}
