/**
 * The client's view of a board document: validated records, their drawings, a spatial index, and
 * subscriptions at the granularity of one element. Yjs stays the source of truth; this store only keeps
 * what was read from it, and re-reads exactly the records a transaction touched:
 * - `elements.observeDeep`: an event on the root map adds, replaces or removes elements; an event deeper
 *   down (a field, the label's Y.Text) names its element in `event.path[0]`;
 * - `links.observeDeep`: the same for links.
 * Each transaction ends in one notification: per-element listeners for the ids it touched (an element's
 * drawing re-renders and nothing else), and one board-wide notification carrying the changed ids
 * (the culling pass, the outline, the links layer).
 */
import type * as Y from 'yjs'
import {
  DocName,
  compareZ,
  elementDrawing,
  linkDrawing,
  readElement,
  readLink,
  type Box,
  type ElementData,
  type ElementDrawing,
  type InvalidRecord,
  type Language,
  type LinkData,
  type LinkDrawing,
  type Primitive,
  visibleText,
} from '@circleboard/shared'
import { SpatialIndex } from './SpatialIndex.js'

/** What changed in one transaction. */
export interface BoardChange {
  readonly elements: ReadonlySet<string>
  readonly links: ReadonlySet<string>
  /** True when the set of elements or their stacking changed (added, removed, `z`). */
  readonly structure: boolean
  /** True when the change came from this browser (an edit here) rather than from the server or cache. */
  readonly local: boolean
}

interface ElementEntry {
  data: ElementData
  drawing: ElementDrawing | null
  shape: ElementDrawing | null
  outline: Primitive | null
}

interface LinkEntry {
  data: LinkData
  drawing: LinkDrawing | null
}

/** Validated, indexed, drawable records of one board document. */
export class BoardStore {
  readonly index = new SpatialIndex()
  private readonly elements = new Map<string, ElementEntry>()
  private readonly links = new Map<string, LinkEntry>()
  private readonly linksByElement = new Map<string, Set<string>>()
  private readonly invalidElements = new Map<string, InvalidRecord>()
  private readonly invalidLinks = new Map<string, InvalidRecord>()
  private readonly elementListeners = new Map<string, Set<() => void>>()
  private readonly listeners = new Set<(change: BoardChange) => void>()
  private sorted: ElementData[] | null = null
  /** Where each element is in `sorted`, so a move replaces its record there instead of re-sorting. */
  private sortedAt = new Map<string, number>()
  private version = 0
  private readonly elementsMap: Y.Map<unknown>
  private readonly linksMap: Y.Map<unknown>

  constructor(
    readonly doc: Y.Doc,
    private lang: Language,
  ) {
    this.elementsMap = doc.getMap<unknown>(DocName.elements)
    this.linksMap = doc.getMap<unknown>(DocName.links)
    for (const id of this.elementsMap.keys()) this.readElementRecord(id)
    for (const id of this.linksMap.keys()) this.readLinkRecord(id)
    this.elementsMap.observeDeep(this.onElements)
    this.linksMap.observeDeep(this.onLinks)
    doc.on('afterTransaction', this.onAfterTransaction)
  }

  /** Increases with every change: a cheap snapshot key for `useSyncExternalStore`. */
  get revision(): number {
    return this.version
  }

  /** The UI language, which decides the words drawn (accessible titles, arena titles). */
  setLanguage(lang: Language): void {
    if (lang === this.lang) return
    this.lang = lang
    for (const e of this.elements.values()) {
      e.drawing = null
      e.shape = null
      e.outline = null
    }
    for (const l of this.links.values()) l.drawing = null
    this.emit({
      elements: new Set(this.elements.keys()),
      links: new Set(this.links.keys()),
      structure: false,
      local: true,
    })
  }

  /** A valid element by id. */
  element(id: string): ElementData | undefined {
    return this.elements.get(id)?.data
  }

  /** A valid link by id. */
  link(id: string): LinkData | undefined {
    return this.links.get(id)?.data
  }

