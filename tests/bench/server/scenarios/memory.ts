/**
 * Memory cost of what a server holds while people are idle, from the server's RSS (VmRSS):
 * - per idle loaded room: N rooms each get one client that writes a small document; the clients leave
 *   while the rooms stay loaded (circleboard keeps a room ROOM_IDLE_MS = 30 s after its last client;
 *   the in-memory reference keeps it for good). (RSS after they left - RSS before) / N.
 * - per connection: M idle connections in one room; (RSS with them - RSS before) / M.
 * A warm-up round first (its own rooms, its own connections) so lazily loaded code and JIT output are
 * in the baseline rather than in the first rooms' share. RSS is the median of several samples after a
 * pause, because V8 grows and trims its heap in steps; it is still a coarse figure (a few MB of noise
 * over N), which is why N is in the hundreds. Beside it, the retained figure: JS heap + external memory
 * after two full collections (gcProbe.ts), which is what the objects of a room or connection really
 * keep alive (native memory outside V8, such as SQLite's page cache, shows only in RSS).
 */
import { median } from '../../lib/stats.js'
import { sleep } from '../../lib/time.js'
import { SimClient, Tally } from '../SimClient.js'
import { closeAll, connectAll } from '../clients.js'
import { param, type ScenarioContext, type ScenarioParams, type ScenarioResult } from './types.js'
import { writeShapes } from './connect.js'

const WARMUP = 20

/** A memory reading: RSS (median of samples) and, with the gc probe, retained heap + external, in MB. */
interface Reading {
  readonly rss: number | null
  readonly retained: number | null
}

/** Collects garbage in the server (gc probe), then takes the median of `count` RSS samples. */
async function reading(ctx: ScenarioContext, count = 5, everyMs = 100): Promise<Reading> {
  const heap = await ctx.server.heap()
  const xs: (number | null)[] = []
  for (let i = 0; i < count; i++) {
    xs.push(ctx.rss.sample())
    await sleep(everyMs, ctx.signal)
  }
  return { rss: median(xs), retained: heap ? heap.heapUsedMb + heap.externalMb : null }
}

const perUnitKb = (after: number | null, before: number | null, n: number): number | null =>
  after !== null && before !== null ? ((after - before) * 1024) / n : null

/** One client per room, each writing `shapes` shapes; returns once every client is synced and written. */
async function fillRooms(urls: readonly string[], ctx: ScenarioContext, tally: Tally, shapes: number) {
  const clients = urls.map((url) => new SimClient(url, ctx.server.handshake, false, tally))
  await connectAll(clients, ctx.signal)
  clients.forEach((c, i) => writeShapes(c, shapes, `r${i}-`))
  return clients
}

/** Runs the idle-room measurement (rooms, shapes, settleMs). */
export async function runMemoryRooms(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult> {
  const n = param(params, 'rooms')
  const settleMs = param(params, 'settleMs')
  const tally = new Tally()
  const urls = await ctx.server.makeRooms(n + WARMUP)
  const warm = await fillRooms(urls.slice(0, WARMUP), ctx, tally, param(params, 'shapes'))
  await sleep(settleMs, ctx.signal)
  await closeAll(warm)
  await sleep(settleMs, ctx.signal)
  const before = await reading(ctx)
  const clients = await fillRooms(urls.slice(WARMUP), ctx, tally, param(params, 'shapes'))
  try {
    await sleep(settleMs, ctx.signal)
    const connected = await reading(ctx)
    await closeAll(clients)
    await sleep(settleMs, ctx.signal)
    const idle = await reading(ctx)
    const loaded = await ctx.server.loadedRooms()
    const metrics = {
      rss_before_mb: before.rss,
      rss_connected_mb: connected.rss,
      rss_idle_mb: idle.rss,
      kb_per_idle_room: perUnitKb(idle.rss, before.rss, n),
      kb_per_room_with_connection: perUnitKb(connected.rss, before.rss, n),
      retained_kb_per_idle_room: perUnitKb(idle.retained, before.retained, n),
      retained_kb_per_room_with_connection: perUnitKb(connected.retained, before.retained, n),
      loaded_rooms_after: loaded,
      errors: tally.errors,
    }
    // If the server had already unloaded the rooms the figure would not be "per loaded room".
    const ok = tally.errors === 0 && (loaded === null || loaded >= n)
    return { ok, metrics, details: { error_samples: tally.errorSamples } }
  } finally {
    await closeAll(clients)
  }
}

/** Runs the idle-connection measurement (connections, settleMs). */
export async function runMemoryConnections(
  ctx: ScenarioContext,
  params: ScenarioParams,
): Promise<ScenarioResult> {
  const n = param(params, 'connections')
  const settleMs = param(params, 'settleMs')
  const tally = new Tally()
  const [warmUrl, url] = await ctx.server.makeRooms(2)
  if (warmUrl === undefined || url === undefined) throw new Error('no room')
  const warm = Array.from(
    { length: WARMUP },
    () => new SimClient(warmUrl, ctx.server.handshake, false, tally),
  )
  await connectAll(warm, ctx.signal)
  await closeAll(warm)
  // The room itself is not what is measured: one client loads it and leaves (the room stays loaded:
  // circleboard for ROOM_IDLE_MS, the in-memory reference for good) before the baseline.
  const first = new SimClient(url, ctx.server.handshake, false, tally)
  await connectAll([first], ctx.signal)
  await first.close()
  const clients = Array.from({ length: n }, () => new SimClient(url, ctx.server.handshake, false, tally))
  try {
    await sleep(settleMs, ctx.signal)
    const before = await reading(ctx)
    await connectAll(clients, ctx.signal)
    await sleep(settleMs, ctx.signal)
    const after = await reading(ctx)
    const metrics = {
      rss_before_mb: before.rss,
      rss_connected_mb: after.rss,
      kb_per_connection: perUnitKb(after.rss, before.rss, n),
      retained_kb_per_connection: perUnitKb(after.retained, before.retained, n),
      errors: tally.errors,
    }
    return { ok: tally.errors === 0, metrics, details: { error_samples: tally.errorSamples } }
  } finally {
    await closeAll(clients)
  }
}
