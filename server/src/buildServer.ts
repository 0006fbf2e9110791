/**
 * `buildServer(config)`: the whole server as a Fastify instance that never listens (DESIGN.md, "Server").
 * Tests call `inject` on it or `listen({ port: 0 })`; main.ts listens on the configured port.
 *
 * Closing the instance is the graceful shutdown: websockets stop being accepted, every room stores what it
 * has queued and closes its sockets with 1001, background compactions finish, the store closes.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import fastifyWebsocket from '@fastify/websocket'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import { ErrorCode } from '@circleboard/shared'
import type { ServerConfig } from './config.js'
import type { DocStore } from './storage/DocStore.js'
import { SqliteDocStore } from './storage/SqliteDocStore.js'
import { MemoryDocStore } from './storage/MemoryDocStore.js'
import { PostgresDocStore } from './storage/PostgresDocStore.js'
import type { RoomBus } from './sync/RoomBus.js'
import { RedisBus } from './scale/RedisBus.js'
import { TokenSigner } from './auth/TokenSigner.js'
import { loadOrCreateSecret } from './auth/secret.js'
import { Metrics } from './observability/Metrics.js'
import { SyncServer } from './sync/SyncServer.js'
import { BoardDeletedError, CapacityError } from './sync/RoomManager.js'
import type { Services } from './http/services.js'
import { HttpError, errorBody } from './http/errors.js'
import { boardsRoutes } from './http/boardsRoutes.js'
import { websocketRoute } from './http/websocketRoute.js'
import { opsRoutes } from './http/opsRoutes.js'
import { identityRoutes } from './http/identityRoutes.js'
import { shareRoutes } from './http/shareRoutes.js'
import { staticClient } from './http/staticClient.js'
import { snapshotRoutes } from './http/snapshotRoutes.js'
import { exportRoutes } from './http/exportRoutes.js'
import { importRoutes } from './http/importRoutes.js'
import { boardAdminRoutes } from './http/boardAdminRoutes.js'
import { AuditEvent, AuditLog } from './audit/AuditLog.js'
import { IdentityGuard } from './privacy/identityGuard.js'
import { Snapshots } from './snapshots/Snapshots.js'
import { ExportRunner } from './export/ExportRunner.js'
import { BoardDeletion } from './retention/BoardDeletion.js'
import { RetentionSweeper } from './retention/RetentionSweeper.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The services of this server (tests reach the store and the rooms through it). */
    circleboard: Services
  }
}

/** Optional replacements, for tests (a store that fails on purpose, say). */
export interface BuildOverrides {
  readonly store?: DocStore
  /** Where log lines go instead of stdout (tests read them to check what is logged). */
  readonly logStream?: NodeJS.WritableStream
  /** How long the automatic end-of-meeting snapshot waits for the meeting record's `endedAt` (ms). */
  readonly meetingEndGraceMs?: number
}

/** The path of a request URL without its query string: what logs may show (a query can hold a token). */
export function loggablePath(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? ''
}

