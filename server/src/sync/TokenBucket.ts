/**
 * A token bucket: `rate` tokens a second, at most `burst` saved up. One token per message; a connection
 * that runs dry is flooding and is closed (4429).
 */
import { performance } from 'node:perf_hooks'

/** Per-connection message budget. */
export class TokenBucket {
  private tokens: number
  private last = performance.now()

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
  }

  /** Gives back part of a token (a message that turned out to cost next to nothing). */
  refund(amount: number): void {
    this.tokens = Math.min(this.burst, this.tokens + amount)
  }

  /** Takes one token; false when none is left. */
  take(): boolean {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
