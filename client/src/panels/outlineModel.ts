/**
 * The outline's model: every element of the board as an item (type, kind, label) with its links beneath
 * it, invalid records at the end, following the filter. It subscribes to the board store once and rebuilds
 * its items only when something the outline shows changed: a drag (positions only) leaves it alone, which
 * matters while someone drags on a board of 3,000 elements with the outline open.
 *
 * Order: by type (actors, resources, value outcomes, notes, barriers, arenas), then by label in the UI
 * language's collation, then by id, so two people see the same list.
 */
import {
  ELEMENT_TYPES,
  type ElementData,
  type ElementType,
  type InvalidRecord,
  type Language,
  type LinkData,
  type LinkKind,
} from '@circleboard/shared'
import type { BoardChange, BoardStore } from '../board/BoardStore.js'
import { isEmptyFilter, matchesFilter, type FilterState, type FilterStore } from '../board/Filter.js'

/** One link line beneath an element. */
export interface OutlineLink {
  readonly linkId: string
  /** `out`: this element is the link's `from`; `in`: its `to`. */
  readonly direction: 'out' | 'in'
  readonly kind: LinkKind
  readonly label: string
  /** The element at the other end. */
  readonly otherId: string
  readonly otherType: ElementType
  readonly otherLabel: string
}

/** An element of the outline. */
export interface OutlineElementItem {
  readonly item: 'element'
  readonly id: string
  readonly type: ElementType
  readonly kind: string
  readonly label: string
  /** Outgoing links first, then incoming; each group by kind and the other end's label. */
  readonly links: readonly OutlineLink[]
}

/** A record that failed validation, listed with its problems. */
export interface OutlineInvalidItem {
  readonly item: 'invalid'
  readonly id: string
  readonly collection: InvalidRecord['collection']
  readonly problems: readonly string[]
}

/** One item of the outline. */
export type OutlineItem = OutlineElementItem | OutlineInvalidItem

/** A place keyboard focus can be: an item, or one link line of an element item. */
export interface OutlineStop {
  readonly index: number
  /** Index into the item's `links`, or `null` for the item itself. */
  readonly link: number | null
}

const TYPE_ORDER = new Map<ElementType, number>(ELEMENT_TYPES.map((t, i) => [t, i]))

/** What of an element the outline shows (a change elsewhere, such as a move, does not rebuild it). */
function elementKey(e: ElementData): string {
  return `${e.type}\u0000${e.kind}\u0000${e.label}\u0000${e.org ?? ''}\u0000${e.tags.join('\u0001')}`
}

function linkKey(l: LinkData): string {
  return `${l.from}\u0000${l.to}\u0000${l.kind}\u0000${l.label}`
}

/** Builds the outline's items from a store (pure: the model caches what this returns). */
export function buildOutline(
  store: Pick<BoardStore, 'allElements' | 'linksOf' | 'element' | 'invalidRecords'>,
  filter: FilterState | null,
  lang: Language,
): OutlineItem[] {
  const collator = new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    sensitivity: 'base',
    numeric: true,
  })
  const active = filter !== null && !isEmptyFilter(filter) ? filter : null
  const elements = store.allElements().filter((e) => active === null || matchesFilter(e, active))
  elements.sort(
    (a, b) =>
      (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0) ||
      collator.compare(a.label, b.label) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const items: OutlineItem[] = elements.map((e) => {
    const links: OutlineLink[] = []
    for (const l of store.linksOf(e.id)) {
      const direction = l.from === e.id ? 'out' : 'in'
      const other = store.element(direction === 'out' ? l.to : l.from)
      if (!other) continue
      links.push({
        linkId: l.id,
        direction,
        kind: l.kind,
        label: l.label,
        otherId: other.id,
        otherType: other.type,
        otherLabel: other.label,
      })
    }
    links.sort(
      (a, b) =>
        (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1) ||
        a.kind.localeCompare(b.kind) ||
        collator.compare(a.otherLabel, b.otherLabel) ||
        (a.linkId < b.linkId ? -1 : 1),
    )
    return { item: 'element', id: e.id, type: e.type, kind: e.kind, label: e.label, links }
  })
  for (const r of store.invalidRecords()) {
    items.push({ item: 'invalid', id: r.id, collection: r.collection, problems: r.problems })
  }
  return items
}

