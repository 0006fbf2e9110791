/**
 * The audit log of each board (server/SPEC.md A1-A3): who joined with which role, and who took a
 * snapshot, exported, imported, changed settings, or had an identity number removed. Never content: an
 * entry names a role and a pseudonymous person id (from a personal token, chosen by the server), never a
 * name, and its detail holds only facts like a format or a snapshot id.
 *
 * Entries are written in the background: the audit log must not slow down or fail what it records, so a
 * failed write is logged (without content) and counted, not thrown.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { TokenClaims } from '@circleboard/shared'
import type { AuditEntry, DocStore } from '../storage/DocStore.js'
import type { Metrics } from '../observability/Metrics.js'

/** Events the server records. */
export const AuditEvent = {
  created: 'created',
  joined: 'joined',
  snapshot: 'snapshot',
  exported: 'export',
  imported: 'import',
  settings: 'settings',
  identityNumberRemoved: 'identity-number-removed',
} as const

/** One of `AuditEvent`'s values. */
export type AuditEventName = (typeof AuditEvent)[keyof typeof AuditEvent]

/** Who did something: a token's role and person id, or nobody in particular (the server itself). */
export type AuditActor = Pick<TokenClaims, 'role' | 'personId'> | null

/** A reconnect of the same person within this time is not a new join (A2). */
export const JOIN_COALESCE_MS = 60_000

/** Writes and reads boards' audit logs. */
export class AuditLog {
  /** Last join per board and person (or role, for links without a personal identity): for coalescing. */
  private readonly lastJoin = new Map<string, number>()
  private pending = new Set<Promise<void>>()

  constructor(
    private readonly store: DocStore,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: Metrics,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event (in the background). */
  record(
    boardId: string,
    event: AuditEventName,
    actor: AuditActor,
    detail: AuditEntry['detail'] = null,
  ): void {
    const entry: AuditEntry = {
      boardId,
      at: this.now(),
      event,
      role: actor?.role ?? null,
      person: actor?.personId ?? null,
      detail,
    }
    const write = this.store
      .appendAudit(entry)
      .catch((err: unknown) => {
        this.metrics.errors.inc({ kind: 'store' })
        this.log.error({ board: boardId, event, err }, 'could not write the audit log')
      })
      .finally(() => this.pending.delete(write))
    this.pending.add(write)
  }

  /**
   * [A2] A connection opened to a board's document. Coalesced: the same person (or, for a shared link
   * without a personal identity, the same role) joining again within a minute is not recorded again.
   */
  joined(boardId: string, claims: TokenClaims): void {
    const key = `${boardId}\u0000${claims.personId ?? `role:${claims.role}`}`
    const at = this.now()
    const last = this.lastJoin.get(key)
    this.lastJoin.set(key, at)
    if (last !== undefined && at - last < JOIN_COALESCE_MS) return
    if (this.lastJoin.size > 10_000) this.prune(at)
    this.record(boardId, AuditEvent.joined, claims, { document: 'board' })
  }

  /** A board's log, newest first. */
  list(boardId: string, limit: number): Promise<AuditEntry[]> {
    return this.store.listAudit(boardId, limit)
  }

  /** Forgets what is kept in memory about a deleted board (its entries go with the board in the store). */
  forget(boardId: string): void {
    for (const key of this.lastJoin.keys()) if (key.startsWith(`${boardId}\u0000`)) this.lastJoin.delete(key)
  }

  /** Resolves when every entry recorded so far is written (tests; deletion waits so none outlives it). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  private prune(now: number): void {
    for (const [key, at] of this.lastJoin) if (now - at >= JOIN_COALESCE_MS) this.lastJoin.delete(key)
  }
}
