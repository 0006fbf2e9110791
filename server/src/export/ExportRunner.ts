/**
 * The event loop's side of the export worker (exportWorker.ts): sends it exports and imports, streams an
 * export's chunks into a Node Readable as they arrive (the HTTP response body), answers its requests for
 * the previous meeting's snapshot, and starts a new worker if one dies. One worker per server: exports
 * are rare, facilitator actions, and a second export waits for the first's CPU rather than taking it from
 * the rooms.
 */
import { Readable } from 'node:stream'
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/startWorker.js'
import type {
  ExportRequest,
  FromWorker,
  ImportDone,
  ImportRefused,
  ImportRequest,
  ToWorker,
} from './exportTypes.js'

/** Gives the newest snapshot state of a meeting, for an export's "changes since" section. */
export type PreviousLookup = (meeting: number) => Promise<Uint8Array | null>

interface ExportJob {
  readonly kind: 'export'
  readonly body: Readable
  readonly previous: PreviousLookup
  started: boolean
  resolve(body: Readable): void
  reject(err: Error): void
}

interface ImportJob {
  readonly kind: 'import'
  resolve(result: ImportDone | ImportRefused): void
  reject(err: Error): void
}

/** How long an idle export worker is kept. */
const WORKER_IDLE_MS = 30_000

/** A failure inside the worker (an exporter threw, the worker died). */
export class ExportError extends Error {
  readonly code = 'BOARD_ERR_INTERNAL'
}

/** Runs exports and imports in a worker thread. */
export class ExportRunner {
  private worker: Worker | null = null
  private idleTimer: NodeJS.Timeout | null = null
  private nextId = 1
  private readonly jobs = new Map<number, ExportJob | ImportJob>()
  private closed = false

  /**
   * Starts an export. Resolves with the body once the first bytes exist (so a failure before any output
   * can still be answered with an error status); the body then streams the rest.
   */
  export(request: ExportRequest, previous: PreviousLookup): Promise<Readable> {
    return new Promise((resolve, reject) => {
      const body = new Readable({ read() {} })
      const id = this.nextId++
      this.jobs.set(id, { kind: 'export', body, previous, started: false, resolve, reject })
      this.post({ kind: 'export', id, request })
    })
  }

  /** Runs an import. */
  import(request: ImportRequest): Promise<ImportDone | ImportRefused> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      this.jobs.set(id, { kind: 'import', resolve, reject })
      this.post({ kind: 'import', id, request })
    })
  }

  /** Stops the worker; jobs still running fail. */
  async close(): Promise<void> {
    this.closed = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    const worker = this.worker
    this.worker = null
    this.failAll(new ExportError('the server is shutting down'))
    if (worker) await worker.terminate()
  }

  private post(msg: ToWorker): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer)
      this.idleTimer = null
    }
    if (this.closed) {
      this.fail(msg.id, new ExportError('the server is shutting down'))
      return
    }
    this.getWorker().postMessage(msg)
  }

  /**
   * The worker is a second JavaScript heap with pdf-lib loaded (tens of MB): once no job has come for a
   * while it is stopped, and the next export starts a new one.
   */
  private stopWhenIdle(): void {
    if (this.idleTimer || !this.worker || this.jobs.size > 0) return
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      const worker = this.worker
      if (!worker || this.jobs.size > 0) return
      this.worker = null
      void worker.terminate()
    }, WORKER_IDLE_MS)
    this.idleTimer.unref()
  }

  private onMessage(msg: FromWorker): void {
    this.handle(msg)
    this.stopWhenIdle()
  }

  private handle(msg: FromWorker): void {
    const job = this.jobs.get(msg.id)
    if (!job) return
    switch (msg.kind) {
      case 'need-previous':
        if (job.kind !== 'export') return
        job.previous(msg.meeting).then(
          (state) => this.post({ kind: 'previous', id: msg.id, state }),
          () => this.post({ kind: 'previous', id: msg.id, state: null }),
        )
        return
      case 'chunk': {
        if (job.kind !== 'export') return
        if (!job.started) {
          job.started = true
          job.resolve(job.body)
        }
        job.body.push(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength))
        if (msg.final) {
          job.body.push(null)
          this.jobs.delete(msg.id)
        }
        return
      }
      case 'imported':
        if (job.kind !== 'import') return
        this.jobs.delete(msg.id)
        job.resolve(msg.result)
        return
      case 'error':
        this.fail(msg.id, new ExportError(msg.message))
        return
    }
  }

  private fail(id: number, err: Error): void {
    const job = this.jobs.get(id)
    if (!job) return
    this.jobs.delete(id)
    this.stopWhenIdle()
    if (job.kind === 'export' && job.started) job.body.destroy(err)
    else job.reject(err)
  }

  private failAll(err: Error): void {
    for (const id of [...this.jobs.keys()]) this.fail(id, err)
  }

  private getWorker(): Worker {
    if (this.worker) return this.worker
    const worker = startWorker(import.meta.url, 'exportWorker', null)
    worker.unref()
    worker.on('message', (msg: FromWorker) => this.onMessage(msg))
    const died = (err: Error): void => {
      if (this.worker !== worker) return
      this.worker = null
      this.failAll(new ExportError(`the export worker stopped: ${err.message}`))
    }
    worker.on('error', died)
    worker.on('exit', (code) => died(new Error(`exit code ${code}`)))
    this.worker = worker
    return worker
  }
}
