/**
 * What a room has to store and send, and the order in which that happens (server/SPEC.md S2, S5):
 * accepted updates wait in `pending`, frames for everyone in `broadcast`, answers for one connection in
 * `direct`. Once per event-loop turn (`setImmediate`) the pending updates are appended to the store in one
 * batch; only when that append has succeeded do the frames leave. The frames of one turn are encoded once
 * (server frames are not masked, so the bytes are the same for every recipient) and every connection gets
 * them in one write: one system call per connection per turn however busy the room is.
 *
 * Those system calls are most of the server's work in a big, busy room (a write costs some microseconds;
 * a room of 100 people moving things makes 100 writes a turn, many turns a millisecond). So after a
 * delivery to n connections the next one waits until n x `PACE_US_PER_RECIPIENT` has passed, at most
 * `MAX_PACE_MS`: what arrives meanwhile goes out together. Small rooms never wait (4 people: 80 us, less
 * than a turn); a room of 100 delivers at most every 2 ms, for a quarter less CPU per delivery at 1,000
 * updates a second (docs/server.md, "Pacing").
 */
import { writeAwareness, writeAwarenessUpdate, type AwarenessEntry } from '@circleboard/shared'
import type { Connection } from './Connection.js'
import { encodeFrames } from './wsFrame.js'

/** What the outbox needs from its room. */
export interface OutboxHost {
  /** The connections frames go to. */
  connections(): Iterable<Connection>
  /** Appends updates to the store (rejects when the store fails). */
  store(updates: Uint8Array[]): Promise<void>
  /** The batch was stored: `count` updates. */
  stored(count: number): void
  /** The store failed: the room closes. */
  failed(err: unknown): void
  /** A connection fell too far behind: the room closes it. */
  tooSlow(conn: Connection): void
  /** Bytes a connection may have queued before it counts as too slow. */
  readonly maxBacklog: number
  /** Delivery counts, for metrics. */
  delivered(messages: number, bytes: number): void
  /** False once the room is closed: nothing is flushed any more. */
  open(): boolean
  /**
   * Scale-out only (X3): hands this process's presence changes of a turn, as one awareness update, to
   * the other processes. Without it nothing is collected for them.
   */
  publishPresence?(payload: Uint8Array): void
}

/** Pause after a delivery, per connection it went to (microseconds). */
export const PACE_US_PER_RECIPIENT = 20
/** The longest pause after a delivery (milliseconds). */
export const MAX_PACE_MS = 2
/** Pauses shorter than this are not timed: the next turn comes about as soon. */
const MIN_TIMED_PACE_MS = 0.5

/** The queue between a room's document and its connections. */
export class Outbox {
  private pending: Uint8Array[] = []
  private broadcast: Uint8Array[] = []
  /** Presence changes of this turn, the newest per client: sent as one message. */
  private presence = new Map<number, AwarenessEntry>()
  /** Scale-out: the presence changes of this turn that came from this process's own connections. */
  private ownPresence = new Map<number, AwarenessEntry>()
  private direct = new Map<Connection, Uint8Array[]>()
  private scheduled = false
  private running: Promise<void> | null = null
  /** When the last delivery may be followed by the next (`performance.now()` ms). */
  private nextDeliveryAt = 0

  constructor(private readonly host: OutboxHost) {}

  /** An update applied to the document: stored, then sent to every connection as `frame`. */
  update(update: Uint8Array, frame: Uint8Array): void {
    this.pending.push(update)
    this.broadcast.push(frame)
    this.schedule()
  }

  /**
   * Presence changes for every connection. All the changes of one turn go out as ONE awareness message
   * (the newest state of each client): in a room of 50 moving their pointers, a browser then handles a
   * message per turn instead of one per person, at no cost in latency.
   */
  toAllPresence(entries: readonly AwarenessEntry[], remote = false): void {
    newest(this.presence, entries)
    // Presence that came from another process is not sent back to the others.
    if (!remote && this.host.publishPresence) newest(this.ownPresence, entries)
    this.schedule()
  }

  /** [X1] An update another process stored: sent to every connection, not stored again. */
  relay(frame: Uint8Array): void {
    this.broadcast.push(frame)
    this.schedule()
  }

  /** A frame for one connection (an answer to its sync step 1, a notice). */
  to(conn: Connection, frame: Uint8Array): void {
    const list = this.direct.get(conn)
    if (list) list.push(frame)
    else this.direct.set(conn, [frame])
    this.schedule()
  }

