/**
 * What PostgresDocStore promises beyond the contract suite (server/SPEC.md X4, X5, ST13): several
 * processes writing one room (two stores with their own pools stand for two server processes), fencing
 * tokens on compactions, and migrations from an older schema.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { PostgresDocStore, FencedError } from '../../src/storage/PostgresDocStore.js'
import { migratePostgres } from '../../src/storage/postgresSchema.js'
import { startPostgres, type PostgresService } from '../services.js'
import { boardRecord, docJson, editor } from './docStoreContract.js'

let service: PostgresService
const open: PostgresDocStore[] = []

beforeAll(async () => {
  service = await startPostgres()
}, 60_000)
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})
afterAll(async () => {
  await service?.stop()
})

/** Two stores on one fresh database: two server processes. */
async function twoProcesses(): Promise<[PostgresDocStore, PostgresDocStore]> {
  const url = await service.createDatabase()
  const a = new PostgresDocStore({ connectionString: url })
  await a.check()
  const b = new PostgresDocStore({ connectionString: url })
  open.push(a, b)
  return [a, b]
}

describe('PostgresDocStore with several writer processes', () => {
  it('[X4] concurrent appends of two processes to one room are all kept, numbered without gaps', async () => {
    const [a, b] = await twoProcesses()
    const ea = editor()
    const eb = editor()
    const batches = Array.from({ length: 40 }, (_, i) => [
      a.append('xxxxxxxxxxxx', [ea.next((d) => d.getMap('items').set(`a${i}`, i))]),
      b.append('xxxxxxxxxxxx', [
        eb.next((d) => d.getMap('items').set(`b${i}`, i)),
        eb.next((d) => d.getText('text').insert(0, 'b')),
      ]),
    ])
    await Promise.all(batches.flat())
    const items = (docJson(await a.load('xxxxxxxxxxxx')) as { items: Record<string, number> }).items
    expect(Object.keys(items)).toHaveLength(80)
    const client = new pg.Client({ connectionString: a.options.connectionString })
    await client.connect()
    const seqs = await client.query<{ seq: string }>(
      "SELECT seq FROM updates WHERE room = 'xxxxxxxxxxxx' ORDER BY seq",
    )
    await client.end()
    expect(seqs.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
  })

  it('[X4] a compaction while another process appends loses nothing', async () => {
    const [a, b] = await twoProcesses()
    const e = editor()
    await a.append(
      'yyyyyyyyyyyy',
      Array.from({ length: 400 }, (_, i) => e.next((d) => d.getMap('items').set(`k${i}`, 'v'.repeat(200)))),
    )
    const compaction = a.compact('yyyyyyyyyyyy', undefined, 1)
    for (let i = 0; i < 30; i++)
      await b.append('yyyyyyyyyyyy', [e.next((d) => d.getMap('items').set(`late${i}`, i))])
    await compaction
    await a.compact('yyyyyyyyyyyy', undefined, 1)
    const items = (docJson(await b.load('yyyyyyyyyyyy')) as { items: Record<string, unknown> }).items
    expect(Object.keys(items)).toHaveLength(430)
  })

  it('[X5] a compaction under an older fencing token than the stored state is refused', async () => {
    const [a, b] = await twoProcesses()
    const e = editor()
    await a.append('zzzzzzzzzzzz', [e.next((d) => d.getMap('items').set('a', 1))])
    await a.compact('zzzzzzzzzzzz', undefined, 7)
    await b.append('zzzzzzzzzzzz', [e.next((d) => d.getMap('items').set('b', 2))])
    // The old holder (token 3) wakes up late: neither its merge nor its live state is written.
    await expect(b.compact('zzzzzzzzzzzz', undefined, 3)).rejects.toBeInstanceOf(FencedError)
    await expect(b.compact('zzzzzzzzzzzz', new Uint8Array([0, 0]), 3)).rejects.toBeInstanceOf(FencedError)
    expect(await a.logLength('zzzzzzzzzzzz')).toBe(1)
    // The current holder (7) and a newer one (9) may.
    await a.compact('zzzzzzzzzzzz', undefined, 7)
    expect(await a.logLength('zzzzzzzzzzzz')).toBe(0)
    await b.append('zzzzzzzzzzzz', [e.next((d) => d.getMap('items').set('c', 3))])
    await b.compact('zzzzzzzzzzzz', undefined, 9)
    expect(docJson(await a.load('zzzzzzzzzzzz'))).toEqual({ items: { a: 1, b: 2, c: 3 }, text: '' })
  })

  it('[ST6] a board deleted by one process while another compacts one of its rooms stays deleted', async () => {
    const [a, b] = await twoProcesses()
    await a.createBoard(boardRecord('dddddddddddd'))
    const e = editor()
    await a.append(
      'dddddddddddd',
      Array.from({ length: 2000 }, (_, i) => e.next((d) => d.getMap('items').set(`k${i}`, 'x'.repeat(50)))),
    )
    const compaction = a.compact('dddddddddddd', undefined, 1)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await b.deleteBoard('dddddddddddd')
    await compaction
    expect(await b.load('dddddddddddd')).toEqual({ state: null, updates: [] })
    expect(await b.listRooms('dddddddddddd')).toEqual([])
  })
})

describe('PostgreSQL schema migrations', () => {
  it('[ST13] a version 1 database opens with its boards, which read back with default settings', async () => {
    const url = await service.createDatabase()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await migratePostgres(client, 1)
    await client.query('INSERT INTO boards (id, title, template, created_at) VALUES ($1, $2, $3, $4)', [
      'oldoldoldold',
      'Före inställningar',
      null,
      1_600_000_000_000,
    ])
    await client.end()
    const store = new PostgresDocStore({ connectionString: url })
    open.push(store)
    expect(await store.getBoard('oldoldoldold')).toEqual({
      id: 'oldoldoldold',
      title: 'Före inställningar',
      template: null,
      createdAt: 1_600_000_000_000,
      settings: { identityNumberCheck: true, language: null },
      expiresAt: null,
    })
    expect(await store.listAudit('oldoldoldold', 10)).toEqual([])
    // Two processes starting at once migrate once.
    const other = new PostgresDocStore({ connectionString: url })
    open.push(other)
    await Promise.all([store.check(), other.check()])
  })
})
