/**
 * Latency probes on observer clients. The send time travels inside what is sent (field `t` of the
 * sender's own shape map, or of its presence state); sender and observer live in this one process, so
 * `applied - t` needs no clock synchronisation. A sample is kept when its send time lies in the
 * measured window. Each probe also remembers the last sequence number (or presence clock) it saw from
 * every other client: at the end that is how lost updates are found.
 */
import * as Y from 'yjs'
import { Samples } from '../lib/stats.js'
import type { MeasureWindow } from './load.js'
import type { AwarenessEntry } from './wire.js'
import type { SimClient } from './SimClient.js'

/** Name of the root map every client writes its shape into. */
export const SHAPES = 'shapes'

/**
 * One drag step of `key`'s shape: x, y, sequence number and send time in one transaction, so one update
 * message. The shape map is created on the first step (with its owner key `k`, which probes read).
 */
export function moveShape(client: SimClient, key: string, seq: number, now: number): void {
  client.change((doc) => {
    const shapes = doc.getMap<Y.Map<unknown>>(SHAPES)
    let shape = shapes.get(key)
    if (!shape) {
      shape = new Y.Map<unknown>()
      shapes.set(key, shape)
      shape.set('k', key)
    }
    shape.set('x', (seq * 7) % 1000)
    shape.set('y', (seq * 13) % 1000)
    shape.set('seq', seq)
    shape.set('t', now)
  })
}

/** Latency of shape moves as one observer sees them. */
export class ShapeProbe {
  readonly lastSeq = new Map<string, number>()
  readonly samples = new Samples()

  constructor(
    doc: Y.Doc,
    private readonly ownKey: string,
    private readonly window: MeasureWindow,
  ) {
    const shapes = doc.getMap<Y.Map<unknown>>(SHAPES)
    shapes.observeDeep((events) => {
      const now = performance.now()
      for (const e of events) {
        // A shape created in this update shows as a change of `shapes`; later moves as changes of the shape.
        if (e.target === shapes) {
          for (const key of (e as Y.YMapEvent<Y.Map<unknown>>).keysChanged) {
            const shape = shapes.get(key)
            if (shape instanceof Y.Map) this.record(shape, now)
          }
        } else if (e.target instanceof Y.Map) {
          this.record(e.target as Y.Map<unknown>, now)
        }
      }
    })
  }

  private record(shape: Y.Map<unknown>, now: number): void {
    const key = shape.get('k')
    const seq = shape.get('seq')
    const t = shape.get('t')
    if (typeof key !== 'string' || key === this.ownKey || typeof seq !== 'number') return
    if (seq <= (this.lastSeq.get(key) ?? -1)) return
    this.lastSeq.set(key, seq)
    if (typeof t === 'number' && t >= this.window.start && t < this.window.end) this.samples.push(now - t)
  }
}

/** Latency of presence (cursor) states as one observer sees them. */
export class AwarenessProbe {
  readonly lastClock = new Map<number, number>()
  readonly samples = new Samples()

  constructor(
    client: SimClient,
    private readonly ownId: number,
    private readonly window: MeasureWindow,
  ) {
    client.onAwareness = (entries, now) => this.receive(entries, now)
  }

  private receive(entries: readonly AwarenessEntry[], now: number): void {
    for (const e of entries) {
      if (e.clientId === this.ownId || e.state === 'null') continue
      if (e.clock <= (this.lastClock.get(e.clientId) ?? -1)) continue
      this.lastClock.set(e.clientId, e.clock)
      const t = (JSON.parse(e.state) as { t?: unknown }).t
      if (typeof t === 'number' && t >= this.window.start && t < this.window.end) this.samples.push(now - t)
    }
  }
}
