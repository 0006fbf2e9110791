/**
 * Two server instances of the scale-out mode in one test process, each with its own Redis and PostgreSQL
 * clients, on a redis-server and a PostgreSQL started for the test file (../services.ts).
 */
import { Writable } from 'node:stream'
import type { Limits, ScaleOutConfig } from '../../src/index.js'
import { startServer, type TestServer } from '../helpers.js'
import { startPostgres, startRedis, type PostgresService, type Service } from '../services.js'

/** Two instances on shared services, and their log lines. */
export interface Pair {
  readonly a: TestServer
  readonly b: TestServer
  readonly redis: Service
  readonly pg: PostgresService
  readonly databaseUrl: string
  /** JSON log lines of each instance (level info). */
  readonly logs: { a: string[]; b: string[] }
  close(): Promise<void>
}

/** Starts the services and two instances, `proc-a` and `proc-b`. */
export async function startPair(
  options: { limits?: Partial<Limits>; scale?: Partial<ScaleOutConfig> } = {},
): Promise<Pair> {
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()])
  const databaseUrl = await pg.createDatabase()
  const logs = { a: [] as string[], b: [] as string[] }
  const start = (processId: 'proc-a' | 'proc-b', lines: string[]): Promise<TestServer> =>
    startServer({
      limits: options.limits,
      logStream: new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(...chunk.toString().split('\n').filter(Boolean))
          done()
        },
      }),
      config: {
        logLevel: 'info',
        store: 'postgres',
        databaseUrl,
        scaleOut: {
          redisUrl: redis.url,
          leaseTtlMs: 1500,
          streamRetentionMs: 60_000,
          processId,
          ...options.scale,
        },
      },
    })
  const a = await start('proc-a', logs.a)
  const b = await start('proc-b', logs.b)
  return {
    a,
    b,
    redis,
    pg,
    databaseUrl,
    logs,
    async close() {
      await Promise.allSettled([a.close(true), b.close(true)])
      await Promise.allSettled([pg.stop(), redis.stop()])
    },
  }
}
