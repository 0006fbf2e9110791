/**
 * `client`: how the board canvas copes with big boards in a real browser (issue 3). Headless Chromium
 * (Debian's, software rendering, a fresh profile per run) opens a board of 200, 1,000 or 3,000 elements
 * with half as many links, served by the built server (`server/dist`, SQLite) with the built client
 * (`client/dist`, or `BENCH_CLIENT_DIR`). The board reaches the server through the real sync path: a Node
 * client with the stock y-websocket provider writes it with the model's operations before the page opens.
 * Measured per run:
 * - first render: navigation to the first frame that shows every element (the page zooms to fit);
 * - JS heap after a full collection, and the JS the page loaded (gzipped per file);
 * - frame intervals (median, p95) while panning, dragging one element with the mouse, and while another
 *   client (Node, 30 moves/s) drags one, each with everything in view and at 100% zoom;
 * - zoom to fit from 100% (toolbar button to the first frame that shows all), median of five.
 * Timed figures are never assertions: a run is `ok` when it completed without page errors and the drag
 * really moved the element (the other client received the moves).
 */
import { loadavg } from 'node:os'
import type { ResultRow, Suite, SuiteOptions } from '../types.js'
import { median } from '../lib/stats.js'
import { fmt } from '../lib/summary.js'
import { fillBoard, type RemoteClient } from '../client/boards.js'
import { openBoardPage, VIEWPORT, type BoardPage } from '../client/page.js'
import { missingBuild, startBenchServer, type BenchServer } from '../client/server.js'
import { markCpu, othersSince } from '../client/treeCpu.js'
import { FRAME_SCENARIOS, clientReport } from '../client/report.js'
import type { Distribution } from '../lib/stats.js'

/** Board sizes (elements; links are half as many). */
const SIZES = [200, 1000, 3000] as const
/** How long each gesture lasts, ms. */
const GESTURE_MS = { full: 4000, quick: 1500 } as const
/** Zoom-to-fit timings per run (the median is kept). */
const ZOOM_FITS = { full: 5, quick: 2 } as const
/** Radius of the drags' circles, screen px. */
const DRAG_RADIUS_PX = 120
/** Moves per second of the other client's drag (about what a drag writes when throttled per frame pair). */
const REMOTE_HZ = 30
/** The longest a run may take before it is abandoned. */
const RUN_DEADLINE_MS = 5 * 60_000

function frameMetrics(key: string, d: Distribution): Record<string, number | null> {
  return {
    [`${key}_p50_ms`]: d.p50,
    [`${key}_p95_ms`]: d.p95,
    [`${key}_max_ms`]: d.max,
    [`${key}_frames`]: d.n,
  }
}

async function measure(
  server: BenchServer,
  n: number,
  o: SuiteOptions,
  opened: (page: BoardPage, remote: RemoteClient) => void,
): Promise<{ metrics: Record<string, number | null>; problems: string[] }> {
  const ms = o.quick ? GESTURE_MS.quick : GESTURE_MS.full
  const board = await server.createBoard(`Bench ${n}`)
  const remote = await fillBoard(server.ws, board.id, board.facilitator, n)
  const page = await openBoardPage(`${server.http}/b/${board.id}?test#t=${board.participant}`, n)
  opened(page, remote)
  const metrics: Record<string, number | null> = {}
  const problems: string[] = []
  const load = await page.load()
  Object.assign(metrics, {
    live_ms: load.liveMs,
    first_render_ms: load.firstRenderMs,
    heap_mb: load.heapBytes / 1e6,
    startup_js_gzip_kb: load.jsGzipBytes / 1000,
    startup_js_raw_kb: load.jsBytes / 1000,
    startup_js_files: load.jsFiles,
  })
  o.log(`  ${n}: first render ${fmt(load.firstRenderMs, 0)} ms, heap ${fmt(load.heapBytes / 1e6, 1)} MB`)
  const scaleFit = await page.scale()
  metrics.scale_fit = scaleFit
  const target = remote.layout.middle
  const gesture = async (key: string, run: () => Promise<unknown>): Promise<void> => {
    const { intervals: d, drawn, moved } = await page.frames(target, run)
    Object.assign(metrics, frameMetrics(key, d))
    // Every gesture moves the watched element on screen (the pans move the camera), and each such frame
    // needs a redraw: a gesture that moved nothing, or was not drawn, measured an idle page.
    metrics[`${key}_drawn_pct`] = d.n > 0 ? (100 * drawn) / d.n : null
    metrics[`${key}_moved_pct`] = d.n > 0 ? (100 * moved) / d.n : null
    if (moved === 0 || drawn === 0) problems.push(`${key}: ${moved} frames moved, ${drawn} redrawn`)
    o.log(
      `  ${n}: ${key} median ${fmt(d.p50, 1)} p95 ${fmt(d.p95, 1)} ms (${d.n} frames, ${drawn} drawn, ${moved} moved)`,
    )
  }
  const localDrag = async (key: string): Promise<void> => {
    const at = await page.centreOf(target)
    if (!at) throw new Error(`element ${target} is not on the board`)
    const received = remote.watch(target)
    await gesture(key, () => page.drag(at, DRAG_RADIUS_PX, ms))
    const moves = received()
    metrics[`${key}_moves_sent`] = moves
    if (moves === 0) problems.push(`${key}: the drag moved nothing`)
  }
  // Everything in view: the page opens zoomed to fit.
  await gesture('pan_fit', () => page.pan(ms))
  await localDrag('drag_fit')
  await gesture('remote_fit', () => remote.drag(target, DRAG_RADIUS_PX / scaleFit, REMOTE_HZ, ms))
  const fits: number[] = []
  for (let i = 0; i < (o.quick ? ZOOM_FITS.quick : ZOOM_FITS.full); i++) {
    await page.zoomTo100(target)
    fits.push(await page.zoomToFit())
  }
  metrics.zoom_fit_ms = median(fits)
  metrics.zoom_fit_max_ms = Math.max(...fits)
  o.log(`  ${n}: zoom to fit ${fits.map((f) => fmt(f, 0)).join(', ')} ms`)
  // At 100%, about the element in the middle of the board (back to it before each gesture).
  await page.zoomTo100(target)
  await gesture('pan_100', () => page.pan(ms))
  await page.zoomToFit()
  await page.zoomTo100(target)
  await localDrag('drag_100')
  await gesture('remote_100', () => remote.drag(target, DRAG_RADIUS_PX, REMOTE_HZ, ms))
  if (page.errors.length > 0) problems.push(...page.errors.map((e) => `page error: ${e}`))
  return { metrics, problems }
}