/** Builds the server; it does not listen. */
export function buildServer(config: ServerConfig, overrides: BuildOverrides = {}): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Tokens travel in the query of websocket URLs and in Authorization headers: neither is logged.
      serializers: {
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: loggablePath(req.url),
          remoteAddress: req.ip,
        }),
      },
      redact: ['req.headers.authorization', 'req.query.token'],
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
    },
    bodyLimit: config.limits.maxPayloadBytes,
    // Refuse what does not match a schema instead of quietly dropping or converting it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    trustProxy: false,
  })

  const store = overrides.store ?? makeStore(config)
  const secret = loadOrCreateSecret(config.secret, config.dataDir)
  const signer = new TokenSigner(secret)
  const metrics = new Metrics()
  // Scale-out (server/SPEC.md X1-X9): only with REDIS_URL; without it no Redis code runs at all.
  let sync: SyncServer | null = null
  const bus: RoomBus | undefined = config.scaleOut
    ? new RedisBus({
        url: config.scaleOut.redisUrl,
        leaseTtlMs: config.scaleOut.leaseTtlMs,
        streamRetentionMs: config.scaleOut.streamRetentionMs,
        processId: config.scaleOut.processId,
        log: app.log,
        metrics,
        boardDeleted: (boardId, reason) => void sync?.closeBoardHere(boardId, reason),
      })
    : undefined
  const audit = new AuditLog(store, app.log, metrics)
  const guard = new IdentityGuard((room, conn) => {
    metrics.errors.inc({ kind: 'personal_data' })
    app.log.info({ room: room.name, conn: conn.id }, 'removed a personal identity number')
    audit.record(room.ref.boardId, AuditEvent.identityNumberRemoved, conn.claims, { document: room.ref.kind })
  })
  // Built below; the sync server only calls it once a meeting ends, long after construction.
  let snapshots: Snapshots | null = null
  sync = new SyncServer({
    config,
    store,
    ...(bus ? { bus } : {}),
    signer,
    metrics,
    log: app.log,
    guard,
    hooks: {
      boardOpened: (board) => guard.setEnabled(board.id, board.settings.identityNumberCheck),
      joined: (conn, room) => {
        if (room.ref.kind === 'board') audit.joined(room.ref.boardId, conn.claims)
      },
      meetingEnded: (boardId, meeting, by) => snapshots?.endOfMeeting(boardId, meeting, by),
    },
  })
  snapshots = new Snapshots(store, sync.rooms, audit, app.log, overrides.meetingEndGraceMs)
  const exports = new ExportRunner()
  const deletion = new BoardDeletion(store, sync, audit, guard, app.log)
  const retention = new RetentionSweeper(store, deletion, app.log, config.retentionSweepMs)
  const services: Services = {
    config,
    store,
    signer,
    metrics,
    sync,
    audit,
    snapshots,
    exports,
    guard,
    deletion,
    retention,
  }
  app.decorate('circleboard', services)

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send(errorBody(err.code, err.message))
    if (err.validation) return reply.code(400).send(errorBody(ErrorCode.BadRequest, err.message))
    // A board deleted while the request was on its way; a server with as many boards open as it may.
    if (err instanceof BoardDeletedError)
      return reply.code(404).send(errorBody(ErrorCode.NotFound, 'the board was deleted'))
    if (err instanceof CapacityError)
      return reply.code(503).send(errorBody(ErrorCode.Unavailable, `${err.message}: try again in a minute`))
    const status = err.statusCode ?? 500
    if (status === 413)
      return reply.code(413).send(errorBody(ErrorCode.PayloadTooLarge, 'request body too large'))
    if (status === 429) return reply.code(429).send(errorBody(ErrorCode.RateLimited, err.message))
    if (status >= 400 && status < 500)
      return reply.code(status).send(errorBody(ErrorCode.BadRequest, err.message))
    req.log.error({ err }, 'request failed')
    metrics.errors.inc({ kind: 'internal' })
    return reply.code(500).send(errorBody(ErrorCode.Internal, 'something went wrong on the server'))
  })
  app.setNotFoundHandler((req, reply) =>
    reply
      .code(404)
      .send(errorBody(ErrorCode.NotFound, `no route for ${req.method} ${loggablePath(req.url)}`)),
  )

  app.register(fastifyHelmet, {
    // Explicit directives rather than helmet's defaults: those include upgrade-insecure-requests, which
    // would turn the websocket of a plain-HTTP meeting-room server into wss:// and break it.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS belongs to whoever terminates TLS in front of this server.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
  app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `too many requests: try again in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  })
  app.register(fastifyWebsocket, {
    options: {
      // Frames over the configured limit are refused by the room with 4413 and a reason; ws itself cuts
      // off anything over twice the limit (1009) before buffering it in full.
      maxPayload: config.limits.maxPayloadBytes * 2,
      perMessageDeflate: false,
    },
    preClose: async () => {
      await sync.shutdown()
    },
    errorHandler: (err, socket) => {
      metrics.errors.inc({ kind: 'socket' })
      app.log.debug({ err: { message: err.message } }, 'websocket error')
      socket.terminate()
    },
  })
  app.register(async (scoped) => {
    await websocketRoute(scoped, services)
    await boardsRoutes(scoped, services)
    await opsRoutes(scoped, services)
    await identityRoutes(scoped, services)
    await shareRoutes(scoped, services, secret)
    await snapshotRoutes(scoped, services)
    await exportRoutes(scoped, services)
    await boardAdminRoutes(scoped, services)
  })
  // Its own context: it reads JSON bodies as text, with a larger body limit.
  app.register(async (scoped) => importRoutes(scoped, services))
  app.register(async (scoped) => staticClient(scoped, config.clientDir))
  // [R1] The first sweep runs as soon as the server is ready, then every RETENTION_SWEEP_MS.
  app.addHook('onReady', async () => retention.start())
  app.addHook('onClose', async () => {
    await retention.stop()
    await sync.shutdown()
    await exports.close()
    await audit.settled()
    await bus?.close()
    await store.close()
  })
  return app
}

/** The store the configuration names. */
function makeStore(config: ServerConfig): DocStore {
  switch (config.store) {
    case 'memory':
      return new MemoryDocStore()
    case 'postgres':
      if (!config.databaseUrl) throw new Error('STORE=postgres needs DATABASE_URL')
      return new PostgresDocStore({ connectionString: config.databaseUrl, poolSize: config.databasePoolSize })
    case 'sqlite':
      return SqliteDocStore.inDataDir(config.dataDir)
  }
}
