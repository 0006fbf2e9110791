import { mkdtempSync, readdirSync, readlinkSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import Database from 'better-sqlite3'
import { MemoryDocStore, SqliteDocStore, type DocStore } from '../../src/index.js'
import { migrate as migrateSchema } from '../../src/storage/sqliteSchema.js'
import { PostgresDocStore } from '../../src/storage/PostgresDocStore.js'
import { startPostgres, type PostgresService } from '../services.js'
import { boardRecord, describeDocStoreContract, editor } from './docStoreContract.js'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'circleboard-store-'))

describeDocStoreContract('memory', { make: () => new MemoryDocStore() })

describeDocStoreContract('sqlite (compaction in the worker thread)', {
  make: () => SqliteDocStore.inDataDir(tempDir()),
  async reopen(store: DocStore) {
    const file = (store as SqliteDocStore).file
    await store.close()
    return new SqliteDocStore(file)
  },
})

describeDocStoreContract('sqlite (inline compaction)', {
  make: () => SqliteDocStore.inDataDir(tempDir(), { inlineCompaction: true }),
})

describe('PostgreSQL (a real server, started for this file)', () => {
  let pg: PostgresService
  beforeAll(async () => {
    pg = await startPostgres()
  }, 60_000)
  afterAll(async () => {
    await pg?.stop()
  })
  describeDocStoreContract('postgres', {
    make: async () => new PostgresDocStore({ connectionString: await pg.createDatabase() }),
    async reopen(store: DocStore) {
      const { connectionString } = (store as PostgresDocStore).options
      await store.close()
      return new PostgresDocStore({ connectionString })
    },
  })
})

describe('SQLite schema migrations', () => {
  it('[ST13] a version 1 database opens with its boards, which read back with default settings', async () => {
    const file = join(tempDir(), 'circleboard.sqlite')
    const db = new Database(file)
    migrateSchema(db, 1)
    db.prepare('INSERT INTO boards (id, title, template, created_at) VALUES (?, ?, ?, ?)').run(
      'oldoldoldold',
      'Före inställningar',
      null,
      1_600_000_000_000,
    )
    db.close()
    const store = new SqliteDocStore(file)
    try {
      expect(await store.getBoard('oldoldoldold')).toEqual({
        id: 'oldoldoldold',
        title: 'Före inställningar',
        template: null,
        createdAt: 1_600_000_000_000,
        settings: { identityNumberCheck: true, language: null },
        expiresAt: null,
      })
      expect(await store.listAudit('oldoldoldold', 10)).toEqual([])
    } finally {
      await store.close()
    }
  })

  it('[ST6] deleting a board while one of its rooms compacts in the worker leaves nothing behind', async () => {
    const store = SqliteDocStore.inDataDir(tempDir())
    try {
      await store.createBoard(boardRecord('cccccccccccc'))
      const e = editor()
      // A first compaction starts the worker, so that the next one reads at once and merges for a while.
      await store.append('cccccccccccc/control', [e.next((d) => d.getMap('items').set('w', 1))])
      await store.compact('cccccccccccc/control')
      await store.append(
        'cccccccccccc',
        Array.from({ length: 3000 }, (_, i) => e.next((d) => d.getMap('items').set(`k${i}`, 'x'.repeat(50)))),
      )
      const compaction = store.compact('cccccccccccc')
      // Let the worker read the log; the delete then lands while it merges.
      await new Promise((resolve) => setTimeout(resolve, 5))
      await store.deleteBoard('cccccccccccc')
      await compaction
      expect(await store.load('cccccccccccc')).toEqual({ state: null, updates: [] })
      expect(await store.listRooms('cccccccccccc')).toEqual([])
    } finally {
      await store.close()
    }
  })
})

describe('SQLite WAL checkpoints', () => {
  it('[ST15] checkpoints the WAL between appends, so it stays a few hundred pages, and loses nothing', async () => {
    const store = SqliteDocStore.inDataDir(tempDir())
    try {
      const e = editor()
      const rooms = Array.from({ length: 50 }, (_, i) => `room${String(i).padStart(8, '0')}`)
      const sent = new Map(rooms.map((r) => [r, 0]))
      for (let round = 0; round < 30; round++) {
        const before = store.checkpointer!.checkpoints
        for (let i = 0; i < 100; i++) {
          const room = rooms[(round * 100 + i) % rooms.length]!
          await store.append(room, [e.next((d) => d.getMap('items').set(`k${i}`, round))])
          sent.set(room, sent.get(room)! + 1)
        }
        // The hundredth append started a sync in the thread pool; its checkpoint follows.
        await vi.waitFor(() => expect(store.checkpointer!.checkpoints).toBe(before + 1), { timeout: 10_000 })
      }
      // SQLite alone checkpoints at 1,000 pages: its WAL would have grown past 4 MB by now (each of these
      // 3,000 commits writes a page or two).
      expect(statSync(`${store.file}-wal`).size).toBeLessThan(2 * 1024 * 1024)
      for (const room of rooms) expect((await store.load(room)).updates).toHaveLength(sent.get(room)!)
    } finally {
      await store.close()
    }
  })

  it('[ST15] closes while a WAL sync is under way, and every append is there on reopening', async () => {
    const dir = tempDir()
    const store = SqliteDocStore.inDataDir(dir)
    const e = editor()
    for (let i = 0; i < 100; i++)
      await store.append('roomroomroom', [e.next((d) => d.getMap('m').set('k', i))])
    // The sync the hundredth append started has not called back yet: this turn has not ended.
    expect(store.checkpointer!.checkpoints).toBe(0)
    await store.close()
    // Its callback runs after the close: no checkpoint, nothing thrown, and the WAL's file descriptor closed.
    const walOpen = (): boolean =>
      readdirSync('/proc/self/fd').some((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).startsWith(`${store.file}-wal`)
        } catch {
          return false // a descriptor that closed while listing
        }
      })
    await vi.waitFor(() => expect(walOpen()).toBe(false), { timeout: 10_000 })
    expect(store.checkpointer!.checkpoints).toBe(0)
    const again = SqliteDocStore.inDataDir(dir)
    try {
      expect((await again.load('roomroomroom')).updates).toHaveLength(100)
    } finally {
      await again.close()
    }
  })
})
