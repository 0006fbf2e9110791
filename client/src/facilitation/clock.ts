/**
 * The server's clock, estimated in the browser, so that every screen shows the same countdown whatever
 * its own clock says (the timer's `endsAt` is server time; controlDoc.ts).
 *
 * Method (as NTP's simplest form): ask `GET /api/time` and note the local time before and after; the
 * server read its clock somewhere in between, most likely near the middle, so
 * `offset = serverNow - (sentAt + receivedAt) / 2`, with an error of at most half the round trip. Several
 * requests are made in a row and the one with the shortest round trip wins (its error bound is the
 * smallest); the best samples of recent syncs are kept, so one slow network moment does not make the
 * estimate worse. The clock syncs again now and then, because the local clock may be adjusted
 * meanwhile (an NTP step, a laptop waking from sleep).
 */

/** One measurement of the offset between the server's clock and ours. */
export interface ClockSample {
  /** Server time minus local time, ms. */
  readonly offset: number
  /** Round trip of the request, ms: the offset is off by at most half of it. */
  readonly rtt: number
  /** Local time the sample was taken. */
  readonly at: number
}

/** The sample a request sent at `sentAt` and answered with `serverNow` at `receivedAt` gives. */
export function clockSample(sentAt: number, serverNow: number, receivedAt: number): ClockSample {
  return {
    offset: serverNow - (sentAt + receivedAt) / 2,
    rtt: Math.max(0, receivedAt - sentAt),
    at: receivedAt,
  }
}

/** The most trustworthy of `samples` (shortest round trip; the newer one on a tie), or `null`. */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null
  for (const s of samples) {
    if (!Number.isFinite(s.offset) || !Number.isFinite(s.rtt)) continue
    if (best === null || s.rtt < best.rtt || (s.rtt === best.rtt && s.at > best.at)) best = s
  }
  return best
}

/** Samples kept across syncs. */
const KEEP_SAMPLES = 12
/** Samples older than this are dropped: the local clock may have drifted or been stepped since. */
const SAMPLE_MAX_AGE_MS = 30 * 60_000

/** What the clock needs from its surroundings (tests pass their own). */
export interface ClockEnvironment {
  /** Asks the server for its time (Unix ms). */
  readonly fetchServerTime: () => Promise<number>
  /** The local clock (Unix ms). */
  readonly now: () => number
}

/** The server's clock as this browser estimates it. */
export class ServerClock {
  private samples: ClockSample[] = []
  private current = 0
  private known = false
  private readonly listeners = new Set<() => void>()

  constructor(private readonly env: ClockEnvironment) {}

  /** The server's time now, by the best estimate so far (the local time until the first sync). */
  now(): number {
    return this.env.now() + this.current
  }

  /** Server time minus local time, ms. */
  get offset(): number {
    return this.current
  }

  /** True once at least one sample was taken. */
  get synced(): boolean {
    return this.known
  }

  /** Half the round trip of the sample in use: how far off the estimate can be, ms. */
  get uncertainty(): number {
    const best = bestSample(this.samples)
    return best ? best.rtt / 2 : Infinity
  }

  /** Takes `rounds` samples one after another and updates the estimate; failed requests are skipped. */
  async sync(rounds = 5): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      try {
        const sentAt = this.env.now()
        const serverNow = await this.env.fetchServerTime()
        const receivedAt = this.env.now()
        if (Number.isFinite(serverNow)) this.add(clockSample(sentAt, serverNow, receivedAt))
      } catch {
        // offline or refused: keep what we have
      }
    }
  }

  /** Adds a sample and recomputes the estimate. */
  add(sample: ClockSample): void {
    const now = this.env.now()
    this.samples = [...this.samples, sample]
      .filter((s) => now - s.at <= SAMPLE_MAX_AGE_MS && s.at <= now + 1000)
      .sort((a, b) => a.rtt - b.rtt)
      .slice(0, KEEP_SAMPLES)
    const best = bestSample(this.samples)
    if (!best) return
    const changed = !this.known || best.offset !== this.current
    this.current = best.offset
    this.known = true
    if (changed) for (const l of this.listeners) l()
  }

  /** Called when the estimate changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** Asks this page's server for its time. */
export async function fetchServerTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' })
  if (!res.ok) throw new Error(`GET /api/time answered ${res.status}`)
  const body = (await res.json()) as { now?: unknown }
  if (typeof body.now !== 'number') throw new Error('GET /api/time gave no time')
  return body.now
}