  /** Every valid element in drawing order (arenas first, then by `z`). */
  allElements(): readonly ElementData[] {
    if (!this.sorted) {
      const all = [...this.elements.values()].map((e) => e.data)
      this.sorted = [
        ...all.filter((e) => e.type === 'arena').sort(compareZ),
        ...all.filter((e) => e.type !== 'arena').sort(compareZ),
      ]
      this.sortedAt = new Map(this.sorted.map((e, i) => [e.id, i]))
    }
    return this.sorted
  }

  /** Every valid link whose both ends are valid elements. */
  allLinks(): LinkData[] {
    const out: LinkData[] = []
    for (const { data } of this.links.values())
      if (this.elements.has(data.from) && this.elements.has(data.to)) out.push(data)
    return out
  }

  /** Links touching an element. */
  linksOf(elementId: string): LinkData[] {
    const ids = this.linksByElement.get(elementId)
    if (!ids) return []
    return [...ids].map((id) => this.links.get(id)?.data).filter((l): l is LinkData => l !== undefined)
  }

  /** Records that failed validation, shown as invalid in the outline. */
  invalidRecords(): InvalidRecord[] {
    return [...this.invalidElements.values(), ...this.invalidLinks.values()]
  }

  /** Number of valid elements. */
  get elementCount(): number {
    return this.elements.size
  }

  /** The drawing of an element (computed once per change). */
  drawing(id: string): ElementDrawing | undefined {
    const entry = this.elements.get(id)
    if (!entry) return undefined
    entry.drawing ??= elementDrawing(entry.data, { lang: this.lang })
    return entry.drawing
  }

  /**
   * The element's shape: its drawing without the label laid out (outline, decorations and icon are the
   * same as in `drawing`, and `label` too; `title` names only the type). Computed once per change, and
   * cheaply: what needs no text (outlines on a zoomed-out board, hit testing, where links meet the
   * element) uses it, so a board of thousands of elements is never laid out as text all at once.
   */
  shape(id: string): ElementDrawing | undefined {
    const entry = this.elements.get(id)
    if (!entry) return undefined
    if (entry.drawing) return entry.drawing
    if (!entry.shape) {
      const stored = entry.data.label
      const visible = visibleText(stored)
      // The stored string when nothing was filtered out: visibleText builds its result a character at a
      // time, and that rope would be kept for as long as the shape.
      const label = visible === stored ? stored : visible
      entry.shape = { ...elementDrawing({ ...entry.data, label: '' }, { lang: this.lang }), label }
    }
    return entry.shape
  }

  /**
   * The element's outline alone (the first primitive of its drawing), kept without the rest of the
   * drawing: what a board seen whole draws of each element, so that showing thousands of them keeps
   * thousands of outlines in memory, not thousands of drawings.
   */
  outline(id: string): Primitive | undefined {
    const entry = this.elements.get(id)
    if (!entry) return undefined
    const drawn = entry.drawing ?? entry.shape
    if (drawn) return drawn.primitives[0]
    entry.outline ??= elementDrawing({ ...entry.data, label: '' }, { lang: this.lang }).primitives[0] ?? null
    return entry.outline ?? undefined
  }

  /** The drawing of a link, or `undefined` when an end is missing. */
  linkDrawingOf(id: string): LinkDrawing | undefined {
    const entry = this.links.get(id)
    if (!entry) return undefined
    // Only the ends' outlines and labels matter to a link (where it meets them, and its title).
    const from = this.shape(entry.data.from)
    const to = this.shape(entry.data.to)
    if (!from || !to) return undefined
    entry.drawing ??= linkDrawing(entry.data, from, to, { lang: this.lang })
    return entry.drawing
  }

  /** Ids of the elements whose boxes overlap `area` (board units). */
  query(area: Box): Set<string> {
    return this.index.query(area)
  }

  /** Subscribes to one element; fires when it changes or goes away. */
  subscribeElement(id: string, listener: () => void): () => void {
    let set = this.elementListeners.get(id)
    if (!set) this.elementListeners.set(id, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.elementListeners.delete(id)
    }
  }

