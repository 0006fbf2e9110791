/**
 * The scale-out bus on Redis Streams (DESIGN.md, "Scale-out"; server/SPEC.md X1-X9; layout in
 * streamFormat.ts). Pub/sub would be simpler, but it drops whatever is published while a subscriber is
 * reconnecting; a stream keeps entries, so a process reads on from the last id it saw.
 *
 * - Publishing (X1): after a room's batch is committed to PostgreSQL, it is XADDed to the room's stream
 *   and only then delivered to this process's connections; the room waits for Redis's answer. While
 *   Redis is unreachable it does not wait (and waits at most two seconds when Redis stops answering):
 *   an outage never stops a process's own rooms; the entries stay queued in the client and follow, in
 *   order, when Redis is back. Presence goes to the stream too, unawaited: it is not stored and order does not matter.
 * - Reading: ONE blocking connection per process, `XREAD BLOCK` over every room it has open, its
 *   wake-up stream and the events stream, each from its last id. Entries of this process are skipped;
 *   the others go to the room (applied with origin `redis`, forwarded, not stored again).
 * - Joining (X2): see `position`. After a broken read connection, each room checks whether the stream
 *   was trimmed past its position meanwhile and then reads its document from the store again.
 * - Rounds: every third of the lease TTL, for each room open here: the lease is renewed or competed for
 *   (Leases.ts), this process's position is recorded, the stream's expiry is pushed back, and the holder
 *   trims (`trimFloor`).
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type * as IORedis from 'ioredis'
import type { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'
import type { Metrics } from '../observability/Metrics.js'
import type { RemoteSink, RoomBus } from '../sync/RoomBus.js'
import { Leases } from './Leases.js'
import {
  EVENTS_KEY,
  START_ID,
  compareIds,
  decodeUpdateBatch,
  encodeUpdateBatch,
  entryFields,
  readersKey,
  streamKey,
  wakeKey,
} from './streamFormat.js'

/** Settings of the bus (README.md, "Scale-out"). */
export interface RedisBusOptions {
  readonly url: string
  /** Lease lifetime; rounds run every third of it. */
  readonly leaseTtlMs: number
  /** Stream entries younger than this are never trimmed (X6). */
  readonly streamRetentionMs: number
  /** This process's id; a random one by default. */
  readonly processId?: string | null
  readonly log: FastifyBaseLogger
  readonly metrics: Metrics
  /** Called when another process deleted a board (X8). */
  readonly boardDeleted?: (boardId: string, reason: string) => void
}

/** Longest wait for Redis to take an update batch before it is delivered anyway (X1). */
const PUBLISH_WAIT_MS = 2000
/** Longest single blocking read: a bound on how long a closing bus waits for its reader. */
const BLOCK_MS = 5000
/** Entries read per stream and call. */
const READ_COUNT = 1000
/** A stream nobody has written to or had open for this long expires (everything is in PostgreSQL). */
const STREAM_TTL_MS = 60 * 60_000

interface Subscription {
  readonly room: string
  readonly key: string
  readonly sink: RemoteSink
  lastId: string
}

/** RoomBus on Redis Streams. */
export class RedisBus implements RoomBus {
  readonly processId: string
  /** Commands: XADD, leases, positions, trims. */
  private readonly cmd: Redis
  /** The blocking reader. */
  private readonly reader: Redis
  private readonly subs = new Map<string, Subscription>()
  private readonly leases: Leases
  private readonly wake: string
  private wakeId = START_ID
  private eventsId: string | null = null
  private readerBroken = false
  /** Ends the wait for the read in flight (see the reader's `close` listener). */
  private abortRead: ((err: Error) => void) | null = null
  private closed = false
  private readonly loop: Promise<void>
  private readonly roundTimer: NodeJS.Timeout
  private roundRunning = false

