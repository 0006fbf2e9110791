/** What a server-suite scenario is and what it gets. */
import type { RssSampler } from '../../lib/procStats.js'
import type { RunningServer, StartOptions, TargetName } from '../targets.js'

/** Numeric parameters of a scenario run (clients, rates, durations, sizes). */
export type ScenarioParams = Readonly<Record<string, number>>

/** Everything a scenario run may use. */
export interface ScenarioContext {
  readonly server: RunningServer
  /** Samples the server's RSS every 100 ms from its start; the scenario may read `lastMb` / `sample()`. */
  readonly rss: RssSampler
  /** Aborts at the run's hard deadline: every wait rejects, the run unwinds and cleans up. */
  readonly signal: AbortSignal
  readonly log: (line: string) => void
}

/** What a scenario run measured. */
export interface ScenarioResult {
  /** Nothing lost, nothing diverged, no errors. */
  readonly ok: boolean
  readonly metrics: Record<string, number | null>
  readonly details?: Record<string, unknown>
}

/** One scenario of the server suite. */
export interface Scenario {
  readonly name: string
  /** One line: what it measures. */
  readonly description: string
  /** Targets for which the scenario makes sense. */
  readonly targets: readonly TargetName[]
  /** How the server is started for this scenario (per target). */
  startOptions(target: TargetName): StartOptions
  params(quick: boolean): ScenarioParams
  /** Hard deadline of one run, from the parameters. */
  deadlineMs(params: ScenarioParams): number
  run(ctx: ScenarioContext, params: ScenarioParams): Promise<ScenarioResult>
}

/** `params[name]`, which every scenario defines for itself; throws on a typo rather than returning NaN. */
export function param(params: ScenarioParams, name: string): number {
  const v = params[name]
  if (v === undefined) throw new Error(`scenario parameter '${name}' is missing`)
  return v
}
