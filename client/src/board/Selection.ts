/** What is selected: element and link ids. A tiny store, subscribed to by the canvas and the panels. */

/** A selection snapshot. */
export interface SelectionState {
  readonly elements: ReadonlySet<string>
  readonly links: ReadonlySet<string>
}

const EMPTY: SelectionState = { elements: new Set(), links: new Set() }

/** The selection of this browser. */
export class Selection {
  private state: SelectionState = EMPTY
  private readonly listeners = new Set<() => void>()

  get = (): SelectionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Replaces the selection. */
  set(elements: Iterable<string>, links: Iterable<string> = []): void {
    const next = { elements: new Set(elements), links: new Set(links) }
    if (sameSet(next.elements, this.state.elements) && sameSet(next.links, this.state.links)) return
    this.state = next
    for (const l of this.listeners) l()
  }

  /** Adds or removes one element (shift-click). */
  toggleElement(id: string): void {
    const elements = new Set(this.state.elements)
    if (elements.has(id)) elements.delete(id)
    else elements.add(id)
    this.set(elements, this.state.links)
  }

  /** Adds or removes one link. */
  toggleLink(id: string): void {
    const links = new Set(this.state.links)
    if (links.has(id)) links.delete(id)
    else links.add(id)
    this.set(this.state.elements, links)
  }

  clear(): void {
    this.set([], [])
  }

  /** Drops ids that no longer exist. */
  prune(exists: { element(id: string): unknown; link(id: string): unknown }): void {
    const elements = [...this.state.elements].filter((id) => exists.element(id))
    const links = [...this.state.links].filter((id) => exists.link(id))
    this.set(elements, links)
  }

  get isEmpty(): boolean {
    return this.state.elements.size === 0 && this.state.links.size === 0
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false
  for (const x of a) if (!b.has(x)) return false
  return true
}
