/**
 * @circleboard/server: the sync server, REST API and persistence. Public entry (CONVENTIONS.md habit 1).
 */
export { buildServer, loggablePath } from './buildServer.js'
export type { BuildOverrides } from './buildServer.js'
export { makeConfig, configFromEnv, ConfigError, DEFAULT_LIMITS } from './config.js'
export type { ServerConfig, Limits, ScaleOutConfig } from './config.js'
export { SqliteDocStore } from './storage/SqliteDocStore.js'
export type { SqliteDocStoreOptions } from './storage/SqliteDocStore.js'
export { MemoryDocStore } from './storage/MemoryDocStore.js'
export { StoreError, DEFAULT_BOARD_SETTINGS } from './storage/DocStore.js'
export type {
  DocStore,
  StoredDoc,
  BoardRecord,
  BoardSettings,
  BoardPatch,
  AuditEntry,
  SnapshotMeta,
  Snapshot,
} from './storage/DocStore.js'
export { TokenSigner } from './auth/TokenSigner.js'
export type { Services } from './http/services.js'
