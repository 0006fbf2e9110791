/**
 * The scale-out settings from the environment (README.md, "Scale-out"; server/SPEC.md X9).
 */
import { describe, expect, it } from 'vitest'
import { ConfigError, configFromEnv } from '../../src/index.js'

const SECRET = 'x'.repeat(32)

describe('scale-out configuration', () => {
  it('[X9] without REDIS_URL there is no scale-out; DATABASE_URL alone picks PostgreSQL', () => {
    expect(configFromEnv({}, null)).toMatchObject({ store: 'sqlite', scaleOut: null, databaseUrl: null })
    expect(configFromEnv({ DATABASE_URL: 'postgres://h/db' }, null)).toMatchObject({
      store: 'postgres',
      databaseUrl: 'postgres://h/db',
      databasePoolSize: 10,
      scaleOut: null,
    })
    expect(() => configFromEnv({ STORE: 'postgres' }, null)).toThrow(/DATABASE_URL/)
  })

  it('[X9] REDIS_URL turns scale-out on, with PostgreSQL and a shared SECRET', () => {
    const env = { REDIS_URL: 'redis://h:6379', DATABASE_URL: 'postgres://h/db', SECRET }
    expect(configFromEnv(env, null).scaleOut).toEqual({
      redisUrl: 'redis://h:6379',
      leaseTtlMs: 10_000,
      streamRetentionMs: 60_000,
      processId: null,
    })
    expect(
      configFromEnv({ ...env, LEASE_TTL_MS: '3000', STREAM_RETENTION_MS: '5000', PROCESS_ID: 'web-1' }, null)
        .scaleOut,
    ).toEqual({ redisUrl: 'redis://h:6379', leaseTtlMs: 3000, streamRetentionMs: 5000, processId: 'web-1' })
    expect(() => configFromEnv({ ...env, SECRET: undefined }, null)).toThrow(/SECRET/)
    expect(() => configFromEnv({ REDIS_URL: 'redis://h', SECRET }, null)).toThrow(/STORE=postgres/)
    expect(() => configFromEnv({ ...env, LEASE_TTL_MS: '10' }, null)).toThrow(ConfigError)
  })
})
