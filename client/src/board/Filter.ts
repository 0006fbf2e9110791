/**
 * Filters and search: what matches stays bright, the rest is dimmed (nothing is hidden, so the map keeps
 * its shape). By type, kind, organisation, tag and free text (label, case- and accent-insensitive).
 */
import type { ElementData, ElementType } from '@circleboard/shared'

/** The active filters; empty sets mean "any". */
export interface FilterState {
  readonly types: ReadonlySet<ElementType>
  readonly kinds: ReadonlySet<string>
  readonly orgs: ReadonlySet<string>
  readonly tags: ReadonlySet<string>
  readonly text: string
}

export const NO_FILTER: FilterState = {
  types: new Set(),
  kinds: new Set(),
  orgs: new Set(),
  tags: new Set(),
  text: '',
}

/** Lower case without diacritics, so "forsakring" finds "Försäkringskassan". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** True when no filter is set. */
export function isEmptyFilter(f: FilterState): boolean {
  return (
    f.types.size === 0 && f.kinds.size === 0 && f.orgs.size === 0 && f.tags.size === 0 && f.text.trim() === ''
  )
}

/** True when `e` matches every active filter. */
export function matchesFilter(e: ElementData, f: FilterState): boolean {
  if (f.types.size > 0 && !f.types.has(e.type)) return false
  if (f.kinds.size > 0 && !f.kinds.has(e.kind)) return false
  if (f.orgs.size > 0 && !(f.orgs.has(e.id) || (e.org !== null && f.orgs.has(e.org)))) return false
  if (f.tags.size > 0 && !e.tags.some((t) => f.tags.has(t))) return false
  const q = fold(f.text.trim())
  if (q !== '' && !fold(e.label).includes(q) && !e.tags.some((t) => fold(t).includes(q))) return false
  return true
}

/** The filter of this browser, as a store. */
export class FilterStore {
  private state: FilterState = NO_FILTER
  private readonly listeners = new Set<() => void>()

  get = (): FilterState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  set(patch: Partial<FilterState>): void {
    this.state = { ...this.state, ...patch }
    for (const l of this.listeners) l()
  }

  clear(): void {
    this.set(NO_FILTER)
  }
}
