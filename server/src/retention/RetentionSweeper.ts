/**
 * Retention (server/SPEC.md R1): a board can be given an expiry date; every `RETENTION_SWEEP_MS` (and once
 * at start) the server deletes the boards whose date has passed, with everything about them
 * (BoardDeletion.ts). A sweep that fails is logged and the next one tries again.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { DocStore } from '../storage/DocStore.js'
import type { BoardDeletion } from './BoardDeletion.js'

/** Deletes expired boards on an interval. */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null
  private sweeping: Promise<number> | null = null

  constructor(
    private readonly store: DocStore,
    private readonly deletion: BoardDeletion,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sweeps now and then every interval. */
  start(): void {
    if (this.timer) return
    void this.sweep()
    this.timer = setInterval(() => void this.sweep(), this.intervalMs)
    this.timer.unref()
  }

  /** Stops sweeping; resolves when a sweep in progress has finished. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.sweeping
  }

  /** Deletes every expired board once; resolves with how many were deleted. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = null
    })
    return this.sweeping
  }

  private async sweepOnce(): Promise<number> {
    let deleted = 0
    try {
      for (const boardId of await this.store.listExpiredBoards(this.now())) {
        if (await this.deletion.delete(boardId, 'retention')) deleted++
      }
    } catch (err) {
      this.log.error({ err }, 'retention sweep failed; trying again at the next one')
    }
    return deleted
  }
}
