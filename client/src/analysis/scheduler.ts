/**
 * When the analysis recomputes: after the board has been quiet for a moment (a drag or a burst of typing
 * is one recomputation, not hundreds), then when the browser is idle, so a computation never delays a
 * frame the person is waiting for. The quiet time grows with the cost of the last computation, so a very
 * large board recomputes less often instead of keeping the main thread busy (measured: all indicators of a
 * 3,000-element board take ~20 ms, well within an idle period; a Web Worker would cost a copy of the board
 * per change for no gain at that size).
 */

/** Runs a task after a quiet period, in an idle callback where the browser has them. */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null
  private idle: number | null = null
  private lastMs = 0

  constructor(
    private readonly task: () => void,
    /** Quiet time before running, in ms (plus twice the last run's duration). */
    private readonly quietMs = 250,
    private readonly env: SchedulerEnv = browserEnv(),
  ) {}

  /** Asks for a run (again); the quiet period starts over. */
  request(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(
      () => {
        this.timer = null
        if (this.idle !== null) return
        this.idle = this.env.whenIdle(() => {
          this.idle = null
          const t0 = this.env.now()
          this.task()
          this.lastMs = this.env.now() - t0
        })
      },
      this.quietMs + 2 * this.lastMs,
    )
  }

  /** How long the last run took, in ms. */
  get lastDuration(): number {
    return this.lastMs
  }

  /** Cancels what is pending. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.idle !== null) this.env.cancelIdle(this.idle)
    this.idle = null
  }
}

/** Where the scheduler gets idle time and the clock (replaced in tests). */
export interface SchedulerEnv {
  whenIdle(run: () => void): number
  cancelIdle(handle: number): void
  now(): number
}

/** requestIdleCallback (at most 500 ms late), or a timeout where it does not exist. */
export function browserEnv(): SchedulerEnv {
  const g = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number
    cancelIdleCallback?: (h: number) => void
  }
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const request = g.requestIdleCallback.bind(g)
    const cancel = g.cancelIdleCallback.bind(g)
    return {
      whenIdle: (run) => request(run, { timeout: 500 }),
      cancelIdle: cancel,
      now: () => performance.now(),
    }
  }
  return {
    whenIdle: (run) => setTimeout(run, 0) as unknown as number,
    cancelIdle: (h) => clearTimeout(h),
    now: () => performance.now(),
  }
}
