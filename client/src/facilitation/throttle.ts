/**
 * A leading-and-trailing throttle: the first call runs at once, later calls within `intervalMs` are
 * folded into one call at the end of the interval. Presence uses it so that a pointer moving at 120 Hz
 * sends about 15 cursor updates a second (a room of 50 stays light), and the last position is never lost.
 */

/** The timers a throttle uses (tests pass fake ones). */
export interface ThrottleTimers {
  readonly now: () => number
  readonly setTimeout: (fn: () => void, ms: number) => unknown
  readonly clearTimeout: (handle: unknown) => void
}

const realTimers: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

/** A throttled action. */
export interface Throttled {
  /** Asks for the action; it runs now or at the end of the current interval. */
  call(): void
  /** Runs a pending action now. */
  flush(): void
  /** Drops a pending action. */
  cancel(): void
}

/** Throttles `fn` to at most one run per `intervalMs`. */
export function throttle(fn: () => void, intervalMs: number, timers: ThrottleTimers = realTimers): Throttled {
  let last = -Infinity
  let handle: unknown = null
  const run = (): void => {
    handle = null
    last = timers.now()
    fn()
  }
  return {
    call() {
      if (handle !== null) return
      const wait = last + intervalMs - timers.now()
      if (wait <= 0) run()
      else handle = timers.setTimeout(run, wait)
    },
    flush() {
      if (handle === null) return
      timers.clearTimeout(handle)
      run()
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle)
      handle = null
    },
  }
}
