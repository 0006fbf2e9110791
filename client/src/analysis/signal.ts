/** A value outside React with change listeners, ready for `useSyncExternalStore`. */

/** A small observable value: the same object until `set` replaces it. */
export class Signal<T> {
  private readonly listeners = new Set<() => void>()

  constructor(private value: T) {}

  /** The current value. */
  get = (): T => this.value

  /** Replaces the value and tells listeners (unless it is the same value). */
  set(next: T): void {
    if (Object.is(next, this.value)) return
    this.value = next
    for (const l of [...this.listeners]) l()
  }

  /** Listens to changes; returns the removal. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
