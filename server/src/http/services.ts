/**
 * What the routes of one server instance share. Built once by `buildServer` and handed to each route
 * plugin (no globals, so tests can run several servers in one process).
 */
import type { ServerConfig } from '../config.js'
import type { DocStore } from '../storage/DocStore.js'
import type { TokenSigner } from '../auth/TokenSigner.js'
import type { Metrics } from '../observability/Metrics.js'
import type { SyncServer } from '../sync/SyncServer.js'
import type { AuditLog } from '../audit/AuditLog.js'
import type { Snapshots } from '../snapshots/Snapshots.js'
import type { ExportRunner } from '../export/ExportRunner.js'
import type { IdentityGuard } from '../privacy/identityGuard.js'
import type { BoardDeletion } from '../retention/BoardDeletion.js'
import type { RetentionSweeper } from '../retention/RetentionSweeper.js'

/** The shared services of a server instance. */
export interface Services {
  readonly config: ServerConfig
  readonly store: DocStore
  readonly signer: TokenSigner
  readonly metrics: Metrics
  readonly sync: SyncServer
  readonly audit: AuditLog
  readonly snapshots: Snapshots
  /** Runs exports and imports off the event loop. */
  readonly exports: ExportRunner
  /** The personal-data guard of every board's documents. */
  readonly guard: IdentityGuard
  readonly deletion: BoardDeletion
  readonly retention: RetentionSweeper
}