  constructor(private readonly options: RedisBusOptions) {
    this.processId = options.processId || `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`
    this.wake = wakeKey(this.processId)
    // Commands wait for a reconnect instead of failing: an update batch XADDed during an outage follows
    // when Redis is back (X1). The reader's read fails instead, so that the loop notices the break (X2).
    // ioredis is loaded here, not at import: a server without REDIS_URL never loads it.
    const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof IORedis
    this.cmd = new RedisClient(options.url, { maxRetriesPerRequest: null, lazyConnect: false })
    this.reader = new RedisClient(options.url, {
      maxRetriesPerRequest: 1,
      autoResendUnfulfilledCommands: false,
      lazyConnect: false,
    })
    for (const [name, conn] of [
      ['commands', this.cmd],
      ['reader', this.reader],
    ] as const) {
      // Reconnection attempts fail many times a second during an outage: logged once, and once back.
      let down = false
      conn.on('error', (err: Error) => {
        options.metrics.errors.inc({ kind: 'redis' })
        if (down) return
        down = true
        options.log.warn({ err: { message: err.message }, connection: name }, 'redis connection lost')
      })
      conn.on('ready', () => {
        if (down) options.log.info({ connection: name }, 'redis connection is back')
        down = false
      })
    }
    // ioredis drops (without settling) a command that was in flight when its connection closed and is
    // not to be resent: the blocking read would wait forever. Its close ends the wait instead.
    this.reader.on('close', () => this.abortRead?.(new Error('the read connection closed')))
    this.leases = new Leases(this.cmd, this.processId, options.leaseTtlMs, (room, held) =>
      this.subs.get(room)?.sink.leaseChanged(held),
    )
    this.loop = this.readLoop()
    this.roundTimer = setInterval(() => void this.rounds(), Math.max(100, Math.floor(options.leaseTtlMs / 3)))
    this.roundTimer.unref()
  }

  /**
   * [X2] The order that lets nothing fall between the store and the stream: (1) note the id of the
   * stream's newest entry, here, and record it as this process's position (so that no trim passes it);
   * (2) the room reads the store; (3) it subscribes from the noted id. Another process commits an update
   * to PostgreSQL BEFORE it XADDs it. So an update whose entry is at or before the noted id was committed
   * before (1) and is in what (2) read; an update whose entry comes after it is read from the stream in
   * (3). Updates that are in both are applied twice, which Yjs ignores.
   */
  async position(room: string): Promise<string> {
    const newest = (await this.cmd.xrevrange(streamKey(room), '+', '-', 'COUNT', 1)) as [string, string[]][]
    const id = newest[0]?.[0] ?? START_ID
    await this.cmd.hset(readersKey(room), this.processId, `${id} ${Date.now()}`)
    return id
  }

  subscribe(room: string, from: string, sink: RemoteSink): void {
    if (this.closed) return
    this.subs.set(room, { room, key: streamKey(room), sink, lastId: from })
    // Interrupts the blocking read so that it includes this room now. An entry added before the read
    // starts makes it return at once, so no wake-up is lost between two reads.
    this.cmd.xadd(this.wake, 'MAXLEN', '1', '*', 'w', '1').catch(() => {})
    void this.leases.round(room).catch(() => {})
  }

  unsubscribe(room: string, sink: RemoteSink): void {
    const sub = this.subs.get(room)
    if (!sub || sub.sink !== sink) return
    this.subs.delete(room)
    this.cmd.hdel(readersKey(room), this.processId).catch(() => {})
    this.leases.release(room).catch(() => {})
  }

