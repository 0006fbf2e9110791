/**
 * A meeting starts: a room already holds `shapes` shapes (written by one client that stays connected),
 * and N clients open their sockets in the same tick. Measured: time from the first `connect()` until
 * each client is synced (it got the server's sync step 2; for the relay, its socket opened), and until
 * all are. A few of the N are replicas and must end up with every shape.
 */
import * as Y from 'yjs'
import { distribution } from '../../lib/stats.js'
import { waitFor, waitUntil } from '../../lib/time.js'
import { SimClient, Tally } from '../SimClient.js'
import { closeAll, connectAll } from '../clients.js'
import { SHAPES } from '../probes.js'
import { param, type ScenarioContext, type ScenarioParams, type ScenarioResult } from './types.js'

const REPLICAS = 4

/** Writes `count` small shapes into `client`'s document in one transaction. */
export function writeShapes(client: SimClient, count: number, prefix: string): void {
  client.change((doc) => {
    const shapes = doc.getMap<Y.Map<unknown>>(SHAPES)
    for (let i = 0; i < count; i++) {
      const shape = new Y.Map<unknown>()
      shapes.set(`${prefix}${i}`, shape)
      shape.set('type', 'note')
      shape.set('x', (i * 37) % 2000)
      shape.set('y', (i * 91) % 1500)
      shape.set('label', `Note ${i}`)
    }
  })
}

/** Runs the connect burst described by `params` (clients, shapes, timeoutS). */
export async function runConnect(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult> {
  const n = param(params, 'clients')
  const shapeCount = param(params, 'shapes')
  const { server, signal } = ctx
  const [url] = await server.makeRooms(1)
  if (url === undefined) throw new Error('no room')
  const tally = new Tally()
  const host = new SimClient(url, server.handshake, true, tally)
  const clients = Array.from(
    { length: n },
    (_, i) => new SimClient(url, server.handshake, i < REPLICAS, tally),
  )
  try {
    await connectAll([host], signal)
    if (server.stateful) {
      writeShapes(host, shapeCount, 's')
      // Stored and loaded on the server before the burst: a checker must see every shape.
      const checker = new SimClient(url, server.handshake, true, tally)
      try {
        await connectAll([checker], signal)
        await waitFor(() => checker.doc.getMap(SHAPES).size >= shapeCount, {
          timeoutMs: 10_000,
          signal,
          what: 'the prefilled shapes on the server',
        })
      } finally {
        await checker.close()
      }
    }
    const t0 = performance.now()
    for (const c of clients) c.connect()
    const allSynced = await waitUntil(() => clients.every((c) => c.synced), {
      timeoutMs: param(params, 'timeoutS') * 1000,
      intervalMs: 1,
      signal,
      what: `${n} clients to sync`,
    })
    const synced = clients.filter((c) => c.synced).map((c) => c.syncedAt - t0)
    const opened = clients.filter((c) => !Number.isNaN(c.openedAt)).map((c) => c.openedAt - t0)
    const failed = n - synced.length
    let incomplete = 0
    if (server.stateful) {
      const replicas = clients.slice(0, REPLICAS)
      await waitUntil(() => replicas.every((c) => c.doc.getMap(SHAPES).size >= shapeCount), {
        timeoutMs: 2000,
        signal,
        what: 'replicas to hold every shape',
      })
      incomplete = replicas.filter((c) => c.doc.getMap(SHAPES).size < shapeCount).length
    }
    const s = distribution(synced)
    const o = distribution(opened)
    const metrics = {
      all_synced_ms: allSynced ? Math.max(...synced) : null,
      // The table's p50/p99 columns show the per-client time to synced.
      latency_p50_ms: s.p50,
      latency_p99_ms: s.p99,
      latency_max_ms: s.max,
      open_p50_ms: o.p50,
      open_max_ms: o.max,
      step2_bytes: clients[0]?.step2Bytes ?? null,
      failed,
      incomplete_replicas: incomplete,
      errors: tally.errors,
    }
    const ok = failed === 0 && incomplete === 0 && tally.errors === 0
    return { ok, metrics, details: { error_samples: tally.errorSamples } }
  } finally {
    await closeAll([host, ...clients])
  }
}
