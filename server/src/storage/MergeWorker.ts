/**
 * The event loop's side of mergeThread.ts: one worker thread, started on the first merge and stopped
 * after a while without any (a worker is a second JavaScript heap, tens of MB, only worth keeping while
 * merges keep coming). Merges queue in the worker and run one at a time.
 */
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/startWorker.js'
import { StoreError } from './DocStore.js'
import type { MergeResult } from './mergeUpdates.js'

/** How long an idle worker is kept. */
const WORKER_IDLE_MS = 30_000

interface Pending {
  resolve: (result: MergeResult) => void
  reject: (err: Error) => void
}

/** Merges states and logs in a worker thread. */
export class MergeWorker {
  private worker: Worker | null = null
  private idle: NodeJS.Timeout | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  /** Merges `state` and `updates` (mergeUpdates.ts) off the event loop. */
  merge(state: Uint8Array | null, updates: Uint8Array[]): Promise<MergeResult> {
    if (this.idle) {
      clearTimeout(this.idle)
      this.idle = null
    }
    return new Promise<MergeResult>((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      this.get().postMessage({ id, state, updates })
    }).finally(() => {
      if (this.pending.size === 0) this.stopWhenIdle()
    })
  }

  /** Stops the worker (the store closes); merges still queued fail. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }

  private stopWhenIdle(): void {
    if (this.idle || !this.worker) return
    this.idle = setTimeout(() => {
      this.idle = null
      if (this.pending.size > 0) return
      void this.close()
    }, WORKER_IDLE_MS)
    this.idle.unref()
  }

  private get(): Worker {
    if (this.worker) return this.worker
    const worker = startWorker(import.meta.url, 'mergeThread', null)
    worker.unref()
    worker.on('message', (msg: { id: number; state?: Uint8Array; skipped?: number; error?: string }) => {
      const p = this.pending.get(msg.id)
      if (!p) return
      this.pending.delete(msg.id)
      if (msg.error !== undefined || !msg.state) p.reject(new StoreError(`merge failed: ${msg.error}`))
      else p.resolve({ state: msg.state, skipped: msg.skipped ?? 0 })
    })
    const failAll = (err: Error): void => {
      if (this.worker === worker) this.worker = null
      for (const [id, p] of this.pending) {
        this.pending.delete(id)
        p.reject(new StoreError('the merge worker stopped', { cause: err }))
      }
    }
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`exit code ${code}`)))
    this.worker = worker
    return worker
  }
}
