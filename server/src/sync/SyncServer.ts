/**
 * The websocket side of the server: accepts a socket for `/ws/<room>?token=`, decides whether it may
 * open that room (before a single byte of the board is sent), hands its frames to the room, keeps it
 * alive with pings, and shuts everything down in order.
 *
 * A refused connection is upgraded and then closed with an application close code and a reason (4401,
 * 4403, 4404, 1013), because a browser's WebSocket cannot read an HTTP status but can read a close code:
 * that is how the client app tells the person why. The origin check is the exception: a page from a
 * foreign origin gets HTTP 403 before any upgrade (see http/websocketRoute.ts).
 */
import type { IncomingMessage } from 'node:http'
import type { WebSocket } from 'ws'
import type { FastifyBaseLogger } from 'fastify'
import { CloseCode, parseRoomName, type CurrentMeeting, type TokenClaims } from '@circleboard/shared'
import type { ServerConfig } from '../config.js'
import type { BoardRecord, DocStore } from '../storage/DocStore.js'
import type { Metrics } from '../observability/Metrics.js'
import { describeRejection, type TokenSigner } from '../auth/TokenSigner.js'
import { AccessPolicy } from './AccessPolicy.js'
import { Connection, truncateReason } from './Connection.js'
import { BoardDeletedError, CapacityError, RoomManager } from './RoomManager.js'
import type { Room } from './Room.js'
import type { UpdateGuard } from './UpdateGuard.js'
import type { RoomBus } from './RoomBus.js'
import { BoardSessions } from '../facilitation/BoardSessions.js'

/** What the features around the sync server want to hear about (none of it may throw). */
export interface SyncHooks {
  /** A board's record was read for a connection that is about to open one of its documents. */
  boardOpened?(board: BoardRecord): void
  /** A connection joined a loaded room. */
  joined?(conn: Connection, room: Room): void
  /** The control document's running meeting ended (server/SPEC.md H3); `by` wrote the change, if known. */
  meetingEnded?(boardId: string, meeting: CurrentMeeting, by: TokenClaims | null): void
}

/** Everything the sync server is built from. */
export interface SyncServerDeps {
  readonly config: ServerConfig
  readonly store: DocStore
  readonly signer: TokenSigner
  readonly metrics: Metrics
  readonly log: FastifyBaseLogger
  readonly policy?: AccessPolicy
  /** Inspects client updates before they are stored (the identity-number guard, server/SPEC.md P1). */
  readonly guard?: UpdateGuard
  readonly hooks?: SyncHooks
  /** The other server processes (scale-out, server/SPEC.md X1-X9); none in one process. */
  readonly bus?: RoomBus
}

/** Accepts websockets and routes them to rooms. */
export class SyncServer {
  readonly rooms: RoomManager
  readonly sessions: BoardSessions
  readonly policy: AccessPolicy
  private readonly connections = new Set<Connection>()
  private readonly pinger: NodeJS.Timeout
  private shuttingDown = false

  constructor(private readonly deps: SyncServerDeps) {
    this.policy = deps.policy ?? new AccessPolicy((boardId) => this.sessions.get(boardId)?.state)
    this.rooms = new RoomManager({
      store: deps.store,
      metrics: deps.metrics,
      limits: deps.config.limits,
      log: deps.log,
      denyWrite: (conn, room) => this.policy.denyWrite(conn.claims, room.ref),
      ...(deps.guard ? { guard: deps.guard } : {}),
      ...(deps.bus ? { bus: deps.bus } : {}),
    })
    this.sessions = new BoardSessions(this.rooms, deps.store, deps.log, (boardId, meeting, by) =>
      deps.hooks?.meetingEnded?.(boardId, meeting, by),
    )
    this.pinger = setInterval(() => this.ping(), deps.config.limits.pingIntervalMs)
    this.pinger.unref()
  }

  /** Open connections. */
  get connectionCount(): number {
    return this.connections.size
  }

