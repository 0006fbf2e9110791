/**
 * One room: one Y.Doc of a board in this process, its connections, their presence, and the single writer
 * of the document to storage. The rules it keeps are numbered in server/SPEC.md (S1...).
 *
 * Messages are handled as they arrive, but nothing leaves the room before what it depends on is stored:
 * accepted updates are applied to the document and handed to the room's Outbox, which appends them to the
 * store once per event-loop turn and only then delivers the turn's frames: each update to every
 * connection, its sender included (echo), plus the answers (sync step 2, presence) meant for one
 * connection. If the append fails the room is closed with 1011 and dropped; clients keep their edits and
 * send them again when they reconnect to a freshly loaded room, so nothing is lost and nothing unstored
 * is seen.
 *
 * Compaction: a small document is compacted from its own live state (no merge at all); only a large one
 * is merged by the store's worker thread, off the event loop.
 *
 * Scale-out (server/SPEC.md X1-X9, when the server has a RoomBus): the room is one of several copies of
 * the document, one per process that has clients in it. What this room stores it also adds to the
 * room's stream before delivering it; what other processes stored comes back from the stream and is
 * applied (origin `redis`) and forwarded, not stored. Only the holder of the room's lease compacts, and
 * by merging what the store holds: its own document may lack updates that other processes have stored
 * and not yet streamed, so it cannot stand for the whole log.
 */
import * as Y from 'yjs'
import {
  CloseCode,
  ProtocolError,
  checkStateVector,
  checkUpdate,
  isEmptyUpdate,
  migrate,
  Origin,
  ownBuffer,
  readAwarenessUpdate,
  readClientMessage,
  writeAwareness,
  writeAwarenessUpdate,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  type RoomRef,
} from '@circleboard/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { Limits } from '../config.js'
import type { DocStore, StoredDoc } from '../storage/DocStore.js'
import type { Metrics } from '../observability/Metrics.js'
import { AwarenessRegistry } from './AwarenessRegistry.js'
import type { Connection } from './Connection.js'
import type { GuardVerdict, UpdateGuard } from './UpdateGuard.js'
import { Outbox } from './Outbox.js'
import type { RemoteSink, RoomBus } from './RoomBus.js'
import { REMOTE_PRESENCE_TIMEOUT_MS } from './remotePresence.js'

/** What a room needs from the server around it. */
export interface RoomContext {
  readonly store: DocStore
  readonly metrics: Metrics
  readonly limits: Limits
  readonly log: FastifyBaseLogger
  /** `null` when `conn` may change `room`'s document now, else the reason it may not. */
  denyWrite(conn: Connection, room: Room): string | null
  /** Inspects client updates before they are stored (server/SPEC.md P1); none means none. */
  readonly guard?: UpdateGuard
  /** The room has no connections left. */
  onEmpty(room: Room): void
  /** The room closed itself after a failure; forget it. */
  onFailed(room: Room): void
  /** The other processes with this room open (scale-out); none in one process. */
  readonly bus?: RoomBus
}

/** Typed transaction origins of changes the server makes itself (CONVENTIONS.md habit 6). */
export const ServerOrigin = { persistence: 'persistence', server: 'server', redis: 'redis' } as const

/** Presence of another server process (scale-out): the awareness ids that process speaks for. */
interface RemoteOwner {
  readonly ownedClientIds: Set<number>
}

/** Lifecycle: `loading` -> `ready` -> `closed`. */
export type RoomState = 'loading' | 'ready' | 'closed'

const EMPTY_STATE_VECTOR_LENGTH = 1
/**
 * Largest document compacted from its live state on the event loop: encoding 1 MB takes a few
 * milliseconds, and it happens when the room is quiet. A larger document is merged in the store's worker.
 */
