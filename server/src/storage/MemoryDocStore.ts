/**
 * A store that keeps everything in memory (STORE=memory): for demos and tests of the sync layer where a
 * database file is in the way. Nothing survives a restart. Passes the same contract suite as SQLite.
 */
import { mergeStored } from './mergeUpdates.js'
import {
  StoreError,
  isRoomOfBoard,
  type AuditEntry,
  type BoardPatch,
  type BoardRecord,
  type DocStore,
  type Snapshot,
  type SnapshotMeta,
  type StoredDoc,
} from './DocStore.js'

interface MemoryRoom {
  state: Uint8Array | null
  log: Uint8Array[]
}

/** DocStore in process memory. */
export class MemoryDocStore implements DocStore {
  readonly kind = 'memory'
  private readonly rooms = new Map<string, MemoryRoom>()
  private readonly boards = new Map<string, BoardRecord>()
  private readonly snapshots = new Map<string, Snapshot[]>()
  private readonly audit = new Map<string, AuditEntry[]>()
  private closed = false

  async load(room: string): Promise<StoredDoc> {
    this.assertOpen()
    const r = this.rooms.get(room)
    return { state: r?.state ?? null, updates: r ? [...r.log] : [] }
  }

  async append(room: string, updates: readonly Uint8Array[]): Promise<void> {
    this.assertOpen()
    if (updates.length === 0) return
    let r = this.rooms.get(room)
    if (!r) this.rooms.set(room, (r = { state: null, log: [] }))
    // Copies: the caller may reuse its buffers.
    for (const u of updates) r.log.push(u.slice())
  }

  async compact(room: string, live?: Uint8Array): Promise<void> {
    this.assertOpen()
    if (live) {
      const r = this.rooms.get(room)
      if (r) {
        r.state = live.slice()
        r.log = []
      }
      return
    }
    const r = this.rooms.get(room)
    if (!r || r.log.length === 0) return
    const folded = r.log.length
    const merged = mergeStored(r.state, r.log)
    r.state = merged.state
    r.log = r.log.slice(folded)
  }

  async logLength(room: string): Promise<number> {
    this.assertOpen()
    return this.rooms.get(room)?.log.length ?? 0
  }

  async listRooms(prefix: string): Promise<string[]> {
    this.assertOpen()
    return [...this.rooms.keys()].filter((r) => r.startsWith(prefix)).sort()
  }

  async createBoard(record: BoardRecord): Promise<void> {
    this.assertOpen()
    if (this.boards.has(record.id)) throw new StoreError(`board ${record.id} exists`)
    this.boards.set(record.id, { ...record, settings: { ...record.settings } })
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    this.assertOpen()
    const b = this.boards.get(id)
    return b ? { ...b, settings: { ...b.settings } } : null
  }

  async updateBoard(id: string, patch: BoardPatch): Promise<boolean> {
    this.assertOpen()
    const b = this.boards.get(id)
    if (!b) return false
    this.boards.set(id, {
      ...b,
      ...(patch.settings ? { settings: { ...patch.settings } } : {}),
      ...(patch.expiresAt !== undefined ? { expiresAt: patch.expiresAt } : {}),
    })
    return true
  }

  async listExpiredBoards(now: number): Promise<string[]> {
    this.assertOpen()
    return [...this.boards.values()]
      .filter((b) => b.expiresAt !== null && b.expiresAt <= now)
      .sort((a, b) => (a.expiresAt as number) - (b.expiresAt as number) || a.id.localeCompare(b.id))
      .map((b) => b.id)
  }

  async deleteBoard(id: string): Promise<void> {
    this.assertOpen()
    for (const room of [...this.rooms.keys()]) if (isRoomOfBoard(room, id)) this.rooms.delete(room)
    this.snapshots.delete(id)
    this.audit.delete(id)
    this.boards.delete(id)
  }

  async putSnapshot(meta: SnapshotMeta, state: Uint8Array): Promise<void> {
    this.assertOpen()
    const list = this.snapshots.get(meta.boardId) ?? []
    if (list.some((s) => s.meta.id === meta.id)) throw new StoreError(`snapshot ${meta.id} exists`)
    list.push({ meta: { ...meta, size: state.length }, state: state.slice() })
    list.sort((a, b) => a.meta.createdAt - b.meta.createdAt || a.meta.id.localeCompare(b.meta.id))
    this.snapshots.set(meta.boardId, list)
  }

  async listSnapshots(boardId: string): Promise<SnapshotMeta[]> {
    this.assertOpen()
    return (this.snapshots.get(boardId) ?? []).map((s) => ({ ...s.meta }))
  }

  async getSnapshot(boardId: string, snapshotId: string): Promise<Snapshot | null> {
    this.assertOpen()
    const s = this.snapshots.get(boardId)?.find((x) => x.meta.id === snapshotId)
    return s ? { meta: { ...s.meta }, state: s.state.slice() } : null
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.assertOpen()
    const list = this.audit.get(entry.boardId) ?? []
    list.push({ ...entry, detail: entry.detail ? { ...entry.detail } : null })
    this.audit.set(entry.boardId, list)
  }

  async listAudit(boardId: string, limit: number): Promise<AuditEntry[]> {
    this.assertOpen()
    const list = this.audit.get(boardId) ?? []
    return list
      .slice(-limit)
      .reverse()
      .map((e) => ({ ...e }))
  }

  async check(): Promise<void> {
    this.assertOpen()
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed')
  }
}
