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
  type ElementType,
  type Language,
  type LocalOrigin,
  type Point,
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

/**
 * Draws on top of the board's elements, in board coordinates (vote counts, compare highlights, analysis
 * overlays). Called when the board layer draws; call `decorations.changed()` to redraw.
 */
export type Decoration = (ctx: CanvasRenderingContext2D, scale: number) => void

/** A feature's say in how an element is drawn: `dim` fades it (filters, analysis overlays). */
export type ElementTint = (id: string) => { readonly dim?: boolean } | null

/**
 * Intercepts a click on an element (voting places a vote instead of selecting). Return true when the
 * click was handled.
 */
export type ClickInterceptor = (id: string) => boolean

/**
 * Intercepts the creation of an element (a silent brainstorm writes new notes to the person's drafts).
 * Return the id of what was created instead, or `undefined` to let the board create it as usual.
 */
export type CreateInterceptor = (type: ElementType, at: Point) => string | null | undefined

/** What a label editor is about to write: the record, the shared text now, and what the person typed. */
export interface TextChange {
  readonly target: 'element' | 'link'
  readonly id: string
  /** The text the document holds now. */
  readonly before: string
  /** The text the person typed. */
  readonly after: string
}

/**
 * Consulted by every label editor before it writes (the personal-data warning holds back what looks like
 * a personal identity number, an e-mail address or a phone number, before anyone else can see it).
 */
export interface TextGuard {
  /**
   * True holds `change` back: the editor does not write it and keeps showing what was typed. The guard
   * then owns the change: it tells the person why, and writes it (changed or not) when they choose.
   */
  hold(change: TextChange): boolean
  /** The text the person should see in a record's editor while a change to it is held back, or `null`. */
  held(target: 'element' | 'link', id: string): string | null
  /** The person stopped editing the record (Enter, Escape, or left the field). */
  done(target: 'element' | 'link', id: string): void
}

/** A set of hooks that features add to and remove from, with one change signal. */
export class Hooks<T> {
  private readonly items = new Set<T>()
  private readonly listeners = new Set<() => void>()

  /** Adds a hook; returns its removal. */
  add(item: T): () => void {
    this.items.add(item)
    this.changed()
    return () => {
      this.items.delete(item)
      this.changed()
    }
  }

  all(): readonly T[] {
    return [...this.items]
  }

  /** Tells subscribers (the canvas) that what the hooks produce changed. */
  changed(): void {
    for (const l of this.listeners) l()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** The per-board, per-browser state of the board view. */
export class BoardModel {
  readonly store: BoardStore
  readonly camera = new Camera()
  readonly selection = new Selection()
  readonly filter = new FilterStore()
  readonly origin: LocalOrigin
  readonly undo: Y.UndoManager
  /** Drawings above the elements. */
  readonly decorations = new Hooks<Decoration>()
  /** Per-element tints (fading). */
  readonly tints = new Hooks<ElementTint>()
  /** Element clicks taken over by a feature. */
  readonly clickInterceptors = new Hooks<ClickInterceptor>()
  /** Element creation taken over by a feature. */
  readonly createInterceptors = new Hooks<CreateInterceptor>()
  /** Label changes held back before they are shared; guards call `textGuards.changed()` when theirs change. */
  readonly textGuards = new Hooks<TextGuard>()
  private meetingProvider: () => number | null
  private readOnlyProviders = new Set<() => string | null>()
  private readonly unsubscribe: () => void

  constructor(
    readonly doc: Y.Doc,
    private readonly options: BoardModelOptions,
  ) {
    this.store = new BoardStore(doc, options.lang)
    this.meetingProvider = options.meeting
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
    return this.readOnlyReason() !== null
  }

  /** Why edits are refused right now (a viewer link, a locked board), or `null`. */
  readOnlyReason(): string | null {
    if (this.options.readOnly()) return 'viewer'
    for (const p of this.readOnlyProviders) {
      const reason = p()
      if (reason !== null) return reason
    }
    return null
  }

  /** Adds a source of read-only state (the facilitator's lock); returns its removal. */
  addReadOnlyProvider(provider: () => string | null): () => void {
    this.readOnlyProviders.add(provider)
    return () => this.readOnlyProviders.delete(provider)
  }

  /** Sets where the running meeting's number comes from (the control document). */
  setMeetingProvider(provider: () => number | null): void {
    this.meetingProvider = provider
  }

  /** Whether a guard holds `change` back; label editors ask before every write and skip it when true. */
  guardText(change: TextChange): boolean {
    for (const guard of this.textGuards.all()) if (guard.hold(change)) return true
    return false
  }

  /** What a label editor should show for a record while a guard holds a change to it back, or `null`. */
  heldText(target: 'element' | 'link', id: string): string | null {
    for (const guard of this.textGuards.all()) {
      const text = guard.held(target, id)
      if (text !== null) return text
    }
    return null
  }

  /** Label editors call this when the person stops editing a record. */
  textEditDone(target: 'element' | 'link', id: string): void {
    for (const guard of this.textGuards.all()) guard.done(target, id)
  }

  /** The context every model operation takes: who, in which meeting, with this session's origin. */
  editContext(): EditContext {
    return { personId: this.options.personId, meeting: this.meetingProvider(), origin: this.origin }
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
