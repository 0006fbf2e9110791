/**
 * The rooms of this process: at most one Room per document name (DESIGN.md, "one room object per board
 * document and process"). A room is created and loaded by the first connection that asks for it, kept
 * while it has connections, and unloaded `roomIdleMs` after the last one left. A room that failed to load
 * or to store is forgotten at once, so the next connection starts over with a fresh load.
 */
import { parseRoomName } from '@circleboard/shared'
import { Room, type RoomContext } from './Room.js'

/** Thrown by `acquire` when this process holds its maximum number of rooms. */
export class CapacityError extends Error {
  readonly code = 'BOARD_ERR_CAPACITY'
}

/** Thrown by `acquire` for a document of a board deleted while this process runs. */
export class BoardDeletedError extends Error {
  readonly code = 'BOARD_ERR_NOT_FOUND'
}

/** Owns every Room of the process. */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  /** Rooms being loaded: everyone asking meanwhile waits for the same load. */
  private readonly loading = new Map<string, Promise<Room>>()
  /**
   * Boards deleted while this process runs: their rooms are never loaded again, so nothing still in
   * flight (a reveal, a snapshot, a connection that was opening) can write a deleted board back. Board ids
   * are random and never reused; after a restart the missing board record refuses them instead.
   */
  private readonly deleted = new Set<string>()

  constructor(private readonly ctx: Omit<RoomContext, 'onEmpty' | 'onFailed'>) {}

  /** Number of rooms held (loaded or loading). */
  get size(): number {
    return this.rooms.size
  }

  /** The loaded room of `name`, if any. */
  get(name: string): Room | undefined {
    const room = this.rooms.get(name)
    return room?.state === 'ready' ? room : undefined
  }

  /** Every room held. */
  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** The loaded room of `name`, loading it first if needed. */
  async acquire(name: string): Promise<Room> {
    const ready = this.get(name)
    if (ready) {
      this.cancelIdle(ready)
      return ready
    }
    const inFlight = this.loading.get(name)
    if (inFlight) return inFlight
    const ref = parseRoomName(name)
    if (!ref) throw new Error(`not a room name: ${name}`)
    if (this.deleted.has(ref.boardId)) throw new BoardDeletedError('this board has been deleted')
    if (this.rooms.size >= this.ctx.limits.maxRooms)
      throw new CapacityError('too many open boards on this server')
    const room = new Room(name, ref, {
      ...this.ctx,
      onEmpty: (r) => this.release(r),
      onFailed: (r) => this.forget(r),
    })
    this.rooms.set(name, room)
    this.ctx.metrics.rooms.set(this.rooms.size)
    const load = room.load().then(
      () => {
        this.loading.delete(name)
        return room
      },
      (err: unknown) => {
        this.loading.delete(name)
        room.state = 'closed'
        room.doc.destroy()
        this.forget(room)
        this.ctx.metrics.errors.inc({ kind: 'load' })
        this.ctx.log.error({ room: name, err }, 'could not load room')
        throw err
      },
    )
    this.loading.set(name, load)
    return load
  }

  /** Call when a connection that acquired `room` will not join it after all. */
  release(room: Room): void {
    if (room.conns.size === 0 && room.holds === 0) this.scheduleIdle(room)
  }

  /** Acquires a room and keeps it loaded, even without connections, until `unhold`. */
  async hold(name: string): Promise<Room> {
    const room = await this.acquire(name)
    room.holds++
    this.cancelIdle(room)
    return room
  }

  /** Gives back a `hold`; the room unloads once it is idle. */
  unhold(room: Room): void {
    room.holds = Math.max(0, room.holds - 1)
    this.release(room)
  }

  /**
   * [R2] Drops every room of a board that is being deleted, without storing what they have queued, and
   * refuses to load them again; their connections are closed with `code` and `reason`.
   */
  async discardBoard(boardId: string, code: number, reason: string): Promise<void> {
    this.deleted.add(boardId)
    const ofBoard = (name: string): boolean => name === boardId || name.startsWith(`${boardId}/`)
    await Promise.allSettled([...this.loading].filter(([name]) => ofBoard(name)).map(([, p]) => p))
    await Promise.all(
      this.all()
        .filter((room) => ofBoard(room.name))
        .map(async (room) => {
          this.cancelIdle(room)
          this.forget(room)
          await room.discard(code, reason)
        }),
    )
  }

  /** Closes every room (shutdown): flushes each, closes its connections with `code`. */
  async closeAll(code: number, reason: string): Promise<void> {
    await Promise.allSettled([...this.loading.values()])
    await Promise.all(
      this.all().map(async (room) => {
        this.cancelIdle(room)
        await room.close(code, reason)
        this.forget(room)
      }),
    )
  }

  private scheduleIdle(room: Room): void {
    this.cancelIdle(room)
    const stillIdle = (): boolean =>
      room.conns.size === 0 &&
      room.holds === 0 &&
      room.idleTimer === null &&
      this.rooms.get(room.name) === room
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null
      if (!stillIdle()) return
      // Store what is queued first; someone may come back meanwhile, and then the room stays.
      room
        .settle()
        .then(() => {
          if (!stillIdle() || room.state !== 'ready') return
          // Forgotten before it closes: whoever asks next gets a fresh room loaded from the store,
          // which by now holds everything this one had.
          this.forget(room)
          return room.close(1001, 'idle')
        })
        .catch((err: unknown) => this.ctx.log.error({ room: room.name, err }, 'unload failed'))
    }, this.ctx.limits.roomIdleMs)
    room.idleTimer.unref()
  }

  private cancelIdle(room: Room): void {
    if (room.idleTimer) {
      clearTimeout(room.idleTimer)
      room.idleTimer = null
    }
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name)
      this.ctx.metrics.rooms.set(this.rooms.size)
    }
  }
}