  /** Forgets what was queued for a connection that left. */
  forget(conn: Connection): void {
    this.direct.delete(conn)
  }

  /** True while an append is in flight or anything waits to be stored or sent. */
  busy(): boolean {
    return this.running !== null || this.scheduled || this.queued()
  }

  /** Resolves when everything queued so far is stored and delivered. */
  async settle(): Promise<void> {
    while (this.host.open() && this.busy()) {
      if (this.running) await this.running
      else await this.flush()
    }
  }

  /** Waits for an append in flight, then drops everything queued (the board is being deleted). */
  async drop(): Promise<void> {
    if (this.running) await this.running.catch(() => {})
    this.clear()
  }

  /** Drops everything queued, at once (the room failed). */
  clear(): void {
    this.pending = []
    this.broadcast = []
    this.presence = new Map()
    this.ownPresence = new Map()
    this.direct = new Map()
  }

  /** Queues a flush for the end of this event-loop turn, unless one is queued or running. */
  schedule(): void {
    if (this.scheduled || this.running || !this.host.open() || !this.queued()) return
    this.scheduled = true
    const flush = (): void => {
      if (this.scheduled) void this.flush()
    }
    const wait = this.nextDeliveryAt - performance.now()
    if (wait >= MIN_TIMED_PACE_MS) setTimeout(flush, wait)
    else setImmediate(flush)
  }

  private queued(): boolean {
    return (
      this.pending.length > 0 || this.broadcast.length > 0 || this.presence.size > 0 || this.direct.size > 0
    )
  }

  private flush(): Promise<void> {
    this.scheduled = false
    const run = this.flushOnce().finally(() => {
      this.running = null
      this.schedule()
    })
    this.running = run
    return run
  }

  private async flushOnce(): Promise<void> {
    if (!this.host.open()) return
    const updates = this.pending
    const frames = this.broadcast
    const direct = this.direct
    if (this.presence.size > 0) frames.push(writeAwareness(writeAwarenessUpdate([...this.presence.values()])))
    if (this.ownPresence.size > 0) {
      this.host.publishPresence?.(writeAwarenessUpdate([...this.ownPresence.values()]))
      this.ownPresence = new Map()
    }
    this.pending = []
    this.broadcast = []
    this.presence = new Map()
    this.direct = new Map()
    if (updates.length > 0) {
      try {
        // [S2] Stored before anyone sees it.
        await this.host.store(updates)
      } catch (err) {
        this.host.failed(err)
        return
      }
      this.host.stored(updates.length)
    }
    this.deliver(frames, direct)
  }

  private deliver(frames: Uint8Array[], direct: Map<Connection, Uint8Array[]>): void {
    const shared = frames.length > 0 ? encodeFrames(frames) : null
    let messages = 0
    let bytes = 0
    let recipients = 0
    for (const conn of this.host.connections()) {
      if (conn.closed) continue
      if (conn.backlog > this.host.maxBacklog) {
        this.host.tooSlow(conn)
        continue
      }
      const own = direct.get(conn)
      if (!own && !shared) continue
      messages += frames.length + (own?.length ?? 0)
      recipients++
      if (!conn.raw) {
        // A connection with a negotiated extension gets its frames made by ws (never the case today).
        const list = own ? own.concat(frames) : frames
        conn.sendFrames(list)
        bytes += list.reduce((n, f) => n + f.length, 0)
        continue
      }
      // Answers first: a joining client's sync step 2 before updates it may already contain.
      const wire = own ? (shared ? Buffer.concat([encodeFrames(own), shared]) : encodeFrames(own)) : shared!
      conn.writeFrames(wire)
      bytes += wire.length
    }
    if (messages > 0) this.host.delivered(messages, bytes)
    this.nextDeliveryAt =
      performance.now() + Math.min(MAX_PACE_MS, (recipients * PACE_US_PER_RECIPIENT) / 1000)
  }
}

/** Keeps, per client, the newest of the known and the given presence entries (y-protocols' rule). */
function newest(into: Map<number, AwarenessEntry>, entries: readonly AwarenessEntry[]): void {
  for (const e of entries) {
    const known = into.get(e.clientId)
    if (!known || e.clock > known.clock || (e.clock === known.clock && e.state === 'null')) {
      into.set(e.clientId, e)
    }
  }
}
