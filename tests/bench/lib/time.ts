/**
 * Bounded waiting. Every wait in the bench has a timeout and honours an AbortSignal (the run's hard
 * deadline), so no loop can outlive its run.
 */

/** Thrown when a bounded wait runs out of time. */
export class WaitTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`timed out after ${ms} ms waiting for ${what}`)
  }
}

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(abortReason(signal as AbortSignal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The error an aborted signal carries (the hard deadline sets a readable one). */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted')
}

/** Options of `waitFor`. */
export interface WaitOptions {
  readonly timeoutMs: number
  /** Polling interval; conditions are cheap counters, so a few ms is fine. */
  readonly intervalMs?: number
  readonly signal?: AbortSignal
  /** For the timeout message. */
  readonly what: string
}

/**
 * Polls `condition` until it holds; resolves with the time it took (ms). Throws `WaitTimeout` after
 * `timeoutMs`, or the abort reason when `signal` aborts.
 */
export async function waitFor(condition: () => boolean, options: WaitOptions): Promise<number> {
  const t0 = performance.now()
  const interval = options.intervalMs ?? 5
  for (;;) {
    if (condition()) return performance.now() - t0
    if (performance.now() - t0 > options.timeoutMs) throw new WaitTimeout(options.what, options.timeoutMs)
    await sleep(interval, options.signal)
  }
}

/** Like `waitFor`, but resolves `false` on timeout instead of throwing (abort still throws). */
export async function waitUntil(condition: () => boolean, options: WaitOptions): Promise<boolean> {
  try {
    await waitFor(condition, options)
    return true
  } catch (err) {
    if (err instanceof WaitTimeout) return false
    throw err
  }
}
