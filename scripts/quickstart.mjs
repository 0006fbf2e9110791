#!/usr/bin/env node
// The two commands of the README's quick start, for a fresh machine with only Node 20 and npm:
//   npm start  -> install dependencies, build, start the board on http://127.0.0.1:8080 (SQLite in ./data)
//   npm test   -> install, build, install Chromium, cmark-gfm and python3-networkx if missing (as root, from
//                 Debian), then every check:
//                 format, lint, typecheck, dependency rules, unit, integration and browser tests
//   npm run bench -> install, build, then the benchmarks (not part of the tests)
//   npm run serve -> start the server already built, as `npm start` does (for services and scale-out)
// pnpm comes from npx when it is not installed (corepack's download fails its signature check on some
// machines, so it is not used).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
/**
 * How the server process runs (scripts/serverRuntime.json, also read by the benchmark): a small young
 * generation (2 MB semi-spaces instead of 16: about 20 MB less under load for a few per cent more CPU), one
 * V8 helper thread and at most two malloc arenas (about 10 MB less again, at no measurable CPU cost); see
 * docs/performance.md, "Runtime settings". A variable set in the environment wins over the file's.
 */
const SERVER_RUNTIME = JSON.parse(readFileSync(join(root, 'scripts/serverRuntime.json'), 'utf8'))
const PNPM_VERSION = '10.34.9'
const mode = process.argv[2]

function step(title) {
  console.log(`\n\x1b[1m== ${title}\x1b[0m`)
  return Date.now()
}

function done(t0) {
  console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options })
  if (result.error) throw result.error
  if (result.status !== 0) {
    console.error(`\n\x1b[31mfailed: ${cmd} ${args.join(' ')} (exit ${result.status})\x1b[0m`)
    process.exit(result.status ?? 1)
  }
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []]
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]]
}

function pnpm(args) {
  const [cmd, pre] = pnpmCommand()
  run(cmd, [...pre, ...args])
}

function install() {
  const t0 = step(
    'installing dependencies (better-sqlite3 compiles from source the first time: about a minute)',
  )
  pnpm(['install', '--frozen-lockfile'])
  done(t0)
}

function build() {
  const t0 = step('building shared, server and client')
  pnpm(['run', 'build'])
  done(t0)
}

function hasNetworkx() {
  return ['python3', '/usr/bin/python3'].some(
    (python) => spawnSync(python, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0,
  )
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** A PostgreSQL server binary, on the PATH or where Debian puts it (/usr/lib/postgresql/<version>/bin). */
function hasPostgres() {
  if (spawnSync('initdb', ['--version'], { stdio: 'ignore' }).status === 0) return true
  const base = '/usr/lib/postgresql'
  return existsSync(base) && readdirSync(base).some((v) => existsSync(join(base, v, 'bin', 'initdb')))
}

/**
 * Debian packages the tests need: Chromium for the browser tests, the outside programs that read our
 * exports back (cmark-gfm renders the Markdown minutes, networkx reads the GraphML), and Redis and
 * PostgreSQL for the scale-out and PostgreSQL store tests (the tests start their own servers on
 * 127.0.0.1; nothing is configured system-wide).
 */
function ensureSystemPackages() {
  const wanted = [
    ['chromium', () => existsSync('/usr/bin/chromium')],
    ['cmark-gfm', () => existsSync('/usr/bin/cmark-gfm')],
    ['python3-networkx', () => hasNetworkx()],
    ['redis-server', () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0],
    ['postgresql', () => hasPostgres()],
  ]
  const missing = wanted.filter(([, present]) => !present()).map(([pkg]) => pkg)
  if (missing.length === 0) return
  const t0 = step(`installing ${missing.join(', ')} from Debian`)
  if (!isRoot) {
    console.error(
      `The tests need ${missing.join(', ')}. Install them first: sudo apt-get install -y ${missing.join(' ')}`,
    )
    process.exit(1)
  }
  run('apt-get', ['update', '-q'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  done(t0)
}

/** Starts the built server in this terminal, passing on Ctrl-C and SIGTERM (a graceful shutdown). */
function serve() {
  const child = spawn(process.execPath, [...SERVER_RUNTIME.nodeFlags, join(root, 'server/dist/main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...SERVER_RUNTIME.env, ...process.env },
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  // A server ended by a signal it did not handle (the OOM killer's SIGKILL) is a failure for a service
  // manager that restarts on failure: the shell's 128 + signal number.
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)))
}

switch (mode) {
  case 'start': {
    install()
    build()
    step(
      'starting circleboard on http://' +
        (process.env.HOST ?? '127.0.0.1') +
        ':' +
        (process.env.PORT ?? '8080'),
    )
    serve()
    break
  }
  case 'serve': {
    if (!existsSync(join(root, 'server/dist/main.js'))) {
      console.error('The server is not built: run `npm start` once (or `pnpm build`).')
      process.exit(1)
    }
    serve()
    break
  }
  case 'test': {
    const t0 = Date.now()
    ensureSystemPackages()
    install()
    build()
    let t = step('format, lint, typecheck, dependency rules')
    pnpm(['run', 'check'])
    done(t)
    t = step('tests: shared, server, cross-package and browser (Vitest)')
    pnpm(['exec', 'vitest', 'run'])
    done(t)
    console.log(`\n\x1b[32mall checks passed in ${((Date.now() - t0) / 1000).toFixed(0)} s\x1b[0m`)
    break
  }
  case 'bench': {
    ensureSystemPackages()
    install()
    build()
    const t = step('benchmarks')
    // Every suite (server, facilitation, analysis, client) unless the arguments pick one or its scenarios.
    const args = process.argv.slice(3)
    const picks = args.some((a) => /^--(suite|only|targets|report|list|help)\b/.test(a))
    pnpm(['exec', 'tsx', 'tests/bench/run.ts', ...(picks ? [] : ['--suite', 'all']), ...args])
    done(t)
    break
  }
  default:
    console.error('usage: node scripts/quickstart.mjs start|serve|test|bench')
    process.exit(2)
}
