/**
 * The contract between the bench runner (`run.ts`) and its suites. A suite is a named set of scenarios
 * (the server suite today; a client rendering, a facilitation load and an analysis timing suite later);
 * the runner only parses options, streams the rows a suite produces to a JSONL file and prints the
 * suite's summary.
 */

/** What every suite is given. */
export interface SuiteOptions {
  /** Scenario names to run (`--only`); `null` = the suite's default set. */
  readonly only: readonly string[] | null
  /** Runs per scenario and target (`--repeat`); summaries take medians over them. */
  readonly repeat: number
  /** Short durations and small sizes: a smoke run, not a measurement (`--quick`). */
  readonly quick: boolean
  /** Targets to run against (`--targets`); `null` = all the suite knows. */
  readonly targets: readonly string[] | null
  /** Absolute path of the repository root. */
  readonly repoRoot: string
  /** Extra Node.js arguments for the processes a suite starts, e.g. `--cpu-prof` (`--node-args`). */
  readonly nodeArgs: readonly string[]
  /** Progress output (one line per call). */
  readonly log: (line: string) => void
  /** Called with each row as soon as it is measured, so a crash later loses nothing already measured. */
  readonly onRow: (row: ResultRow) => void
  /**
   * Call before each measured run: waits (bounded) until other work on the machine has calmed down and
   * resolves with the CPU it was using, in percent of one core (`null` when it cannot be read).
   */
  readonly waitForQuiet: () => Promise<number | null>
}

/** One measured run of one scenario against one target: one JSON line in the results file. */
export interface ResultRow {
  readonly suite: string
  readonly scenario: string
  readonly target: string
  /** 1-based repeat number. */
  readonly rep: number
  readonly startedAt: string
  /** No errors, nothing lost or diverged, and the run completed. */
  readonly ok: boolean
  /** Why the run could not complete (or could not be measured at all); `null` when it did. */
  readonly fatal: string | null
  readonly params: Readonly<Record<string, number | string | boolean>>
  /** Flat numeric results; `null` = not measured or not applicable. */
  readonly metrics: Readonly<Record<string, number | null>>
  /** Anything else worth keeping (error samples, per-load figures). */
  readonly details?: Readonly<Record<string, unknown>>
  /** `os.loadavg()` when the run started: how busy the (shared) machine was. */
  readonly loadAvg: readonly number[]
}

/** A named benchmark suite, registered in `suites/index.ts`. */
export interface Suite {
  readonly name: string
  /** One line for `--list`. */
  readonly description: string
  /** Scenario names this suite knows, for `--list` and to validate `--only`. */
  readonly scenarios: readonly string[]
  run(options: SuiteOptions): Promise<ResultRow[]>
  /** Markdown summary of `rows` (medians over repeats); the runner has a generic one otherwise. */
  report?(rows: readonly ResultRow[]): string
}
