/**
 * Server configuration: one typed object, read from the environment by `configFromEnv` (main.ts) or built
 * directly by tests. Every limit has a default that suits a research circle on one machine; README.md
 * lists the variables.
 */
import { resolve } from 'node:path'

/** Everything `buildServer` needs to know. */
export interface ServerConfig {
  /** Interface to listen on (main.ts only; `buildServer` never listens). */
  readonly host: string
  readonly port: number
  /** Where the SQLite database and the generated secret live. */
  readonly dataDir: string
  /**
   * `sqlite` (embedded default), `memory` (nothing survives a restart; for demos and tests) or `postgres`
   * (`databaseUrl`; what several processes share in scale-out).
   */
  readonly store: 'sqlite' | 'memory' | 'postgres'
  /** PostgreSQL connection string, for `store: 'postgres'`. */
  readonly databaseUrl: string | null
  /** Connections in the PostgreSQL pool. */
  readonly databasePoolSize: number
  /** Scale-out through Redis (server/SPEC.md X1-X9); `null` (no `REDIS_URL`): one process alone. */
  readonly scaleOut: ScaleOutConfig | null
  /** HMAC secret for tokens; `null` means read or create `<dataDir>/secret`. */
  readonly secret: string | null
  /** When set, `POST /api/boards` requires `Authorization: Bearer <serverKey>`. */
  readonly serverKey: string | null
  /** Origins allowed to open websockets besides the server's own (`Origin` equal to its `Host`). */
  readonly allowedOrigins: readonly string[]
  /** Lifetime of the tokens in newly created links, in seconds; 0 = links never expire. */
  readonly linkTtlSeconds: number
  /** Directory of the built client to serve at `/`; `null` serves no client. */
  readonly clientDir: string | null
  readonly limits: Limits
  /** Log level for pino (`silent` in tests). */
  readonly logLevel: string
  /** How often expired boards are looked for and deleted (server/SPEC.md R1); the first sweep runs at start. */
  readonly retentionSweepMs: number
}

/** Settings of the scale-out mode (README.md, "Scale-out"). */
export interface ScaleOutConfig {
  /** `redis://[user:password@]host:port[/db]` */
  readonly redisUrl: string
  /** Lifetime of a room lease; the holder renews it every third of it, and a dead holder's runs out. */
  readonly leaseTtlMs: number
  /** Stream entries younger than this are never trimmed (X6). */
  readonly streamRetentionMs: number
  /** This process's id in streams and leases; `null`: host name, pid and a random part. */
  readonly processId: string | null
}

/** Defaults of the scale-out settings. */
export const DEFAULT_SCALE_OUT = { leaseTtlMs: 10_000, streamRetentionMs: 60_000 } as const

/** Resource limits (DESIGN.md, "Limits with clear errors"). */
export interface Limits {
  /** Largest websocket frame accepted, in bytes; ws's own default (100 MiB) is far too large. */
  readonly maxPayloadBytes: number
  /** Loaded rooms (documents) per process. */
  readonly maxRooms: number
  /** Open websocket connections per process. */
  readonly maxConnections: number
  /** Open websocket connections per room. */
  readonly maxConnectionsPerRoom: number
  /** Sustained messages per second per connection (token bucket refill rate). */
  readonly messagesPerSecond: number
  /** Burst of messages per connection (token bucket size). */
  readonly messageBurst: number
  /** Largest awareness state (JSON text) of one client, in bytes. */
  readonly maxAwarenessStateBytes: number
  /** Awareness client ids one connection may own. */
  readonly maxAwarenessClientsPerConnection: number
  /** Messages kept per connection while its room loads. */
  readonly maxBufferedMessages: number
  /** Bytes kept per connection while its room loads. */
  readonly maxBufferedBytes: number
  /** Bytes queued to a slow client before it is disconnected. */
  readonly maxSendBufferBytes: number
  /** A room with no connections is unloaded after this many ms. */
  readonly roomIdleMs: number
  /** Updates appended to a room's log before it is compacted in the background. */
  readonly compactAfterUpdates: number
  /** REST requests per minute per client address. */
  readonly apiRequestsPerMinute: number
  /** Boards created per minute per client address. */
  readonly boardsPerMinute: number
  /** Interval of websocket pings; a connection that missed one pong is dropped. */
  readonly pingIntervalMs: number
  /** Largest body of a board import (`circleboard-board` JSON), in bytes. */
  readonly maxImportBytes: number
}

/** Defaults for every limit. */
export const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: 4 * 1024 * 1024,
  maxRooms: 2000,
  maxConnections: 5000,
  maxConnectionsPerRoom: 500,
  messagesPerSecond: 300,
  messageBurst: 1000,
  maxAwarenessStateBytes: 64 * 1024,
  maxAwarenessClientsPerConnection: 8,
  maxBufferedMessages: 256,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxSendBufferBytes: 32 * 1024 * 1024,
  roomIdleMs: 30_000,
  compactAfterUpdates: 500,
  apiRequestsPerMinute: 600,
  boardsPerMinute: 120,
  pingIntervalMs: 30_000,
  // A board of several thousand elements exports to a few MiB of JSON; 32 MiB leaves room for years of a circle.
  maxImportBytes: 32 * 1024 * 1024,
}

/** Default interval of the retention sweep: ten minutes. */
export const DEFAULT_RETENTION_SWEEP_MS = 10 * 60_000

