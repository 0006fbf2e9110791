/**
 * A worker thread that merges a stored state and its log into one state (mergeUpdates.ts), for stores
 * whose database lives in another process (PostgreSQL): the store reads and writes, the worker only
 * merges, so a large merge never blocks the event loop that serves websockets. Requests
 * `{ id, state, updates }` are answered with `{ id, state, skipped }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads'
import { mergeStored } from './mergeUpdates.js'

interface MergeRequest {
  readonly id: number
  readonly state: Uint8Array | null
  readonly updates: Uint8Array[]
}

parentPort?.on('message', (msg: MergeRequest | { close: true }) => {
  if ('close' in msg) {
    parentPort?.close()
    return
  }
  try {
    const merged = mergeStored(msg.state, msg.updates)
    parentPort?.postMessage({ id: msg.id, state: merged.state, skipped: merged.skipped }, [
      merged.state.buffer as ArrayBuffer,
    ])
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) })
  }
})