  async publishUpdates(room: string, updates: readonly Uint8Array[], compact: boolean): Promise<void> {
    const fields: (string | Buffer)[] = [
      'p',
      this.processId,
      'k',
      'u',
      'd',
      Buffer.from(encodeUpdateBatch(updates)),
    ]
    if (compact) fields.push('c', '1')
    const added = this.cmd.xadd(streamKey(room), '*', ...fields)
    if (this.cmd.status !== 'ready') {
      // Redis is away: the entry waits in the client's queue and follows when it is back; this
      // process's connections get the updates now rather than one wait per batch.
      added.catch(() => this.options.metrics.errors.inc({ kind: 'redis' }))
      return
    }
    let timer: NodeJS.Timeout | undefined
    const waited = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), PUBLISH_WAIT_MS)
    })
    try {
      if ((await Promise.race([added, waited])) === 'late') {
        this.options.metrics.errors.inc({ kind: 'redis' })
        this.options.log.warn({ room }, 'redis is slow to take updates: delivering them here meanwhile')
      }
    } catch (err) {
      this.options.metrics.errors.inc({ kind: 'redis' })
      this.options.log.error({ room, err }, 'could not add updates to the room stream')
    } finally {
      clearTimeout(timer)
    }
  }

  publishPresence(room: string, payload: Uint8Array): void {
    this.cmd
      .xadd(streamKey(room), '*', 'p', this.processId, 'k', 'a', 'd', Buffer.from(payload))
      .catch(() => this.options.metrics.errors.inc({ kind: 'redis' }))
  }

  fence(room: string): number | null {
    return this.leases.fence(room)
  }

  publishBoardDeleted(boardId: string, reason: string): void {
    this.cmd
      .xadd(
        EVENTS_KEY,
        'MAXLEN',
        '~',
        '1000',
        '*',
        'p',
        this.processId,
        'k',
        'deleted',
        'b',
        boardId,
        'r',
        reason,
      )
      .catch((err: unknown) =>
        this.options.log.error({ err, board: boardId }, 'could not announce a deletion'),
      )
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.roundTimer)
    const rooms = [...this.subs.keys()]
    this.subs.clear()
    await Promise.allSettled(
      rooms.flatMap((room) => [this.leases.release(room), this.cmd.hdel(readersKey(room), this.processId)]),
    )
    await this.cmd.del(this.wake).catch(() => {})
    this.reader.disconnect()
    await this.loop
    await this.cmd.quit().catch(() => this.cmd.disconnect())
  }

  private async readLoop(): Promise<void> {
    let backoff = 50
    while (!this.closed) {
      try {
        if (this.eventsId === null) {
          const newest = (await this.cmd.xrevrange(EVENTS_KEY, '+', '-', 'COUNT', 1)) as [string, string[]][]
          this.eventsId = newest[0]?.[0] ?? START_ID
        }
        if (this.readerBroken) await this.checkTrimmed()
        this.readerBroken = false
        const subs = [...this.subs.values()]
        const keys = [this.wake, EVENTS_KEY, ...subs.map((s) => s.key)]
        const ids = [this.wakeId, this.eventsId, ...subs.map((s) => s.lastId)]
        const read = this.reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...keys,
          ...ids,
        )
        read.catch(() => {})
        const aborted = new Promise<never>((_, reject) => {
          this.abortRead = reject
        })
        const result = await Promise.race([read, aborted]).finally(() => {
          this.abortRead = null
        })
        backoff = 50
        if (result) this.dispatch(result as unknown as [Buffer, [Buffer, Buffer[]][]][])
      } catch (err) {
        if (this.closed) return
        this.options.metrics.errors.inc({ kind: 'redis' })
        const first = !this.readerBroken
        this.readerBroken = true
        if (first)
          this.options.log.warn(
            { err: { message: (err as Error).message } },
            'reading the room streams failed; retrying',
          )
        await new Promise((r) => setTimeout(r, backoff).unref())
        backoff = Math.min(backoff * 2, 2000)
      }
    }
  }

  private dispatch(result: [Buffer, [Buffer, Buffer[]][]][]): void {
    for (const [keyBuf, entries] of result) {
      const key = keyBuf.toString()
      const last = entries[entries.length - 1]
      if (!last) continue
      const lastId = last[0].toString()
      if (key === this.wake) {
        this.wakeId = lastId
        continue
      }
      if (key === EVENTS_KEY) {
        this.eventsId = lastId
        for (const [, flat] of entries) this.event(entryFields(flat))
        continue
      }
      const sub = this.subs.get(key.slice('circleboard:room:'.length))
      if (!sub) continue
      for (const [idBuf, flat] of entries) {
        sub.lastId = idBuf.toString()
        const f = entryFields(flat)
        if (f.get('p')?.toString() === this.processId) continue
        this.entry(sub, f)
        // The room may have unloaded (or failed) while handling the entry.
        if (this.subs.get(sub.room) !== sub) break
      }
    }
  }

  private entry(sub: Subscription, f: Map<string, Buffer>): void {
    const kind = f.get('k')?.toString()
    const data = f.get('d')
    if (!data) return
    try {
      if (kind === 'u') sub.sink.remoteUpdates(decodeUpdateBatch(data), f.has('c'))
      else if (kind === 'a') sub.sink.remotePresence(new Uint8Array(data), f.get('p')?.toString() ?? '')
    } catch (err) {
      this.options.metrics.errors.inc({ kind: 'redis' })
      this.options.log.error({ room: sub.room, err }, 'could not apply a stream entry')
    }
  }

  private event(f: Map<string, Buffer>): void {
    if (f.get('p')?.toString() === this.processId) return
    const board = f.get('b')?.toString()
    if (f.get('k')?.toString() === 'deleted' && board)
      this.options.boardDeleted?.(board, f.get('r')?.toString() ?? 'the board was deleted')
  }

  /**
   * [X2] After the read connection broke: a room whose stream was trimmed past its position lost entries
   * it can no longer read (`max-deleted-entry-id`, Redis 7), and reads its document from the store again.
   */
  private async checkTrimmed(): Promise<void> {
    for (const sub of [...this.subs.values()]) {
      let lost: boolean
      try {
        const info = (await this.cmd.call('XINFO', 'STREAM', sub.key)) as unknown[]
        const i = info.indexOf('max-deleted-entry-id')
        lost = i >= 0 && compareIds(String(info[i + 1]), sub.lastId) > 0
      } catch {
        // No stream at all: it expired (or never existed); only a room that had read something lost anything.
        lost = sub.lastId !== START_ID
      }
      if (lost && this.subs.get(sub.room) === sub) {
        this.options.log.warn({ room: sub.room }, 'the room stream was trimmed past this process: reloading')
        sub.sink.resync()
      }
    }
  }

  /** One round: leases, positions, stream expiry, trims, and each room's own tick. */
  private async rounds(): Promise<void> {
    if (this.roundRunning || this.closed) return
    this.roundRunning = true
    try {
      const now = Date.now()
      const subs = [...this.subs.values()]
      await Promise.allSettled(subs.map((s) => this.leases.round(s.room)))
      const p = this.cmd.pipeline()
      for (const s of subs) {
        p.hset(readersKey(s.room), this.processId, `${s.lastId} ${now}`)
        p.pexpire(readersKey(s.room), STREAM_TTL_MS)
        p.pexpire(s.key, STREAM_TTL_MS)
      }
      p.pexpire(this.wake, STREAM_TTL_MS)
      await p.exec()
      for (const room of this.leases.rooms()) if (this.subs.has(room)) await this.trim(room, now)
      for (const s of subs) if (this.subs.get(s.room) === s) s.sink.tick(now)
    } catch (err) {
      this.options.metrics.errors.inc({ kind: 'redis' })
      this.options.log.warn({ err: { message: (err as Error).message } }, 'lease round failed')
    } finally {
      this.roundRunning = false
    }
  }

  /**
   * [X6] The holder trims the room's stream: approximately (`MINID ~`, whole radix-tree nodes, cheap) up
   * to the oldest position a live process has recorded, and never an entry younger than the retention.
   * A process whose record is older than three rounds counts as gone; should it come back, it reloads.
   */
  private async trim(room: string, now: number): Promise<void> {
    const floor = await this.trimFloor(room, now)
    if (floor !== null) await this.cmd.xtrim(streamKey(room), 'MINID', '~', floor)
  }

  /** The id below which the room's stream may be trimmed, or null to keep everything. */
  private async trimFloor(room: string, now: number): Promise<string | null> {
    let floor = `${Math.max(0, now - this.options.streamRetentionMs)}-0`
    const positions = await this.cmd.hgetall(readersKey(room))
    const stale = Math.max(3 * this.options.leaseTtlMs, 3000)
    for (const [pid, value] of Object.entries(positions)) {
      const [id = START_ID, at = '0'] = value.split(' ')
      if (now - Number(at) > stale) {
        await this.cmd.hdel(readersKey(room), pid)
        continue
      }
      if (compareIds(id, floor) < 0) floor = id
    }
    return floor === START_ID ? null : floor
  }
}
