/**
 * The server suite's scenarios, with the parameters of the anchor figures in issue 2 (and a `--quick`
 * variant: same shapes of load, short durations, smaller sizes).
 */
import { param, type Scenario, type ScenarioParams } from './types.js'
import { runEdits } from './edits.js'
import { runAwareness } from './awareness.js'
import { runConnect } from './connect.js'
import { runColdLoad } from './coldLoad.js'
import { runMemoryConnections, runMemoryRooms } from './memory.js'
import { TARGET_NAMES } from '../targets.js'

const ALL = TARGET_NAMES
const STATEFUL = ['reference', 'circleboard'] as const
/** Slack on top of a load's own duration before the hard deadline stops it. */
const SLACK_MS = 60_000

/**
 * Durations, and how sends are spread over a period: random phases by default (load.ts); the
 * environment variable BENCH_EVEN_PHASES=1 spreads them evenly instead (the worst case for batching).
 */
const timed = (quick: boolean): ScenarioParams => ({
  ...(quick
    ? { warmupS: 1, durationS: 3, drainTimeoutS: 5 }
    : { warmupS: 3, durationS: 15, drainTimeoutS: 15 }),
  evenPhases: process.env.BENCH_EVEN_PHASES === '1' ? 1 : 0,
})

const loadDeadline = (p: ScenarioParams): number =>
  (param(p, 'warmupS') + param(p, 'durationS') + param(p, 'drainTimeoutS')) * 1000 + SLACK_MS

function fanout(clients: number): Scenario {
  return {
    name: `fanout-${clients}`,
    description: `${clients} clients in one room, each moving its own shape at 10 updates/s`,
    targets: ALL,
    startOptions: () => ({}),
    params: (quick) => ({ rooms: 1, clients, observers: 4, rate: 10, ...timed(quick) }),
    deadlineMs: loadDeadline,
    run: runEdits,
  }
}

function coldLoad(cold: boolean): Scenario {
  return {
    name: cold ? 'coldload-5000-cold' : 'coldload-5000-hot',
    description: cold
      ? '5,000-shape board (about 1 MB) loaded by 5 fresh clients after the server unloaded it'
      : '5,000-shape board (about 1 MB) loaded by 5 fresh clients while its writer is still connected',
    targets: STATEFUL,
    startOptions: (target) =>
      cold ? (target === 'circleboard' ? { roomIdleMs: 500 } : { persistent: true }) : {},
    params: (quick) => ({
      shapes: quick ? 1000 : 5000,
      loads: quick ? 2 : 5,
      cold: cold ? 1 : 0,
      settleMs: 2500,
      timeoutS: 15,
    }),
    deadlineMs: (p) => param(p, 'loads') * (param(p, 'settleMs') + param(p, 'timeoutS') * 1000) + SLACK_MS,
    run: runColdLoad,
  }
}

/** Every scenario, in the order they run and are reported. */
export const SCENARIOS: readonly Scenario[] = [
  fanout(50),
  fanout(100),
  {
    name: 'awareness-50',
    description: '50 clients in one room, each sending a cursor presence state at 30 Hz',
    targets: ALL,
    startOptions: () => ({}),
    params: (quick) => ({ clients: 50, observers: 4, rate: 30, ...timed(quick) }),
    deadlineMs: loadDeadline,
    run: runAwareness,
  },
  {
    name: 'rooms-50x4',
    description: '50 rooms of 4 clients, each moving its own shape at 5 updates/s',
    targets: ALL,
    startOptions: () => ({}),
    params: (quick) => ({ rooms: 50, clients: 4, observers: 2, rate: 5, ...timed(quick) }),
    deadlineMs: loadDeadline,
    run: runEdits,
  },
  {
    name: 'connect-200',
    description: '200 clients opening at once into a room holding 100 shapes, until all are synced',
    targets: ALL,
    startOptions: () => ({}),
    params: () => ({ clients: 200, shapes: 100, timeoutS: 30 }),
    deadlineMs: (p) => param(p, 'timeoutS') * 1000 + SLACK_MS,
    run: runConnect,
  },
  coldLoad(false),
  coldLoad(true),
  {
    name: 'memory-rooms-200',
    description: 'RSS per idle loaded room: 200 rooms with a small document each, their clients gone',
    targets: STATEFUL,
    startOptions: () => ({ gcProbe: true }),
    params: (quick) => ({ rooms: quick ? 50 : 200, shapes: 10, settleMs: 1000 }),
    deadlineMs: () => 120_000,
    run: runMemoryRooms,
  },
  {
    name: 'memory-conns-500',
    description: 'RSS per idle connection: 500 connections in one room',
    targets: ALL,
    startOptions: () => ({ gcProbe: true }),
    params: (quick) => ({ connections: quick ? 100 : 500, settleMs: 1000 }),
    deadlineMs: () => 120_000,
    run: runMemoryConnections,
  },
]
