/**
 * The compaction worker thread of SqliteDocStore: one SQLite connection of its own, one compaction at a
 * time, requests `{ id, room }` answered with `{ id, result }` or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { configureConnection } from './sqliteSchema.js'
import { compactRoom } from './sqliteCompaction.js'

const { file } = workerData as { file: string }
const db = new Database(file)
configureConnection(db)

parentPort?.on('message', (msg: { id: number; room: string } | { close: true }) => {
  if ('close' in msg) {
    db.close()
    parentPort?.close()
    return
  }
  try {
    parentPort?.postMessage({ id: msg.id, result: compactRoom(db, msg.room) })
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) })
  }
})
