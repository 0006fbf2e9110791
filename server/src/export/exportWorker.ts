/**
 * The export worker thread: runs exports and imports (exportJob.ts, importJob.ts) one message at a time,
 * off the server's event loop. Output goes back in chunks (a session package streams as it is
 * compressed); a job that needs the previous meeting's snapshot asks for it and waits for the answer.
 */
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { runExport } from './exportJob.js'
import { runImport } from './importJob.js'
import type { FromWorker, ToWorker } from './exportTypes.js'

const port = parentPort
if (!port) throw new Error('exportWorker.ts runs as a worker thread')

// Exports are background work: the event loop that serves every room must win the CPU on a busy machine.
// On Linux a nice value belongs to a thread, so this lowers this worker only (elsewhere it would be the
// whole process, so it is left alone there).
if (process.platform === 'linux') {
  try {
    setPriority(10)
  } catch {
    // Not allowed in this container: exports then compete at normal priority.
  }
}

/** Answers to `need-previous`, by job id. */
const waiting = new Map<number, (state: Uint8Array | null) => void>()

const post = (msg: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(msg, transfer)

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'previous') {
    waiting.get(msg.id)?.(msg.state)
    waiting.delete(msg.id)
    return
  }
  if (msg.kind === 'import') {
    try {
      const result = runImport(msg.request)
      post({ kind: 'imported', id: msg.id, result })
    } catch (err) {
      post({ kind: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) })
    }
    return
  }
  const { id } = msg
  runExport(msg.request, {
    previous: (meeting) =>
      new Promise((resolve) => {
        waiting.set(id, resolve)
        post({ kind: 'need-previous', id, meeting })
      }),
    chunk: (data, final) => {
      // A copy of our own, so its buffer can be handed over without copying again (fflate may reuse its own).
      const own = data.slice()
      post({ kind: 'chunk', id, data: own, final }, [own.buffer as ArrayBuffer])
    },
  }).catch((err: unknown) => {
    waiting.delete(id)
    post({ kind: 'error', id, message: err instanceof Error ? err.message : String(err) })
  })
})
