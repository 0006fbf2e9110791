/**
 * `pnpm bench`: the project's own benchmark runner (`npm run bench` installs, builds, then runs this).
 *
 *   pnpm exec tsx tests/bench/run.ts [--suite server] [--only fanout-50,coldload] [--repeat 3]
 *                                    [--targets circleboard,reference] [--quick]
 *   pnpm exec tsx tests/bench/run.ts --report tests/bench/results/<file>.jsonl
 *   pnpm exec tsx tests/bench/run.ts --list
 *
 * Each result row is appended to `tests/bench/results/<timestamp>.jsonl` as it is measured; the
 * suite's Markdown summary is printed at the end and saved beside it (`.md`). docs/performance.md
 * explains the method.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { ResultRow, Suite } from './types.js'
import { SUITES, loadSuite } from './suites/index.js'
import { cleanupAll } from './lib/processes.js'
import { waitForQuiet } from './lib/machine.js'
import { genericReport } from './lib/summary.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const resultsDir = join(repoRoot, 'tests/bench/results')
/** Above this 1-minute load average the 2-core machine is busy enough to distort latency figures. */
const BUSY_LOAD = 1.5
/** Longest wait for a quiet machine before a run. */
const QUIET_WAIT_MS = 3 * 60_000

const HELP = `usage: pnpm exec tsx tests/bench/run.ts [options]
  --suite <name>       suite to run (default: server; known: ${Object.keys(SUITES).join(', ')});
                       'all' runs every suite in turn, each into its own results file
  --only <a,b>         only these scenarios (a prefix like 'fanout' or 'coldload' selects a family)
  --targets <a,b>      only these servers (server suite: relay, reference, circleboard)
  --repeat <n>         runs per scenario and server; the summary takes medians (default 3)
  --quick              short durations and small sizes: a smoke run, not a measurement
  --max-busy <pct>     before each run, wait (up to 3 min) until other processes use less than this
                       much CPU, in percent of one core (default 30; 0 = do not wait)
  --node-args='<args>' extra Node.js arguments for the servers under test, for profiling
                       (e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof')
  --report <file>      print the summary of an earlier results file and exit
  --list               list the suites and their scenarios and exit
  --help`

const list = (v: string | undefined): string[] | null =>
  v === undefined
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)

function readRows(file: string): ResultRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as ResultRow & { meta?: unknown })
    .filter((row) => row.meta === undefined)
}

/** The commit measured, with `+dirty` when server/ or shared/ have uncommitted changes (built into dist). */
function gitDescribe(): string | null {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: repoRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
    const dirty = git('status', '--porcelain', '--', 'server', 'shared') !== ''
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? '+dirty' : ''}`
  } catch {
    return null
  }
}

function builtAt(file: string): string | null {
  try {
    return statSync(file).mtime.toISOString()
  } catch {
    return null
  }
}

function summary(suite: Suite | null, rows: readonly ResultRow[]): string {
  return suite?.report ? suite.report(rows) : genericReport(rows)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string', default: 'server' },
      only: { type: 'string' },
      targets: { type: 'string' },
      repeat: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      'max-busy': { type: 'string', default: '30' },
      'node-args': { type: 'string', default: '' },
      report: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help) return console.log(HELP)
  if (values.list) {
    for (const name of Object.keys(SUITES)) {
      const suite = await loadSuite(name)
      console.log(`${suite.name}: ${suite.description}\n  ${suite.scenarios.join('\n  ')}`)
    }
    return
  }
  if (values.report !== undefined) {
    const rows = readRows(resolve(values.report))
    const suite = rows[0] ? await loadSuite(rows[0].suite).catch(() => null) : null
    return console.log(summary(suite, rows))
  }
  const repeat = Number(values.repeat)
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat must be 1..20')
  const maxBusyPct = Number(values['max-busy'])
  if (!Number.isFinite(maxBusyPct) || maxBusyPct < 0) throw new Error('--max-busy must be a percentage')
  const names = values.suite === 'all' ? Object.keys(SUITES) : [values.suite]
  if (names.length > 1 && (values.only !== undefined || values.targets !== undefined)) {
    throw new Error(
      "--only and --targets name one suite's scenarios and servers: pick the suite with --suite",
    )
  }
  const suites = await Promise.all(names.map((name) => loadSuite(name)))
  let fatal = false
  for (const suite of suites) {
    fatal = (await runSuite(suite, values, repeat, maxBusyPct)) || fatal
  }
  if (names.length > 1) console.log(`bench: ran ${names.join(', ')}`)
  if (fatal) console.warn('bench: some runs could not complete (see above)')
}

/** Runs one suite into its own results file and prints its summary; true when a run could not complete. */
async function runSuite(
  suite: Suite,
  values: { only?: string; targets?: string; quick: boolean; 'node-args': string },
  repeat: number,
  maxBusyPct: number,
): Promise<boolean> {
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(resultsDir, `${stamp}.jsonl`)
  const load = loadavg()
  const meta = {
    suite: suite.name,
    startedAt: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    loadAvg: load.map((x) => Math.round(x * 100) / 100),
    argv: process.argv.slice(2),
    commit: gitDescribe(),
    // `pnpm exec tsx tests/bench/run.ts` does not build: this says how old the measured server is.
    serverBuiltAt: builtAt(join(repoRoot, 'server/dist/main.js')),
  }
  writeFileSync(file, `${JSON.stringify({ meta })}\n`)
  console.log(`bench: suite ${suite.name}, ${repeat} repeat(s)${values.quick ? ', quick' : ''}`)
  console.log(`       results -> ${relative(process.cwd(), file)}`)
  console.log(`       load average ${meta.loadAvg.join(' ')} on ${meta.cores} cores; commit ${meta.commit}`)
  console.log(`       server/dist built ${meta.serverBuiltAt ?? 'never (build first)'}`)
  if ((load[0] ?? 0) > BUSY_LOAD) {
    console.warn(
      `bench: the machine is busy (1-min load ${load[0]?.toFixed(2)}): latency figures will suffer`,
    )
  }
  const rows = await suite.run({
    only: list(values.only),
    targets: list(values.targets),
    repeat,
    quick: values.quick,
    repoRoot,
    nodeArgs: values['node-args'].split(/\s+/).filter(Boolean),
    log: (line) => console.log(line),
    onRow: (row) => appendFileSync(file, `${JSON.stringify(row)}\n`),
    waitForQuiet: () =>
      waitForQuiet({ maxBusyPct, maxWaitMs: QUIET_WAIT_MS, log: (line) => console.log(line) }),
  })
  const text = summary(suite, rows)
  writeFileSync(file.replace(/\.jsonl$/, '.md'), `${text}\n`)
  console.log(`\n${text}\n`)
  console.log(`results: ${relative(process.cwd(), file)}`)
  return rows.some((r) => r.fatal !== null)
}

process.on('exit', cleanupAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanupAll()
    process.exit(130)
  })
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
