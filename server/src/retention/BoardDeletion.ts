/**
 * Deleting a board and everything about it at once (server/SPEC.md R2): on request (`DELETE
 * /api/boards/:id`) or when its retention period ends (RetentionSweeper.ts). Open connections to any of its
 * documents are closed with 4404 and a reason; nothing still queued in its rooms is stored; then the
 * store deletes the record, every document, every snapshot and the audit log. What remains is one line in
 * the server log (board id, why, when), never content.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { DocStore } from '../storage/DocStore.js'
import type { SyncServer } from '../sync/SyncServer.js'
import type { AuditLog } from '../audit/AuditLog.js'
import type { IdentityGuard } from '../privacy/identityGuard.js'

/** Why a board was deleted. */
export type DeletionReason = 'request' | 'retention'

/** What each reason tells the connections that are closed. */
const CLOSE_REASONS: Readonly<Record<DeletionReason, string>> = {
  request: 'the board was deleted',
  retention: 'the board was deleted: its retention period has ended',
}

/** Deletes boards. */
export class BoardDeletion {
  private readonly running = new Map<string, Promise<boolean>>()

  constructor(
    private readonly store: DocStore,
    private readonly sync: SyncServer,
    private readonly audit: AuditLog,
    private readonly guard: IdentityGuard,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Deletes a board; false when there was no such board. Deleting one board twice at once deletes it once. */
  delete(boardId: string, reason: DeletionReason): Promise<boolean> {
    const current = this.running.get(boardId)
    if (current) return current
    const run = this.run(boardId, reason).finally(() => this.running.delete(boardId))
    this.running.set(boardId, run)
    return run
  }

  private async run(boardId: string, reason: DeletionReason): Promise<boolean> {
    if (!(await this.store.getBoard(boardId))) return false
    await this.sync.closeBoard(boardId, CLOSE_REASONS[reason])
    // An audit entry still being written would otherwise land after the delete and outlive the board.
    await this.audit.settled()
    await this.store.deleteBoard(boardId)
    this.audit.forget(boardId)
    this.guard.forget(boardId)
    this.log.info({ board: boardId, reason, at: new Date().toISOString() }, 'board deleted')
    return true
  }
}