  /** Subscribes to every change, once per transaction. */
  subscribe(listener: (change: BoardChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stops observing the document. */
  destroy(): void {
    this.elementsMap.unobserveDeep(this.onElements)
    this.linksMap.unobserveDeep(this.onLinks)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.listeners.clear()
    this.elementListeners.clear()
  }

  // Changes collected during a transaction, emitted after it.
  private pendingElements = new Set<string>()
  private pendingLinks = new Set<string>()
  private pendingStructure = false

  private readonly onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === this.elementsMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) this.pendingElements.add(key)
        this.pendingStructure = true
      } else {
        const id = event.path[0]
        if (typeof id === 'string') this.pendingElements.add(id)
      }
    }
  }

  private readonly onLinks = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === this.linksMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) this.pendingLinks.add(key)
      } else {
        const id = event.path[0]
        if (typeof id === 'string') this.pendingLinks.add(id)
      }
    }
  }

  private readonly onAfterTransaction = (tr: Y.Transaction): void => {
    if (this.pendingElements.size === 0 && this.pendingLinks.size === 0) return
    const elements = this.pendingElements
    const links = this.pendingLinks
    let structure = this.pendingStructure
    this.pendingElements = new Set()
    this.pendingLinks = new Set()
    this.pendingStructure = false
    for (const id of elements) {
      const before = this.elements.get(id)?.data
      this.readElementRecord(id)
      const after = this.elements.get(id)?.data
      if (!before || !after || before.z !== after.z || before.type !== after.type) structure = true
      // Links drawn to a changed element move with it.
      for (const linkId of this.linksByElement.get(id) ?? []) {
        const l = this.links.get(linkId)
        if (l) l.drawing = null
        links.add(linkId)
      }
    }
    for (const id of links) this.readLinkRecord(id)
    if (structure) this.sorted = null
    this.emit({ elements, links, structure, local: tr.local })
  }

  private emit(change: BoardChange): void {
    this.version++
    for (const id of change.elements) for (const l of this.elementListeners.get(id) ?? []) l()
    for (const l of this.listeners) l(change)
  }

  private readElementRecord(id: string): void {
    const value = this.elementsMap.get(id)
    if (value === undefined) {
      this.elements.delete(id)
      this.invalidElements.delete(id)
      this.index.delete(id)
      this.sorted = null
      return
    }
    const result = readElement(id, value)
    if (result.ok) {
      const data = result.value
      const before = this.elements.get(id)?.data
      this.elements.set(id, { data, drawing: null, shape: null, outline: null })
      this.invalidElements.delete(id)
      this.index.set(id, { x: data.x, y: data.y, w: data.w, h: data.h })
      // Same place in the drawing order (a move, a new label): no re-sort, which a drag would otherwise
      // cost every frame on a big board.
      const at = this.sortedAt.get(id)
      if (this.sorted && before && before.z === data.z && before.type === data.type && at !== undefined) {
        // A copy: an array handed out earlier stays as it was.
        this.sorted = this.sorted.slice()
        this.sorted[at] = data
        return
      }
    } else {
      this.elements.delete(id)
      this.index.delete(id)
      this.invalidElements.set(id, result.invalid)
    }
    this.sorted = null
  }

  private readLinkRecord(id: string): void {
    const old = this.links.get(id)?.data
    if (old) {
      this.linksByElement.get(old.from)?.delete(id)
      this.linksByElement.get(old.to)?.delete(id)
    }
    const value = this.linksMap.get(id)
    if (value === undefined) {
      this.links.delete(id)
      this.invalidLinks.delete(id)
      return
    }
    const result = readLink(id, value)
    if (!result.ok) {
      this.links.delete(id)
      this.invalidLinks.set(id, result.invalid)
      return
    }
    const data = result.value
    this.links.set(id, { data, drawing: null })
    this.invalidLinks.delete(id)
    for (const end of [data.from, data.to]) {
      let set = this.linksByElement.get(end)
      if (!set) this.linksByElement.set(end, (set = new Set()))
      set.add(id)
    }
  }
}