const INLINE_COMPACT_MAX_BYTES = 1024 * 1024
/** A room whose log is due for compaction waits this long for a pause in the edits. */
const QUIET_MS = 2000
/** ... but not beyond this many times the compaction threshold: then it compacts while busy. */
const BUSY_COMPACTION_FACTOR = 20
/**
 * A received update at least this large is checked for what it adds to the document. One that adds
 * nothing (a whole board sent back: the browser client did that on every first visit until 0bbfa26, and
 * an old tab still may) is neither stored nor forwarded; one that adds a little to a lot is stored and
 * forwarded as that little, so nobody applies the rest again. Smaller updates go on as they came: no
 * second encoding on the hot path.
 */
const CHECK_NEWS_MIN_BYTES = 64 * 1024

/** A loaded board document and everyone connected to it. */
export class Room implements RemoteSink {
  state: RoomState = 'loading'
  readonly conns = new Set<Connection>()
  private readonly ydoc = new Y.Doc()
  /**
   * A stored state not yet applied to the document. A room loaded from a single compacted state serves
   * its first clients straight from those bytes (what a client with an empty document asks for) and
   * applies them to its own document right after, so a cold load costs the client one read from the store
   * instead of a read plus a full apply. Anything that needs the document applies them first (`doc`).
   */
  private unapplied: StoredDoc | null = null
  /** Connections that joined before the document was applied: they get the server's step 1 after. */
  private awaitingStep1 = new Set<Connection>()
  private readonly awareness: AwarenessRegistry
  private readonly outbox: Outbox
  /** `Y.encodeStateAsUpdate(doc)`, kept until the next change: most joining clients ask for all of it. */
  private fullState: Uint8Array | null = null
  /** Size of the last full encoding of the document, to choose how to compact it. */
  private stateBytes = 0
  /** Updates appended since the last compaction request. */
  private sinceCompaction = 0
  /** Waits for a pause in the edits before compacting (see `stored`). */
  private quietTimer: NodeJS.Timeout | null = null
  /** Compact once the next append is stored (a guard removed something; see `acceptRepaired`). */
  private compactAfterAppend = false
  /** Set while the room waits to be unloaded. */
  idleTimer: NodeJS.Timeout | null = null
  /** Server-side users of the room (a board's control document, held while the board is in use). */
  holds = 0
  /** Scale-out: the presence owner of each other process, by process id. */
  private readonly remoteOwners = new Map<string, RemoteOwner>()
  /** Scale-out: told when this process wins or loses the room's lease. */
  private readonly leaseListeners = new Set<(held: boolean) => void>()
  /** Scale-out: the next batch stored asks the lease holder to compact (a repair, P1). */
  private askCompaction = false

  constructor(
    readonly name: string,
    readonly ref: RoomRef,
    private readonly ctx: RoomContext,
  ) {
    this.awareness = new AwarenessRegistry(
      ctx.limits.maxAwarenessStateBytes,
      ctx.limits.maxAwarenessClientsPerConnection,
    )
    const bus = ctx.bus
    this.outbox = new Outbox({
      connections: () => this.conns,
      store: bus
        ? async (updates) => {
            await ctx.metrics.timeStore('append', () => ctx.store.append(this.name, updates))
            // [X1] Durable first, then on the stream, then (after this resolves) delivered.
            const compact = this.askCompaction
            this.askCompaction = false
            await bus.publishUpdates(this.name, updates, compact)
          }
        : (updates) => ctx.metrics.timeStore('append', () => ctx.store.append(this.name, updates)),
      stored: (count) => this.stored(count),
      failed: (err) => this.fail(err),
      tooSlow: (conn) => this.reject(conn, CloseCode.TryAgainLater, 'the connection fell too far behind'),
      maxBacklog: ctx.limits.maxSendBufferBytes,
      delivered: (messages, bytes) => {
        ctx.metrics.messagesOut.inc(messages)
        ctx.metrics.bytesOut.inc(bytes)
        if (this.unapplied) setImmediate(() => this.apply())
      },
      open: () => this.state === 'ready',
      ...(bus ? { publishPresence: (payload: Uint8Array) => bus.publishPresence(this.name, payload) } : {}),
    })
  }