/** A complete config from a partial one (tests pass only what they care about). */
export function makeConfig(
  partial: Partial<Omit<ServerConfig, 'limits'>> & { limits?: Partial<Limits> } = {},
): ServerConfig {
  return {
    host: partial.host ?? '127.0.0.1',
    port: partial.port ?? 8080,
    dataDir: resolve(partial.dataDir ?? './data'),
    store: partial.store ?? 'sqlite',
    databaseUrl: partial.databaseUrl ?? null,
    databasePoolSize: partial.databasePoolSize ?? 10,
    scaleOut: partial.scaleOut ?? null,
    secret: partial.secret ?? null,
    serverKey: partial.serverKey ?? null,
    allowedOrigins: partial.allowedOrigins ?? [],
    linkTtlSeconds: partial.linkTtlSeconds ?? 0,
    clientDir: partial.clientDir ?? null,
    logLevel: partial.logLevel ?? 'info',
    retentionSweepMs: partial.retentionSweepMs ?? DEFAULT_RETENTION_SWEEP_MS,
    limits: { ...DEFAULT_LIMITS, ...partial.limits },
  }
}

/** Environment variables for each limit (README.md, "Configuration"). */
const LIMIT_ENV: Record<keyof Limits, string> = {
  maxPayloadBytes: 'MAX_PAYLOAD_BYTES',
  maxRooms: 'MAX_ROOMS',
  maxConnections: 'MAX_CONNECTIONS',
  maxConnectionsPerRoom: 'MAX_CONNECTIONS_PER_ROOM',
  messagesPerSecond: 'MESSAGES_PER_SECOND',
  messageBurst: 'MESSAGE_BURST',
  maxAwarenessStateBytes: 'MAX_AWARENESS_STATE_BYTES',
  maxAwarenessClientsPerConnection: 'MAX_AWARENESS_CLIENTS_PER_CONNECTION',
  maxBufferedMessages: 'MAX_BUFFERED_MESSAGES',
  maxBufferedBytes: 'MAX_BUFFERED_BYTES',
  maxSendBufferBytes: 'MAX_SEND_BUFFER_BYTES',
  roomIdleMs: 'ROOM_IDLE_MS',
  compactAfterUpdates: 'COMPACT_AFTER_UPDATES',
  apiRequestsPerMinute: 'API_REQUESTS_PER_MINUTE',
  boardsPerMinute: 'BOARDS_PER_MINUTE',
  pingIntervalMs: 'PING_INTERVAL_MS',
  maxImportBytes: 'MAX_IMPORT_BYTES',
}

/** A configuration error: main.ts prints it and exits with status 2. */
export class ConfigError extends Error {
  readonly code = 'BOARD_ERR_CONFIG'
}

/** Reads the configuration from environment variables (README.md lists them). */
export function configFromEnv(env: NodeJS.ProcessEnv, defaultClientDir: string | null): ServerConfig {
  const int = (name: string, fallback: number, min = 0): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min)
      throw new ConfigError(`${name} must be an integer >= ${min}, got '${raw}'`)
    return n
  }
  const limits = Object.fromEntries(
    (Object.keys(LIMIT_ENV) as (keyof Limits)[]).map((k) => [k, int(LIMIT_ENV[k], DEFAULT_LIMITS[k], 1)]),
  ) as unknown as Limits
  const databaseUrl = env.DATABASE_URL || null
  const store = env.STORE || (databaseUrl ? 'postgres' : 'sqlite')
  if (store !== 'sqlite' && store !== 'memory' && store !== 'postgres')
    throw new ConfigError(`STORE must be 'sqlite', 'memory' or 'postgres', got '${store}'`)
  if (store === 'postgres' && !databaseUrl) throw new ConfigError('STORE=postgres needs DATABASE_URL')
  const secret = env.SECRET ?? null
  if (secret !== null && secret.length < 32) throw new ConfigError('SECRET must be at least 32 characters')
  const redisUrl = env.REDIS_URL || null
  if (redisUrl !== null && store !== 'postgres')
    throw new ConfigError('REDIS_URL (scale-out) needs STORE=postgres: every process must share one store')
  if (redisUrl !== null && secret === null)
    throw new ConfigError('REDIS_URL (scale-out) needs SECRET: every process must sign links alike')
  const scaleOut: ScaleOutConfig | null = redisUrl
    ? {
        redisUrl,
        leaseTtlMs: int('LEASE_TTL_MS', DEFAULT_SCALE_OUT.leaseTtlMs, 1000),
        streamRetentionMs: int('STREAM_RETENTION_MS', DEFAULT_SCALE_OUT.streamRetentionMs, 1000),
        processId: env.PROCESS_ID || null,
      }
    : null
  return makeConfig({
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 8080),
    dataDir: env.DATA_DIR || './data',
    store,
    databaseUrl,
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1),
    scaleOut,
    secret,
    serverKey: env.SERVER_KEY || null,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    linkTtlSeconds: int('LINK_TTL_SECONDS', 0),
    clientDir: env.CLIENT_DIR === '' ? null : (env.CLIENT_DIR ?? defaultClientDir),
    logLevel: env.LOG_LEVEL || 'info',
    retentionSweepMs: int('RETENTION_SWEEP_MS', DEFAULT_RETENTION_SWEEP_MS, 1000),
    limits,
  })
}
