/**
 * What the routes of one server instance share. Built once by `buildServer` and handed to each route
 * plugin (no globals, so tests can run several servers in one process).
 */
import type { ServerConfig } from '../config.js'
import type { DocStore } from '../storage/DocStore.js'
import type { TokenSigner } from '../auth/TokenSigner.js'
import type { Metrics } from '../observability/Metrics.js'
import type { SyncServer } from '../sync/SyncServer.js'

/** The shared services of a server instance. */
export interface Services {
  readonly config: ServerConfig
  readonly store: DocStore
  readonly signer: TokenSigner
  readonly metrics: Metrics
  readonly sync: SyncServer
}