  /** The room's document (applied from the store first, if that is still to be done). */
  get doc(): Y.Doc {
    if (this.unapplied) this.apply()
    return this.ydoc
  }

  /** [S1] Loads the stored document; no client is served before this resolves. */
  async load(): Promise<void> {
    // [X2] The stream position is noted BEFORE the store is read (RedisBus.position says why).
    const from = this.ctx.bus ? await this.ctx.bus.position(this.name) : null
    const stored = await this.ctx.metrics.timeStore('load', () => this.ctx.store.load(this.name))
    if (from !== null) this.ctx.bus?.subscribe(this.name, from, this)
    this.sinceCompaction = stored.updates.length
    this.stateBytes = stored.state?.length ?? 0
    this.unapplied = stored
    if (stored.state && stored.updates.length === 0) {
      // A lone compacted state is exactly what a client with an empty document needs: serve it as it is.
      this.fullState = stored.state
      this.state = 'ready'
      // Applied once the first answers have left (see `delivered`), or soon anyway.
      setTimeout(() => this.apply(), 50).unref()
      return
    }
    this.apply()
    this.state = 'ready'
    this.afterApply()
  }

  /** Applies the stored state and log to the document. */
  private apply(): void {
    const stored = this.unapplied
    if (!stored) return
    this.unapplied = null
    let skipped = 0
    this.ydoc.transact(() => {
      for (const update of stored.state ? [stored.state, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(this.ydoc, update)
        } catch {
          skipped++
        }
      }
    }, ServerOrigin.persistence)
    if (skipped > 0) {
      this.ctx.metrics.errors.inc({ kind: 'load' }, skipped)
      this.ctx.log.error(
        { room: this.name, skipped },
        'stored updates that could not be applied were skipped',
      )
    }
    if (skipped > 0) this.fullState = null
    if (this.state === 'ready') this.afterApply()
  }

  /** What follows applying the stored document: the migration, deferred step 1s, a due compaction. */
  private afterApply(): void {
    // Board documents are brought to the current schema; the migration is stored and sent like any change
    // (an old board, or one a bare y-websocket client started).
    if (this.ref.kind === 'board') this.change((doc) => migrate(doc), Origin.migration)
    const sv = writeSyncStep1(Y.encodeStateVector(this.ydoc))
    for (const conn of this.awaitingStep1) if (this.conns.has(conn)) this.queueDirect(conn, sv)
    this.awaitingStep1.clear()
    if (this.sinceCompaction >= this.ctx.limits.compactAfterUpdates) this.requestCompaction()
  }

  /** Adds a connection: sends the server's state vector and the room's presence, then its early frames. */
  join(conn: Connection): void {
    this.conns.add(conn)
    if (this.unapplied) this.awaitingStep1.add(conn)
    else this.queueDirect(conn, writeSyncStep1(Y.encodeStateVector(this.ydoc)))
    const live = this.awareness.liveEntries()
    if (live.length > 0) this.queueDirect(conn, writeAwareness(writeAwarenessUpdate(live)))
    for (const frame of conn.drain()) {
      if (conn.closed) break
      this.receive(conn, frame.data, frame.isBinary)
    }
  }

