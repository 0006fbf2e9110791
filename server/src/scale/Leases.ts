/**
 * Room leases (server/SPEC.md X5): of all the processes that have a room open, the one holding its lease
 * compacts the room's log and trims its stream, and, for a board's control document, carries out the
 * reveals (X7). A lease is the key `circleboard:lease:<room>`, set with `SET NX PX <ttl>` to
 * `<process id>:<fencing token>`; the token comes from `INCR circleboard:fence` in the same script, so
 * every new holder of any room has a higher token than every earlier one. The holder renews it every
 * round (a third of the TTL); when it dies, the key expires and another process takes it at its next
 * round.
 *
 * A holder that stalls (a long pause, a partition from Redis) may still believe it holds a lease that
 * has expired. Two things keep that harmless: this process counts its lease as valid only until the TTL
 * after the last renewal it SENT (so it stops by itself), and the store refuses a compaction whose token
 * is older than the stored state's (PostgresDocStore, X5), which covers the rest.
 */
import type { Redis } from 'ioredis'
import { FENCE_KEY, leaseKey } from './streamFormat.js'

/** SET NX PX with a fresh fencing token; returns the token, or 0 when someone holds the lease. */
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'NX', 'PX', ARGV[2])
return fence`

/** Extends the lease if it is still ours. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`

/** Deletes the lease if it is still ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

interface Held {
  readonly fence: number
  readonly token: string
  /** Local time until which the lease counts as ours (TTL after the last renewal sent). */
  validUntil: number
}

/** The leases this process holds or competes for. */
export class Leases {
  private readonly held = new Map<string, Held>()

  constructor(
    private readonly redis: Redis,
    private readonly processId: string,
    private readonly ttlMs: number,
    /** Told when a lease is won or lost. */
    private readonly changed: (room: string, held: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The fencing token while this process holds the room's lease (and it has not run out), else null. */
  fence(room: string): number | null {
    const h = this.held.get(room)
    if (!h) return null
    if (this.now() >= h.validUntil) {
      this.held.delete(room)
      this.changed(room, false)
      return null
    }
    return h.fence
  }

  /** Renews the room's lease if held, else tries to take it. */
  async round(room: string): Promise<void> {
    const h = this.held.get(room)
    const sent = this.now()
    if (h) {
      const ok = Number(await this.redis.eval(RENEW, 1, leaseKey(room), h.token, this.ttlMs))
      if (this.held.get(room) !== h) return
      if (ok === 1) h.validUntil = sent + this.ttlMs
      else {
        this.held.delete(room)
        this.changed(room, false)
      }
      return
    }
    const fence = Number(
      await this.redis.eval(ACQUIRE, 2, leaseKey(room), FENCE_KEY, this.processId, this.ttlMs),
    )
    if (fence > 0) {
      this.held.set(room, { fence, token: `${this.processId}:${fence}`, validUntil: sent + this.ttlMs })
      this.changed(room, true)
    }
  }

  /** Gives the room's lease back if held (the room unloads here). */
  async release(room: string): Promise<void> {
    const h = this.held.get(room)
    if (!h) return
    this.held.delete(room)
    await this.redis.eval(RELEASE, 1, leaseKey(room), h.token)
  }

  /** Rooms whose lease this process holds. */
  rooms(): string[] {
    return [...this.held.keys()]
  }
}
