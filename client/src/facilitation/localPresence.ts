/**
 * What this browser tells others through presence (layout: presence.ts). Every field change goes
 * through one throttle, so a moving pointer and a panning view together send at most `SEND_HZ` awareness
 * messages a second, each carrying all fields at once (y-protocols sends the whole local state on every
 * change, so setting two fields separately would cost two messages).
 *
 * Away: no pointer, key or wheel input for `AWAY_AFTER_MS`, or the tab is hidden. Each browser decides
 * for itself and publishes it, so nobody depends on another machine's clock.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { Point } from '@circleboard/shared'
import { throttle, type Throttled, type ThrottleTimers } from './throttle.js'
import type { Viewport } from './presence.js'

/** Presence messages a second at most (the issue asks for 10-20). */
export const SEND_HZ = 15
/** Without input for this long, a person shows as away. */
export const AWAY_AFTER_MS = 60_000

/** The `user` field as this browser publishes it. */
export interface LocalUser {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
  readonly org: string | null
  readonly since: number
}

/** Rounds board coordinates: sub-unit precision is invisible and costs bytes in every message. */
const round = (n: number, digits = 1): number => {
  const k = 10 ** digits
  return Math.round(n * k) / k
}

/** This browser's side of presence. */
export class LocalPresence {
  private fields: Record<string, unknown> = {}
  private readonly dirty = new Set<string>()
  private readonly sender: Throttled

  constructor(
    private readonly awareness: Awareness,
    timers?: ThrottleTimers,
  ) {
    this.sender = throttle(() => this.send(), 1000 / SEND_HZ, timers)
  }

  /** The user field as last set. */
  get user(): LocalUser | null {
    return (this.fields.user as LocalUser | undefined) ?? null
  }

  /** Sets who this browser is (sent at once: people should see a name change without delay). */
  setUser(user: LocalUser): void {
    this.set('user', { ...user })
    this.sender.flush()
  }

  /** The pointer over the board (board units), or `null` when it left the board. */
  setCursor(p: Point | null): void {
    this.set('cursor', p === null ? null : { x: round(p.x), y: round(p.y) })
  }

  /** The selected element ids. */
  setSelection(ids: readonly string[]): void {
    this.set('selection', ids.slice(0, 200))
  }

  /** The visible part of the board. */
  setViewport(v: Viewport): void {
    this.set('viewport', {
      x: round(v.x),
      y: round(v.y),
      scale: round(v.scale, 4),
      w: round(v.w),
      h: round(v.h),
    })
  }

  /** Away or here. */
  setAway(away: boolean): void {
    this.set('away', away)
  }

  /** Marks this browser as the meeting room's shared screen. */
  setScreen(screen: boolean): void {
    this.set('screen', screen)
  }

  /** Sends what is pending now. */
  flush(): void {
    this.sender.flush()
  }

  /** Stops sending. */
  destroy(): void {
    this.sender.cancel()
  }

  private set(key: string, value: unknown): void {
    if (JSON.stringify(this.fields[key]) === JSON.stringify(value)) return
    this.fields = { ...this.fields, [key]: value }
    this.dirty.add(key)
    this.sender.call()
  }

  private send(): void {
    if (this.dirty.size === 0) return
    this.dirty.clear()
    // Other features may keep fields of their own in the local state: merge, do not replace.
    this.awareness.setLocalState({ ...(this.awareness.getLocalState() ?? {}), ...this.fields })
  }
}

/** Watches input and visibility and reports away/here changes. */
export class ActivityMonitor {
  private last = 0
  private away = false
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly onChange: (away: boolean) => void,
    private readonly awayAfterMs = AWAY_AFTER_MS,
  ) {}

  /** Starts listening to the window. */
  start(): void {
    this.last = performance.now()
    for (const type of ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const)
      window.addEventListener(type, this.onInput, { passive: true, capture: true })
    document.addEventListener('visibilitychange', this.check)
    this.timer = setInterval(this.check, 5000)
    this.check()
  }

  stop(): void {
    for (const type of ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const)
      window.removeEventListener(type, this.onInput, { capture: true })
    document.removeEventListener('visibilitychange', this.check)
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  private readonly onInput = (): void => {
    this.last = performance.now()
    if (this.away) this.check()
  }

  private readonly check = (): void => {
    const away = document.visibilityState === 'hidden' || performance.now() - this.last > this.awayAfterMs
    if (away === this.away) return
    this.away = away
    this.onChange(away)
  }
}
