/**
 * The room's outbox (server/src/sync/Outbox.ts): updates are stored before anyone gets them, a turn's
 * frames reach each connection in one write, and a big room's deliveries are paced (what arrives during the
 * pause goes out together) while a small room's never are. Timers are Vitest's fake ones, so the pacing is
 * checked by what was written when, not by how long anything took.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_PACE_MS, Outbox, PACE_US_PER_RECIPIENT } from '../../src/sync/Outbox.js'
import type { Connection } from '../../src/sync/Connection.js'
import { encodeFrames } from '../../src/sync/wsFrame.js'

/** A connection that records the bytes written to it. */
function recorder(): Connection & { writes: Buffer[] } {
  const writes: Buffer[] = []
  return {
    writes,
    closed: false,
    backlog: 0,
    raw: true,
    writeFrames: (wire: Buffer) => writes.push(wire),
  } as unknown as Connection & { writes: Buffer[] }
}

/** An outbox for `n` recording connections; `events` lists stores and writes in the order they happened. */
function room(n: number) {
  const conns = Array.from({ length: n }, recorder)
  const events: string[] = []
  const outbox = new Outbox({
    connections: () => conns,
    store: async (updates) => {
      events.push(`store ${updates.length}`)
    },
    stored: () => undefined,
    failed: (err) => {
      throw err
    },
    tooSlow: () => undefined,
    maxBacklog: 1 << 20,
    delivered: (messages) => {
      events.push(`deliver ${messages}`)
    },
    open: () => true,
  })
  let next = 0
  /** Queues one update (its frame is its number, a byte). */
  const update = (): Uint8Array => {
    const frame = Uint8Array.of(next++)
    outbox.update(frame, frame)
    return frame
  }
  return { conns, events, outbox, update }
}

/** Lets the queued turn (`setImmediate`) and the store's promise run, without moving the clock. */
async function turn(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the outbox', () => {
  it('stores a turn’s updates before it delivers them, in one write per connection', async () => {
    const { conns, events, update } = room(3)
    const a = update()
    const b = update()
    expect(events).toEqual([])
    await turn()
    expect(events).toEqual(['store 2', 'deliver 6'])
    for (const c of conns) expect(c.writes).toEqual([encodeFrames([a, b])])
  })

  it('never paces a small room: each turn’s update goes out in that turn', async () => {
    const { conns, update } = room(4)
    // 4 connections: a pause of 80 µs, shorter than is worth a timer.
    expect((4 * PACE_US_PER_RECIPIENT) / 1000).toBeLessThan(0.5)
    for (let i = 0; i < 5; i++) {
      update()
      await turn()
      expect(conns[0]!.writes).toHaveLength(i + 1)
    }
  })

  it('paces a big room: what arrives during the pause after a delivery goes out together at its end', async () => {
    const { conns, update } = room(100)
    const pauseMs = Math.min(MAX_PACE_MS, (100 * PACE_US_PER_RECIPIENT) / 1000)
    expect(pauseMs).toBe(2)
    const first = update()
    await turn()
    expect(conns[0]!.writes).toEqual([encodeFrames([first])])
    // Three updates in the next turns: none is delivered before the pause is over...
    const later = [update()]
    await turn()
    later.push(update())
    await turn()
    later.push(update())
    await vi.advanceTimersByTimeAsync(pauseMs - 0.1)
    expect(conns[0]!.writes).toHaveLength(1)
    // ...and then all three in one write to each connection.
    await vi.advanceTimersByTimeAsync(0.2)
    for (const c of conns) expect(c.writes).toEqual([encodeFrames([first]), encodeFrames(later)])
    // A quiet room is not paced: the pause only follows a delivery.
    await vi.advanceTimersByTimeAsync(10)
    const alone = update()
    await turn()
    expect(conns[99]!.writes.at(-1)).toEqual(encodeFrames([alone]))
  })

  it('does not make a graceful stop wait for the pause: settle delivers at once', async () => {
    const { conns, outbox, update } = room(100)
    update()
    await turn()
    const b = update()
    const settled = outbox.settle()
    await turn()
    await settled
    expect(conns[0]!.writes.at(-1)).toEqual(encodeFrames([b]))
    expect(outbox.busy()).toBe(false)
  })
})