/** The stops (focus places) of a list of items, in reading order. */
export function outlineStops(items: readonly OutlineItem[]): OutlineStop[] {
  const stops: OutlineStop[] = []
  items.forEach((item, index) => {
    stops.push({ index, link: null })
    if (item.item === 'element') item.links.forEach((_, link) => stops.push({ index, link }))
  })
  return stops
}

/** A stable key of a stop, surviving rebuilds of the list (the focus follows its record). */
export function stopKey(items: readonly OutlineItem[], stop: OutlineStop): string {
  const item = items[stop.index]
  if (!item) return ''
  if (item.item === 'invalid') return `x:${item.collection}:${item.id}`
  if (stop.link === null) return `e:${item.id}`
  const link = item.links[stop.link]
  return link ? `l:${item.id}:${link.linkId}` : `e:${item.id}`
}

/** The stop with `key`, or `null` when it is gone. */
export function findStop(items: readonly OutlineItem[], key: string): OutlineStop | null {
  const [kind, a, b] = key.split(':')
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (kind === 'x' && item.item === 'invalid' && item.collection === a && item.id === b)
      return { index, link: null }
    if (item.item !== 'element' || item.id !== a) continue
    if (kind === 'e') return { index, link: null }
    const link = item.links.findIndex((l) => l.linkId === b)
    return { index, link: link < 0 ? null : link }
  }
  return null
}

/**
 * Keeps the outline's items for a store and a filter, in a language. Subscribed to the store once, and only
 * while someone listens (the outline panel is open): a closed outline costs nothing while people type.
 * `get(lang)` is a cached snapshot for `useSyncExternalStore`: the same array until something the outline
 * shows changed.
 */
export class OutlineModel {
  private items: OutlineItem[] = []
  private elementKeys = new Map<string, string>()
  private linkKeys = new Map<string, string>()
  private builtLang: Language | null = null
  private builtFilter: FilterState | null = null
  private builtRevision = -1
  private invalidCount = 0
  private stale = true
  private readonly listeners = new Set<() => void>()
  private detach: (() => void) | null = null
  /** How many times the items were rebuilt (tests check that a move does not rebuild). */
  builds = 0

  constructor(
    private readonly store: BoardStore,
    private readonly filter: FilterStore,
  ) {}

  /** The items in `lang` (a new array after every rebuild, the same one otherwise). */
  get(lang: Language): readonly OutlineItem[] {
    const missed = this.detach === null && this.store.revision !== this.builtRevision
    if (this.stale || missed || lang !== this.builtLang || this.filter.get() !== this.builtFilter) {
      this.rebuild(lang)
    }
    return this.items
  }

  /** Number of valid elements on the board (filtered or not). */
  get total(): number {
    return this.store.elementCount
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.detach === null) {
      const offStore = this.store.subscribe(this.onChange)
      const offFilter = this.filter.subscribe(this.emit)
      this.detach = () => {
        offStore()
        offFilter()
      }
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.detach?.()
        this.detach = null
      }
    }
  }

  private readonly emit = (): void => {
    for (const l of this.listeners) l()
  }

  private readonly onChange = (change: BoardChange): void => {
    if (this.stale || change.structure || this.relevant(change)) {
      this.stale = true
      this.emit()
    } else {
      this.builtRevision = this.store.revision
    }
  }

  /** True when a changed record differs in something the outline shows. */
  private relevant(change: BoardChange): boolean {
    for (const id of change.elements) {
      const e = this.store.element(id)
      if ((e ? elementKey(e) : undefined) !== this.elementKeys.get(id)) return true
    }
    for (const id of change.links) {
      const l = this.store.link(id)
      if ((l ? linkKey(l) : undefined) !== this.linkKeys.get(id)) return true
    }
    // Invalid records have no key of their own: count them.
    return this.store.invalidRecords().length !== this.invalidCount
  }

  private rebuild(lang: Language): void {
    this.builds++
    this.builtLang = lang
    this.builtFilter = this.filter.get()
    this.builtRevision = this.store.revision
    this.stale = false
    this.items = buildOutline(this.store, this.builtFilter, lang)
    this.elementKeys = new Map(this.store.allElements().map((e) => [e.id, elementKey(e)]))
    this.linkKeys = new Map(this.store.allLinks().map((l) => [l.id, linkKey(l)]))
    this.invalidCount = this.store.invalidRecords().length
  }
}
