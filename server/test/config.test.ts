/**
 * The environment variables of issue 5 and 6 (README.md, "Configuration"): the retention sweep's interval
 * (server/SPEC.md R1) and the import body limit (H7).
 */
import { describe, expect, it } from 'vitest'
import { ConfigError, configFromEnv } from '../src/index.js'

describe('configuration from the environment', () => {
  it('[R1] RETENTION_SWEEP_MS: ten minutes by default, at least a second', () => {
    expect(configFromEnv({}, null).retentionSweepMs).toBe(600_000)
    expect(configFromEnv({ RETENTION_SWEEP_MS: '60000' }, null).retentionSweepMs).toBe(60_000)
    expect(() => configFromEnv({ RETENTION_SWEEP_MS: '10' }, null)).toThrow(ConfigError)
    expect(() => configFromEnv({ RETENTION_SWEEP_MS: 'often' }, null)).toThrow(/RETENTION_SWEEP_MS/)
  })

  it('[H7] MAX_IMPORT_BYTES: 32 MiB by default', () => {
    expect(configFromEnv({}, null).limits.maxImportBytes).toBe(32 * 1024 * 1024)
    expect(configFromEnv({ MAX_IMPORT_BYTES: '1048576' }, null).limits.maxImportBytes).toBe(1_048_576)
    expect(() => configFromEnv({ MAX_IMPORT_BYTES: '0' }, null)).toThrow(ConfigError)
  })
})
