/**
 * Keeps the countdown this screen shows: re-reads the timer a few times a second while it runs (and on
 * every control change and clock correction) and publishes whole seconds, so the timer face re-renders
 * once a second and nothing else does. Signals zero once per run (timer.ts `ZeroSignal`).
 */
import type { TimerState } from '@circleboard/shared'
import type { ServerClock } from './clock.js'
import { Store, sameJson } from './signal.js'
import { secondsLeft, timerPhase, ZeroSignal, type TimerPhase } from './timer.js'

/** What the timer face shows. */
export interface TimerView {
  readonly seconds: number
  readonly phase: TimerPhase
  readonly durationSeconds: number
  /** Reached zero on this screen within the last minute (the face flashes). */
  readonly alarm: boolean
}

/** How often a running timer is re-read (well under a second, so the display never skips one). */
const TICK_MS = 200
/** How long the face flashes after zero. */
const ALARM_MS = 60_000

/** The countdown of one screen. */
export class TimerTicker {
  readonly view = new Store<TimerView>({ seconds: 0, phase: 'idle', durationSeconds: 0, alarm: false })
  private readonly zero = new ZeroSignal()
  private interval: ReturnType<typeof setInterval> | null = null
  private alarmUntil = 0

  constructor(
    private readonly timer: () => TimerState,
    private readonly clock: ServerClock,
    /** Called once when a run reaches zero here. */
    private readonly onZero: (timer: TimerState) => void,
  ) {}

  /** Re-reads the timer now (call on control changes); runs the tick while the timer runs. */
  refresh = (): void => {
    const timer = this.timer()
    const now = this.clock.now()
    if (this.zero.tick(timer, now)) {
      this.alarmUntil = Date.now() + ALARM_MS
      this.onZero(timer)
    }
    const phase = timerPhase(timer, now)
    if (phase !== 'done') this.alarmUntil = 0
    this.view.set(
      {
        seconds: secondsLeft(timer, now),
        phase,
        durationSeconds: Math.round(timer.durationMs / 1000),
        alarm: Date.now() < this.alarmUntil,
      },
      sameJson,
    )
    const needTick = timer.running || this.alarmUntil > 0
    if (needTick && this.interval === null) this.interval = setInterval(this.refresh, TICK_MS)
    if (!needTick && this.interval !== null) {
      clearInterval(this.interval)
      this.interval = null
    }
  }

  /** Stops ticking. */
  stop(): void {
    if (this.interval !== null) clearInterval(this.interval)
    this.interval = null
  }
}