  /** Takes over a freshly upgraded socket. */
  accept(ws: WebSocket, req: IncomingMessage): void {
    const { limits } = this.deps.config
    const refuse = (code: number, reason: string): void => {
      this.deps.metrics.closes.inc({ code: String(code) })
      ws.close(code, truncateReason(reason))
    }
    if (this.shuttingDown) return refuse(CloseCode.GoingAway, 'the server is restarting')
    const url = new URL(req.url ?? '/', 'http://localhost')
    let name: string
    try {
      name = decodeURIComponent(url.pathname.slice('/ws/'.length))
    } catch {
      return refuse(CloseCode.NotFound, 'no such board')
    }
    const ref = parseRoomName(name)
    if (!ref) return refuse(CloseCode.NotFound, 'no such board')
    // [S3] A bad token gets nothing of the board: the room is not even looked up.
    const check = this.deps.signer.verify(url.searchParams.get('token'))
    if (!check.ok) return refuse(CloseCode.Unauthorized, describeRejection(check.reason))
    const denied = this.policy.denyRead(check.claims, ref)
    if (denied !== null) return refuse(CloseCode.Forbidden, denied)
    if (this.connections.size >= limits.maxConnections) {
      return refuse(CloseCode.TryAgainLater, 'the server is full: try again in a minute')
    }

    const conn = new Connection(ws, check.claims, name, limits)
    this.connections.add(conn)
    this.deps.metrics.connections.set(this.connections.size)
    let room: Room | null = null
    let attached = false
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (room) return room.receive(conn, data, isBinary)
      if (!conn.buffer(data, isBinary, limits.maxBufferedMessages, limits.maxBufferedBytes)) {
        this.deps.metrics.closes.inc({ code: String(CloseCode.TooMany) })
        conn.close(CloseCode.TooMany, 'too many messages while the board was loading')
      }
    })
    ws.on('pong', () => {
      conn.alive = true
    })
    ws.on('close', () => {
      conn.closed = true
      this.connections.delete(conn)
      this.deps.metrics.connections.set(this.connections.size)
      room?.leave(conn)
      if (attached) this.sessions.detach(ref.boardId)
    })
    void this.open(
      conn,
      ref.boardId,
      name,
      (r) => {
        room = r
      },
      () => {
        attached = true
      },
    )
  }

  /** Looks the board up, loads the room and joins it; closes the connection on any failure. */
  private async open(
    conn: Connection,
    boardId: string,
    name: string,
    joined: (room: Room) => void,
    attached: () => void,
  ): Promise<void> {
    const { metrics, store, log, config } = this.deps
    const refuse = (code: number, reason: string): void => {
      metrics.closes.inc({ code: String(code) })
      conn.close(code, reason)
    }
    try {
      const board = await store.getBoard(boardId)
      if (!board) return refuse(CloseCode.NotFound, 'this board does not exist (it may have been deleted)')
      if (conn.closed) return
      this.deps.hooks?.boardOpened?.(board)
      // The board's facilitation state (lock, delegates) must be known before the first update is judged.
      await this.sessions.attach(boardId)
      if (conn.closed) return this.sessions.detach(boardId)
      attached()
      const room = await this.rooms.acquire(name)
      if (conn.closed || this.shuttingDown) {
        this.rooms.release(room)
        return
      }
      if (room.conns.size >= config.limits.maxConnectionsPerRoom) {
        this.rooms.release(room)
        return refuse(CloseCode.TryAgainLater, 'this board has as many people as it can take')
      }
      // Frames arriving from here on go straight to the room; the ones that came earlier are drained by join.
      joined(room)
      room.join(conn)
      this.deps.hooks?.joined?.(conn, room)
    } catch (err) {
      if (err instanceof CapacityError) return refuse(CloseCode.TryAgainLater, err.message)
      if (err instanceof BoardDeletedError) return refuse(CloseCode.NotFound, 'the board was deleted')
      log.error({ err, room: name }, 'could not open room')
      return refuse(CloseCode.InternalError, 'the board could not be loaded; retrying')
    }
  }

  /**
   * [R2] Closes everything of a board that is being deleted: its session, and every room of it without
   * storing what is queued; connections get 4404 and `reason`. No room of the board loads again.
   */
  async closeBoard(boardId: string, reason: string): Promise<void> {
    // [X8] The other processes close their rooms of the board too.
    this.deps.bus?.publishBoardDeleted(boardId, reason)
    await this.closeBoardHere(boardId, reason)
  }

  /** [X8] Another process deleted a board: close its rooms here, without storing what they queued. */
  async closeBoardHere(boardId: string, reason: string): Promise<void> {
    this.sessions.forget(boardId)
    await this.rooms.discardBoard(boardId, CloseCode.NotFound, reason)
  }

  /** Drops connections that missed a pong since the last round, pings the rest. */
  private ping(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.ws.terminate()
        continue
      }
      conn.alive = false
      try {
        conn.ws.ping()
      } catch {
        conn.ws.terminate()
      }
    }
  }

  /**
   * Graceful shutdown: refuse new sockets, store everything queued in every room, then close every
   * socket with 1001 so clients reconnect to the next server.
   */
  async shutdown(): Promise<void> {
    if (this.shuttingDown) return
    this.shuttingDown = true
    clearInterval(this.pinger)
    await this.sessions.settled()
    await this.rooms.closeAll(CloseCode.GoingAway, 'the server is restarting')
    for (const conn of this.connections) conn.close(CloseCode.GoingAway, 'the server is restarting')
  }
}
