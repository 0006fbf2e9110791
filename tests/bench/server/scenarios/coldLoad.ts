/**
 * Loading a big board: one client prefills a room with E shapes (a Y.Map of 8 fields each, written in
 * transactions of 100, then moved once so the document carries tombstones like a used board), then L
 * fresh clients load it one after another. Measured per load: connect -> socket open, -> sync step 2
 * received (and its size), -> the whole document present (every shape and the end marker).
 *
 * Hot: the prefill client stays connected, so the room is in memory. Cold: everyone leaves and each
 * load waits `settleMs`, long enough for the server to unload the room (circleboard runs with a short
 * ROOM_IDLE_MS here and its /healthz must report no loaded room), so the room comes from storage.
 */
import * as Y from 'yjs'
import { distribution } from '../../lib/stats.js'
import { sleep, waitFor, waitUntil } from '../../lib/time.js'
import { SimClient, Tally } from '../SimClient.js'
import { closeAll, connectAll } from '../clients.js'
import { SHAPES } from '../probes.js'
import { param, type ScenarioContext, type ScenarioParams, type ScenarioResult } from './types.js'

const BATCH = 100
const MARKER = 'bench'
const TYPES = ['actor', 'resource', 'value', 'note', 'barrier'] as const

/** Writes `count` shapes in transactions of 100, moves every one once, and sets the end marker. */
function prefill(client: SimClient, count: number): void {
  for (let start = 0; start < count; start += BATCH) {
    client.change((doc) => {
      const shapes = doc.getMap<Y.Map<unknown>>(SHAPES)
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const shape = new Y.Map<unknown>()
        shapes.set(`shape-${i}`, shape)
        shape.set('type', TYPES[i % TYPES.length])
        shape.set('x', (i * 37) % 4000)
        shape.set('y', (i * 91) % 3000)
        shape.set('w', 160)
        shape.set('h', 90)
        shape.set('label', `Element ${i}: a label of about the length people write on a board`)
        shape.set('color', `#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}`)
        shape.set('z', `a${i.toString(36)}`)
      }
    })
  }
  for (let start = 0; start < count; start += BATCH) {
    const last = start + BATCH >= count
    client.change((doc) => {
      const shapes = doc.getMap<Y.Map<unknown>>(SHAPES)
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const shape = shapes.get(`shape-${i}`)
        shape?.set('x', ((i * 37) % 4000) + 5)
        shape?.set('y', ((i * 91) % 3000) + 5)
      }
      if (last) doc.getMap(MARKER).set('done', true)
    })
  }
}

function complete(doc: Y.Doc, count: number): boolean {
  return doc.getMap(SHAPES).size >= count && doc.getMap(MARKER).get('done') === true
}

/** Runs the load described by `params` (shapes, loads, cold 0/1, settleMs, timeoutS). */
export async function runColdLoad(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult> {
  const count = param(params, 'shapes')
  const loads = param(params, 'loads')
  const cold = param(params, 'cold') === 1
  const settleMs = param(params, 'settleMs')
  const { server, signal } = ctx
  const [url] = await server.makeRooms(1)
  if (url === undefined) throw new Error('no room')
  const tally = new Tally()
  const writer = new SimClient(url, server.handshake, true, tally)
  const open: SimClient[] = [writer]
  try {
    await connectAll([writer], signal)
    const t0 = performance.now()
    prefill(writer, count)
    const checker = new SimClient(url, server.handshake, true, tally)
    open.push(checker)
    await connectAll([checker], signal)
    await waitFor(() => complete(checker.doc, count), {
      timeoutMs: 30_000,
      signal,
      what: 'the prefilled board on the server',
    })
    const prefillMs = performance.now() - t0
    const stateBytes = Y.encodeStateAsUpdate(checker.doc).length
    await checker.close()
    if (cold) await writer.close()

    const loadMs: number[] = []
    const step2Ms: number[] = []
    const openMs: number[] = []
    const step2Bytes: number[] = []
    let incomplete = 0
    let notUnloaded = 0
    for (let l = 0; l < loads; l++) {
      await sleep(cold ? settleMs : 200, signal)
      if (cold) {
        const loaded = await server.loadedRooms()
        if (loaded !== null && loaded > 0) notUnloaded++
      }
      const client = new SimClient(url, server.handshake, true, tally)
      open.push(client)
      let doneAt = Number.NaN
      client.onApplied = (now) => {
        if (Number.isNaN(doneAt) && complete(client.doc, count)) doneAt = now
      }
      client.connect()
      const done = await waitUntil(() => !Number.isNaN(doneAt), {
        timeoutMs: param(params, 'timeoutS') * 1000,
        intervalMs: 1,
        signal,
        what: 'the whole board at a fresh client',
      })
      if (done) loadMs.push(doneAt - client.startedAt)
      else incomplete++
      if (client.synced) {
        step2Ms.push(client.syncedAt - client.startedAt)
        step2Bytes.push(client.step2Bytes)
      }
      if (!Number.isNaN(client.openedAt)) openMs.push(client.openedAt - client.startedAt)
      await client.close()
    }
    const load = distribution(loadMs)
    const step2 = distribution(step2Ms)
    const metrics = {
      load_p50_ms: load.p50,
      load_max_ms: load.max,
      // The table's p50/p99 columns show the load time.
      latency_p50_ms: load.p50,
      latency_p99_ms: load.p99,
      step2_p50_ms: step2.p50,
      open_p50_ms: distribution(openMs).p50,
      step2_bytes: distribution(step2Bytes).p50,
      state_bytes: stateBytes,
      prefill_ms: prefillMs,
      incomplete_loads: incomplete,
      not_unloaded: cold ? notUnloaded : null,
      errors: tally.errors,
    }
    const ok = incomplete === 0 && notUnloaded === 0 && tally.errors === 0
    return {
      ok,
      metrics,
      details: {
        load_ms: loadMs,
        step2_ms: step2Ms,
        step2_bytes: step2Bytes,
        error_samples: tally.errorSamples,
      },
    }
  } finally {
    await closeAll(open)
  }
}
