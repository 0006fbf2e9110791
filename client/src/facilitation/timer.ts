/**
 * The shared countdown on this screen: what is left (from the control document's `endsAt` and the
 * estimated server clock, so every screen agrees within the clock estimate's error), how to write it,
 * and when to signal zero: once per run, on the screen where it was seen to reach zero (a screen opened
 * after zero shows 0:00 without a beep).
 */
import { timerRemaining, type TimerState } from '@circleboard/shared'

/** Whole seconds left, rounded up: the display reads 0:00 exactly when the time is up. */
export function secondsLeft(timer: TimerState, serverNow: number): number {
  return Math.ceil(timerRemaining(timer, serverNow) / 1000)
}

/** `m:ss`, or `h:mm:ss` from an hour up. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** What the timer face shows. */
export type TimerPhase = 'idle' | 'running' | 'paused' | 'done'

/** The phase of `timer` at `serverNow`. */
export function timerPhase(timer: TimerState, serverNow: number): TimerPhase {
  if (timer.running) return timerRemaining(timer, serverNow) > 0 ? 'running' : 'done'
  if (timer.remainingMs <= 0) return 'done'
  return timer.remainingMs < timer.durationMs ? 'paused' : 'idle'
}

/**
 * Decides the zero signal: call on every tick with the timer and the server time; returns true exactly
 * once per run that this screen saw running and reach zero.
 */
export class ZeroSignal {
  private armedFor: number | null = null
  private signalled: number | null = null

  tick(timer: TimerState, serverNow: number): boolean {
    if (!timer.running || timer.endsAt === null) {
      this.armedFor = null
      return false
    }
    const left = timerRemaining(timer, serverNow)
    if (left > 0) {
      this.armedFor = timer.endsAt
      return false
    }
    if (this.armedFor === timer.endsAt && this.signalled !== timer.endsAt) {
      this.signalled = timer.endsAt
      return true
    }
    return false
  }
}

/** Plays a short three-tone chime with Web Audio (no audio file; nothing to load). */
export function playChime(): void {
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!Ctor) return
  try {
    const ctx = new Ctor()
    const start = ctx.currentTime + 0.02
    ;[880, 660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.type = 'sine'
      osc.frequency.value = freq
      const t = start + i * 0.28
      gain.gain.setValueAtTime(0.0001, t)
      gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.25)
      osc.connect(gain).connect(ctx.destination)
      osc.start(t)
      osc.stop(t + 0.26)
    })
    setTimeout(() => void ctx.close(), 1500)
  } catch {
    // audio blocked (no user gesture yet on this page): the visible signal remains
  }
}
