import { describe, expect, it } from 'vitest'
import { ServerClock, bestSample, clockSample } from '../src/facilitation/clock.js'
import { ZeroSignal, formatCountdown, secondsLeft, timerPhase } from '../src/facilitation/timer.js'
import { throttle } from '../src/facilitation/throttle.js'
import { EMPTY_CONTROL, type TimerState } from '@circleboard/shared'

/** A fake network: the server's clock is `skew` ahead of ours; each request takes `up` + `down` ms. */
function fakeServer(skew: number, trips: readonly [number, number][]) {
  let local = 1_000_000
  let i = 0
  return {
    now: () => local,
    fetchServerTime: async () => {
      const [up, down] = trips[i++ % trips.length] as [number, number]
      local += up
      const server = local + skew
      local += down
      return server
    },
  }
}

describe('server clock', () => {
  it('takes the midpoint of the round trip as the moment the server read its clock', () => {
    const s = clockSample(1000, 5050, 1100)
    expect(s.offset).toBe(4000)
    expect(s.rtt).toBe(100)
  })

  it('keeps the sample with the shortest round trip', () => {
    const best = bestSample([clockSample(0, 100, 40), clockSample(0, 103, 6), clockSample(0, 120, 200)])
    expect(best?.rtt).toBe(6)
    expect(best?.offset).toBe(100)
  })

  it('estimates a 7 s skew within half the best round trip, even over a lopsided network', async () => {
    // Asymmetric trips (slow upload, fast download) fool the midpoint by half the asymmetry; the short
    // trip's error is smallest, and it wins.
    const env = fakeServer(7000, [
      [300, 20],
      [4, 2],
      [80, 400],
      [10, 10],
    ])
    const clock = new ServerClock(env)
    expect(clock.synced).toBe(false)
    await clock.sync(4)
    expect(clock.synced).toBe(true)
    expect(Math.abs(clock.offset - 7000)).toBeLessThanOrEqual(3)
    expect(clock.uncertainty).toBe(3)
    expect(clock.now() - env.now()).toBe(clock.offset)
  })

  it('survives failed requests and keeps the best estimate across syncs', async () => {
    let local = 0
    let call = 0
    const clock = new ServerClock({
      now: () => local,
      fetchServerTime: async () => {
        call++
        if (call === 2) throw new Error('offline')
        local += call === 1 ? 2 : 50
        const t = local - 500
        local += call === 1 ? 2 : 50
        return t
      },
    })
    await clock.sync(3)
    expect(clock.offset).toBe(-500)
    expect(clock.uncertainty).toBe(2)
  })

  it('tells subscribers when the estimate changes', async () => {
    const clock = new ServerClock(fakeServer(100, [[5, 5]]))
    let told = 0
    clock.subscribe(() => told++)
    await clock.sync(2)
    expect(told).toBe(1)
  })
})

const timer = (t: Partial<TimerState>): TimerState => ({ ...EMPTY_CONTROL.timer, ...t })

describe('countdown', () => {
  it('counts whole seconds up, so it reads 0:00 only at zero', () => {
    const t = timer({ running: true, endsAt: 10_000, durationMs: 60_000, remainingMs: 60_000 })
    expect(secondsLeft(t, 9_999)).toBe(1)
    expect(secondsLeft(t, 10_000)).toBe(0)
    expect(secondsLeft(t, 8_500)).toBe(2)
    expect(formatCountdown(65)).toBe('1:05')
    expect(formatCountdown(3600 + 61)).toBe('1:01:01')
    expect(formatCountdown(0)).toBe('0:00')
  })

  it('two screens whose clocks differ by minutes show the same time from the server clock', () => {
    const t = timer({ running: true, endsAt: 1_000_000 + 300_000 })
    const serverNow = 1_000_000
    // Screen A's clock is 3 minutes fast, screen B's 2 minutes slow: each adds its own offset estimate.
    const a = { local: serverNow + 180_000, offset: -180_000 }
    const b = { local: serverNow - 120_000, offset: 120_000 }
    expect(secondsLeft(t, a.local + a.offset)).toBe(300)
    expect(secondsLeft(t, b.local + b.offset)).toBe(300)
  })

  it('knows the phases', () => {
    expect(timerPhase(timer({}), 0)).toBe('idle')
    expect(timerPhase(timer({ running: true, endsAt: 100 }), 50)).toBe('running')
    expect(timerPhase(timer({ running: true, endsAt: 100 }), 100)).toBe('done')
    expect(timerPhase(timer({ remainingMs: 1000, durationMs: 5000 }), 0)).toBe('paused')
  })

  it('signals zero once per run, and not on a screen that opened after zero', () => {
    const z = new ZeroSignal()
    const run = timer({ running: true, endsAt: 1000 })
    expect(z.tick(run, 500)).toBe(false)
    expect(z.tick(run, 1000)).toBe(true)
    expect(z.tick(run, 1200)).toBe(false)
    // A new run (a minute added after zero) signals again.
    const more = timer({ running: true, endsAt: 61_000 })
    expect(z.tick(more, 2000)).toBe(false)
    expect(z.tick(more, 61_000)).toBe(true)
    const late = new ZeroSignal()
    expect(late.tick(run, 5000)).toBe(false)
  })
})

describe('throttle', () => {
  it('runs at once, then at most once per interval, and never loses the last call', () => {
    let now = 0
    const pending: { at: number; fn: () => void }[] = []
    const timers = {
      now: () => now,
      setTimeout: (fn: () => void, ms: number) => {
        const h = { at: now + ms, fn }
        pending.push(h)
        return h
      },
      clearTimeout: (h: unknown) => {
        const i = pending.indexOf(h as { at: number; fn: () => void })
        if (i >= 0) pending.splice(i, 1)
      },
    }
    const advance = (ms: number): void => {
      now += ms
      for (const h of [...pending].filter((p) => p.at <= now)) {
        pending.splice(pending.indexOf(h), 1)
        h.fn()
      }
    }
    let runs = 0
    const t = throttle(() => runs++, 66, timers)
    // A pointer at 120 Hz for one second: 120 calls.
    for (let i = 0; i < 120; i++) {
      t.call()
      advance(1000 / 120)
    }
    advance(100)
    expect(runs).toBeGreaterThanOrEqual(14)
    expect(runs).toBeLessThanOrEqual(17)
    const before = runs
    t.call()
    t.call()
    expect(runs).toBe(before + 1)
    // The second call waits for the interval; flush sends it now.
    t.flush()
    expect(runs).toBe(before + 2)
    t.flush()
    expect(runs).toBe(before + 2)
  })
})
