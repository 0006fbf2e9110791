/** A value outside React with change listeners (`useSyncExternalStore`-ready), as zustand's core. */

/** A small observable value. */
export class Store<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private value: T) {}

  /** The current value (the same object until it changes). */
  get = (): T => this.value

  /** Replaces the value and tells listeners, unless `same` says nothing changed. */
  set(next: T, same: (a: T, b: T) => boolean = Object.is): void {
    if (same(this.value, next)) return
    this.value = next
    for (const l of [...this.listeners]) l()
  }

  /** Changes part of an object value. */
  patch(this: Store<T & object>, part: Partial<T>): void {
    this.set({ ...this.value, ...part })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Structural equality through JSON (small plain values only). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