  /** Removes a connection and broadcasts the removal of its presence. */
  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return
    this.outbox.forget(conn)
    const removed = this.awareness.removeOwner(conn)
    if (removed.length > 0 && this.state === 'ready') this.outbox.toAllPresence(removed)
    if (this.conns.size === 0) this.ctx.onEmpty(this)
  }

  /** Handles one frame from a connection of this room. */
  receive(conn: Connection, data: Buffer, isBinary: boolean): void {
    if (conn.closed) return
    if (!isBinary) return this.reject(conn, CloseCode.BadMessage, 'text frames are not part of the protocol')
    if (!conn.budget.take()) return this.reject(conn, CloseCode.TooMany, 'too many messages: slow down')
    if (data.length > this.ctx.limits.maxPayloadBytes) {
      return this.reject(
        conn,
        CloseCode.TooLarge,
        `message larger than ${this.ctx.limits.maxPayloadBytes} bytes`,
      )
    }
    this.ctx.metrics.bytesIn.inc(data.length)
    const frame = ownBuffer(data)
    try {
      const msg = readClientMessage(frame)
      this.ctx.metrics.messagesIn.inc({ type: msg.type })
      switch (msg.type) {
        case 'sync-step1':
          checkStateVector(msg.stateVector)
          this.queueDirect(conn, writeSyncStep2(this.encodeStateFor(msg.stateVector)))
          break
        case 'sync-step2':
          this.receiveUpdate(conn, msg.update, null)
          break
        case 'update':
          this.receiveUpdate(conn, msg.update, frame)
          break
        case 'awareness':
          this.receiveAwareness(conn, msg.payload)
          break
        case 'query-awareness':
          this.queueDirect(conn, writeAwareness(writeAwarenessUpdate(this.awareness.liveEntries())))
          break
      }
    } catch (err) {
      if (err instanceof ProtocolError) return this.reject(conn, CloseCode.BadMessage, err.reason)
      throw err
    }
  }

  /**
   * Changes the document on the server's own behalf (a template, a reveal of drafts); the change is
   * stored and broadcast like a client's update.
   */
  change(fn: (doc: Y.Doc) => void, origin: unknown = ServerOrigin.server): void {
    if (this.state !== 'ready') throw new Error(`room ${this.name} is ${this.state}`)
    const captured: Uint8Array[] = []
    const capture = (update: Uint8Array): void => {
      captured.push(update)
    }
    this.doc.on('update', capture)
    try {
      this.doc.transact(() => fn(this.doc), origin)
    } finally {
      this.doc.off('update', capture)
    }
    for (const update of captured) this.accept(update, writeUpdate(update))
  }

  /** True while an append is in flight or anything waits to be stored or sent. */
  hasWork(): boolean {
    return this.outbox.busy()
  }

  /** Resolves when everything queued so far is stored and delivered. */
  settle(): Promise<void> {
    return this.outbox.settle()
  }

  /** Flushes, closes every connection with `code`, compacts, and releases the document. */
  async close(code: number, reason: string): Promise<void> {
    await this.settle()
    // Compacted from the document while it still exists (nothing is queued any more), if it changed.
    if (this.sinceCompaction > 0 || this.compactAfterAppend) this.requestCompaction()
    this.ctx.bus?.unsubscribe(this.name, this)
    this.state = 'closed'
    for (const conn of this.conns) conn.close(code, reason)
    this.conns.clear()
    this.ydoc.destroy()
  }

  /**
   * Drops the room without storing what is queued and without compacting (the board is being deleted):
   * waits for an append in flight, then closes every connection with `code`.
   */
  async discard(code: number, reason: string): Promise<void> {
    this.ctx.bus?.unsubscribe(this.name, this)
    await this.outbox.drop()
    this.state = 'closed'
    for (const conn of this.conns) {
      this.ctx.metrics.closes.inc({ code: String(code) })
      conn.close(code, reason)
    }
    this.conns.clear()
    this.ydoc.destroy()
  }

  /**
   * Asks the store to fold the log into the state. A small document hands over its live state (nothing to
   * merge: it covers everything appended); a large one leaves the merge to the store's worker. The live
   * state may already contain updates the outbox has not appended yet: they are appended after it and
   * applied again on load, which Yjs ignores, so nothing is lost and nothing is doubled.
   */
  requestCompaction(): void {
    let fence: number | undefined
    if (this.ctx.bus) {
      // [X5] Only the lease holder compacts; the others keep counting, for when the lease comes to them.
      const f = this.ctx.bus.fence(this.name)
      if (f === null) return
      fence = f
    }
    this.sinceCompaction = 0
    if (this.quietTimer) {
      clearTimeout(this.quietTimer)
      this.quietTimer = null
    }
    let live: Uint8Array | undefined
    if (fence === undefined && this.state === 'ready' && this.stateBytes <= INLINE_COMPACT_MAX_BYTES) {
      // A room still serving from its stored state has nothing new to compact: `fullState` is that state.
      this.fullState ??= Y.encodeStateAsUpdate(this.doc)
      this.stateBytes = this.fullState.length
      live = this.fullState
    }
    this.ctx.store.compact(this.name, live, fence).catch((err: unknown) => {
      if ((err as { fenced?: boolean }).fenced) {
        // A newer holder compacted first: expected when the lease changes hands.
        this.ctx.log.info({ room: this.name }, 'compaction refused: the lease has moved on')
        return
      }
      this.ctx.metrics.errors.inc({ kind: 'store' })
      this.ctx.log.error({ room: this.name, err }, 'compaction failed')
    })
  }

  /** Scale-out: true when this process may act for the room alone (it holds the lease); always in one process. */
  leads(): boolean {
    return !this.ctx.bus || this.ctx.bus.fence(this.name) !== null
  }

  /** Scale-out: `fn` is told whenever this process wins or loses the room's lease; returns the unsubscribe. */
  onLease(fn: (held: boolean) => void): () => void {
    this.leaseListeners.add(fn)
    return () => this.leaseListeners.delete(fn)
  }

  /** [X1] Updates another process stored: applied, forwarded to this process's connections, not stored. */
  remoteUpdates(updates: readonly Uint8Array[], compact: boolean): void {
    if (this.state !== 'ready') return
    const doc = this.doc
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, ServerOrigin.redis)
      } catch {
        this.ctx.metrics.errors.inc({ kind: 'redis' })
        continue
      }
      this.fullState = null
      this.outbox.relay(writeUpdate(update))
    }
    if (compact) this.compactAfterAppend = true
    this.stored(updates.length)
  }

  /** [X3] Presence of another process's connections. */
  remotePresence(payload: Uint8Array, from: string): void {
    if (this.state !== 'ready') return
    let owner = this.remoteOwners.get(from)
    if (!owner) this.remoteOwners.set(from, (owner = { ownedClientIds: new Set() }))
    const accepted = this.awareness.applyRemote(owner, readAwarenessUpdate(payload), Date.now())
    if (accepted.length > 0) this.outbox.toAllPresence(accepted, true)
  }

  /** [X2] The stream lost entries this room had not read: apply the whole stored document again. */
  resync(): void {
    void this.ctx.store.load(this.name).then(
      (stored) => {
        if (this.state !== 'ready') return
        const doc = this.doc
        const captured: Uint8Array[] = []
        const capture = (update: Uint8Array): void => {
          captured.push(update)
        }
        doc.on('update', capture)
        try {
          doc.transact(() => {
            for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) {
              try {
                Y.applyUpdate(doc, u)
              } catch {
                // Skipped like on load (ST8).
              }
            }
          }, ServerOrigin.redis)
        } finally {
          doc.off('update', capture)
        }
        // What was missing, sent on to this process's connections like any other process's update.
        for (const update of captured) {
          this.fullState = null
          this.outbox.relay(writeUpdate(update))
        }
      },
      (err: unknown) => this.ctx.log.error({ room: this.name, err }, 'could not reload the room'),
    )
  }

  /** [X5] The lease came to this process (or left it). */
  leaseChanged(held: boolean): void {
    if (held && this.state === 'ready' && (this.compactAfterAppend || this.sinceCompaction > 0)) {
      if (this.compactAfterAppend || this.sinceCompaction >= this.ctx.limits.compactAfterUpdates) {
        this.compactAfterAppend = false
        this.requestCompaction()
      }
    }
    for (const fn of this.leaseListeners) fn(held)
  }

  /** [X3] Drops presence of processes that stopped renewing it (they died). */
  tick(now: number): void {
    if (this.state !== 'ready' || this.remoteOwners.size === 0) return
    const removed = this.awareness.removeStaleRemote(now - REMOTE_PRESENCE_TIMEOUT_MS)
    if (removed.length > 0) this.outbox.toAllPresence(removed, true)
  }

  /**
   * The outbox stored `count` updates. Once the log has grown past the threshold the room compacts at the
   * next pause of two seconds in the edits (compacting costs the event loop a few milliseconds, better
   * spent when nobody waits), or at once when a busy room's log has grown twenty times that, or when a
   * repair asked for it.
   */
  private stored(count: number): void {
    this.sinceCompaction += count
    const threshold = this.ctx.limits.compactAfterUpdates
    if (this.compactAfterAppend || this.sinceCompaction >= threshold * BUSY_COMPACTION_FACTOR) {
      this.compactAfterAppend = false
      this.requestCompaction()
      return
    }
    if (this.sinceCompaction < threshold) return
    if (this.quietTimer) clearTimeout(this.quietTimer)
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null
      if (this.state === 'ready' && this.sinceCompaction >= threshold) this.requestCompaction()
    }, QUIET_MS)
    this.quietTimer.unref()
  }

  private receiveUpdate(conn: Connection, update: Uint8Array, frame: Uint8Array | null): void {
    const denied = this.ctx.denyWrite(conn, this)
    if (denied !== null) {
      // [S4] Never applied, stored or forwarded; the sender is told (at most once a second).
      if (!isEmptyUpdate(update)) this.notifyDenied(conn, denied)
      return
    }
    if (isEmptyUpdate(update)) return
    checkUpdate(update)
    const guard = this.ctx.guard?.watches(this) ? this.ctx.guard : null
    const checkNews = update.length >= CHECK_NEWS_MIN_BYTES
    const { store } = this.doc
    // Only read for a large update: the hot path of small ones stays as it was.
    const pendingBefore = checkNews ? [store.pendingStructs, store.pendingDs] : null
    let tr = null as Y.Transaction | null
    try {
      if (guard === null && !checkNews) Y.applyUpdate(this.doc, update, conn)
      else {
        // The same single transaction applyUpdate would make, kept to see what it changed.
        this.doc.transact((t) => {
          tr = t
          Y.applyUpdate(this.doc, update, conn)
        }, conn)
      }
    } catch {
      this.ctx.metrics.errors.inc({ kind: 'bad_message' })
      throw new ProtocolError('update could not be applied')
    }
    const verdict = guard !== null && tr !== null ? guard.inspect(this, conn, tr) : null
    if (verdict === null && pendingBefore !== null && tr !== null) {
      const pendingChanged = store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1]
      const news = pendingChanged ? update : this.addedBy(tr, update)
      if (news === null) return
      return this.accept(news, news === update ? (frame ?? writeUpdate(update)) : writeUpdate(news))
    }
    if (verdict === null) return this.accept(update, frame ?? writeUpdate(update))
    this.acceptRepaired(conn, update, verdict)
    guard?.repaired?.(this, conn)
  }

  /**
   * [P1] Repairs a client's update and queues, instead of it, the diff from before the update to after the
   * repair: the clocks the update's structs start at (per client) and the server's own clock before the
   * repair bound it. Deleted characters are garbage-collected by Yjs, so the diff carries the deletion
   * but not the removed text: it is never stored or forwarded. The sender gets the diff like everyone
   * (its own copy loses the text too) and is told why.
   */
  private acceptRepaired(conn: Connection, update: Uint8Array, verdict: GuardVerdict): void {
    const from = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      from.set(client, Math.min(clock, from.get(client) ?? clock))
    }
    this.doc.transact(() => verdict.repair(this.doc), ServerOrigin.server)
    const diff = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(from))
    this.accept(diff, writeUpdate(diff))
    this.queueDirect(conn, writePermissionDenied(verdict.reason))
    // Earlier keystrokes of the text are in the log one character each; compacting right after this is
    // stored folds them into a state where they are deleted, so the log does not keep them either.
    this.compactAfterAppend = true
    // Scale-out: the lease holder may be another process; the stream entry asks it to.
    this.askCompaction = true
  }

  /**
   * What transaction `tr`, which applied `update`, added to the document: `null` for nothing, else the
   * smaller of `update` and the document's diff against the state before (every struct it added, and the
   * delete set), which is only encoded when the update added less than half of the document.
   */
  private addedBy(tr: Y.Transaction, update: Uint8Array): Uint8Array | null {
    let added = 0
    let total = 0
    for (const [client, clock] of tr.afterState) {
      added += clock - (tr.beforeState.get(client) ?? 0)
      total += clock
    }
    if (added === 0 && tr.deleteSet.clients.size === 0) return null
    // Mostly new (a board's first upload, an import): the update is about its own diff; encoding that
    // again would only cost time.
    if (added * 2 > total) return update
    const diff = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(tr.beforeState))
    return diff.length < update.length ? diff : update
  }

  private accept(update: Uint8Array, frame: Uint8Array): void {
    this.fullState = null
    this.outbox.update(update, frame)
  }

  private receiveAwareness(conn: Connection, payload: Uint8Array): void {
    const result = this.awareness.apply(conn, readAwarenessUpdate(payload))
    if (!result.ok) {
      if (result.reason === 'too-large') {
        this.reject(
          conn,
          CloseCode.TooLarge,
          `awareness state larger than ${this.ctx.limits.maxAwarenessStateBytes}`,
        )
      } else {
        this.reject(conn, CloseCode.TooMany, 'too many awareness clients on one connection')
      }
      return
    }
    if (result.accepted.length === 0) {
      // Nothing new: the stock y-websocket client relays every presence update it receives, so in a
      // room of 50 each client sends back what it was sent. Those echoes cost a parse and a compare; they
      // count a tenth of a message against the client's budget, or stock clients in big rooms hit 4429.
      conn.budget.refund(0.9)
      return
    }
    this.outbox.toAllPresence(result.accepted)
  }

  private notifyDenied(conn: Connection, reason: string): void {
    const now = Date.now()
    if (now - conn.lastDeniedAt < 1000) return
    conn.lastDeniedAt = now
    this.queueDirect(conn, writePermissionDenied(reason))
  }

  private encodeStateFor(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === EMPTY_STATE_VECTOR_LENGTH) {
      this.fullState ??= Y.encodeStateAsUpdate(this.doc)
      this.stateBytes = this.fullState.length
      return this.fullState
    }
    return Y.encodeStateAsUpdate(this.doc, stateVector)
  }

  private reject(conn: Connection, code: number, reason: string): void {
    this.ctx.metrics.errors.inc({ kind: code === CloseCode.BadMessage ? 'bad_message' : 'limit' })
    this.ctx.metrics.closes.inc({ code: String(code) })
    this.ctx.log.info({ room: this.name, conn: conn.id, code, reason }, 'closing connection')
    conn.close(code, reason)
  }

  private queueDirect(conn: Connection, frame: Uint8Array): void {
    this.outbox.to(conn, frame)
  }

  /** [S6] A failed store closes the room cleanly: every connection gets 1011 and reconnects. */
  private fail(err: unknown): void {
    this.ctx.metrics.errors.inc({ kind: 'store' })
    this.ctx.log.error({ room: this.name, err }, 'store failed; closing the room')
    this.ctx.bus?.unsubscribe(this.name, this)
    this.state = 'closed'
    for (const conn of this.conns) {
      this.ctx.metrics.closes.inc({ code: String(CloseCode.InternalError) })
      conn.close(CloseCode.InternalError, 'the board could not be saved; reconnecting')
    }
    this.conns.clear()
    this.outbox.clear()
    this.ydoc.destroy()
    this.ctx.onFailed(this)
  }
}