async function runOne(n: number, rep: number, o: SuiteOptions): Promise<ResultRow> {
  const base = {
    suite: 'client',
    scenario: `board-${n}`,
    target: 'circleboard',
    rep,
    startedAt: new Date().toISOString(),
    params: {
      elements: n,
      links: Math.floor(n / 2),
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      gesture_ms: o.quick ? GESTURE_MS.quick : GESTURE_MS.full,
    },
    loadAvg: loadavg().map((x) => Math.round(x * 100) / 100),
  }
  const problem = missingBuild(o.repoRoot)
  if (problem) return { ...base, ok: false, fatal: problem, metrics: {} }
  const busyBefore = await o.waitForQuiet()
  const mark = markCpu()
  let server: BenchServer | null = null
  let page: BoardPage | null = null
  let remote: RemoteClient | null = null
  let timer: NodeJS.Timeout | undefined
  try {
    server = await startBenchServer(o.repoRoot)
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`run took over ${RUN_DEADLINE_MS / 1000} s`)),
        RUN_DEADLINE_MS,
      )
    })
    const { metrics, problems } = await Promise.race([
      measure(server, n, o, (p, r) => {
        page = p
        remote = r
      }),
      deadline,
    ])
    return {
      ...base,
      ok: problems.length === 0 && server.alive(),
      fatal: null,
      metrics: { ...metrics, busy_before_pct: busyBefore, others_cpu_pct: othersSince(mark) },
      details: problems.length > 0 ? { problems } : undefined,
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return { ...base, ok: false, fatal: message, metrics: {} }
  } finally {
    clearTimeout(timer)
    await (page as BoardPage | null)?.close().catch(() => undefined)
    ;(remote as RemoteClient | null)?.close()
    await server?.stop()
  }
}

function chosenSizes(only: readonly string[] | null): number[] {
  if (!only) return [...SIZES]
  const names = SIZES.map((n) => `board-${n}`)
  const unknown = only.filter((x) => !names.includes(x))
  if (unknown.length > 0)
    throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${names.join(', ')}`)
  return SIZES.filter((n) => only.includes(`board-${n}`))
}

/** The client rendering suite. */
export const clientSuite: Suite = {
  name: 'client',
  description: `the canvas in headless Chromium on boards of ${SIZES.join(' / ')} elements: first render, heap, frame times (${FRAME_SCENARIOS.map((s) => s.key).join(', ')}), zoom to fit, startup JS`,
  scenarios: SIZES.map((n) => `board-${n}`),
  async run(options) {
    const sizes = chosenSizes(options.only)
    const rows: ResultRow[] = []
    // Repeats outermost: the runs of one size are spread over the session, not bunched in one busy moment.
    for (let rep = 1; rep <= options.repeat; rep++) {
      for (const n of sizes) {
        options.log(`[${rep}] board-${n}`)
        const row = await runOne(n, rep, options)
        rows.push(row)
        options.onRow(row)
        if (row.fatal !== null) options.log(`[${rep}] board-${n}: FAILED: ${row.fatal.split('\n')[0]}`)
        else if (!row.ok) options.log(`[${rep}] board-${n}: NOT OK: ${JSON.stringify(row.details)}`)
      }
    }
    return rows
  },
  report: clientReport,
}
