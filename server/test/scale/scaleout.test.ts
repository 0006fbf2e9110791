/**
 * Scale-out with two server instances in one test process (server/SPEC.md X1-X9), each with its own
 * Redis and PostgreSQL clients, sharing a real redis-server and PostgreSQL started for this file, and
 * stock y-websocket clients on each. The multi-process cases (SIGKILL, a balancer) are in
 * tests/sync/scaleout*.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Redis } from 'ioredis'
import { setDelegates, setLocked } from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { startPostgres, startRedis, type PostgresService, type Service } from '../services.js'

let pg: PostgresService
let redis: Service
let a: TestServer
let b: TestServer
let board: TestBoard

/** A server instance of the scale-out mode on the shared services. */
async function scaleServer(databaseUrl: string, processId: string): Promise<TestServer> {
  return startServer({
    config: {
      store: 'postgres',
      databaseUrl,
      scaleOut: { redisUrl: redis.url, leaseTtlMs: 1500, streamRetentionMs: 60_000, processId },
    },
  })
}

beforeAll(async () => {
  ;[pg, redis] = await Promise.all([startPostgres(), startRedis()])
  const url = await pg.createDatabase()
  a = await scaleServer(url, 'proc-a')
  b = await scaleServer(url, 'proc-b')
  board = await a.createBoard('Scale-out')
}, 60_000)
afterAll(async () => {
  await Promise.allSettled([a?.close(true), b?.close(true)])
  await Promise.allSettled([pg?.stop(), redis?.stop()])
})

describe('two server instances, one board', () => {
  it('[X1] clients on different instances converge, two people typing into one Y.Text', async () => {
    const p1 = connect(a, board.id, board.tokens.participant)
    const p2 = connect(b, board.id, board.tokens.participant)
    await Promise.all([synced(p1), synced(p2)])
    const t1 = p1.doc.getText('label')
    const t2 = p2.doc.getText('label')
    for (let i = 0; i < 30; i++) {
      t1.insert(t1.length, 'a')
      t2.insert(0, 'b')
      if (i % 10 === 0) p2.doc.getMap('elements').set(`e${i}`, i)
    }
    await eventually(() => {
      expect(t1.toString()).toBe(t2.toString())
      expect(t1.length).toBe(60)
      expect(p1.doc.getMap('elements').get('e20')).toBe(20)
    })
    destroyAll(p1, p2)
  })

  it('[X3] presence crosses instances, and leaves with its connection', async () => {
    const p1 = connect(a, board.id, board.tokens.participant)
    const p2 = connect(b, board.id, board.tokens.viewer)
    await Promise.all([synced(p1), synced(p2)])
    p1.awareness.setLocalStateField('user', { id: 'u1', name: 'Ada' })
    await eventually(() =>
      expect(p2.awareness.getStates().get(p1.doc.clientID)).toMatchObject({ user: { name: 'Ada' } }),
    )
    p1.destroy()
    await eventually(() => expect(p2.awareness.getStates().has(p1.doc.clientID)).toBe(false))
    destroyAll(p2)
    p1.doc.destroy()
  })

  it('[X2] an instance that loads a room while another writes misses nothing', async () => {
    const fresh = await a.createBoard('Late joiner')
    const writer = connect(a, fresh.id, fresh.tokens.participant)
    await synced(writer)
    let i = 0
    const timer = setInterval(() => writer.doc.getMap('elements').set(`k${i++}`, i), 2)
    await eventually(() => expect(i).toBeGreaterThan(50))
    // The room loads on b while a keeps writing.
    const reader = connect(b, fresh.id, fresh.tokens.viewer)
    await synced(reader)
    await eventually(() => expect(i).toBeGreaterThan(150))
    clearInterval(timer)
    const written = i
    await eventually(() => expect(reader.doc.getMap('elements').size).toBe(written))
    destroyAll(writer, reader)
  })

  it('[X7] the lock and handover hold for a participant on another instance than the facilitator', async () => {
    const fresh = await a.createBoard('Locked')
    const identity = async (): Promise<{ personId: string; token: string }> => {
      const res = await fetch(`${b.http}/api/boards/${fresh.id}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fresh.tokens.participant}` },
      })
      return (await res.json()) as { personId: string; token: string }
    }
    const person = await identity()
    const control = connect(a, `${fresh.id}/control`, fresh.tokens.facilitator)
    const watcher = connect(a, fresh.id, fresh.tokens.facilitator)
    const participant = connect(b, fresh.id, person.token)
    const viewer = connect(b, fresh.id, fresh.tokens.viewer)
    await Promise.all([synced(control), synced(watcher), synced(participant), synced(viewer)])
    setLocked(control.doc, true, 'test')
    await eventually(() => expect(b.app.circleboard.sync.sessions.get(fresh.id)?.state.locked).toBe(true))
    participant.doc.getMap('elements').set('while-locked', 1)
    viewer.doc.getMap('elements').set('from-viewer', 1)
    // Handing facilitation to the participant (on the other instance) lets it write again.
    setDelegates(control.doc, [person.personId], 'test')
    await eventually(() =>
      expect(b.app.circleboard.sync.sessions.get(fresh.id)?.state.delegates).toEqual([person.personId]),
    )
    // (A fresh document: the refused change stays in the first one, and its later updates depend on it.)
    const delegate = connect(b, fresh.id, person.token)
    await synced(delegate)
    delegate.doc.getMap('elements').set('as-delegate', 1)
    await eventually(() => expect(watcher.doc.getMap('elements').get('as-delegate')).toBe(1))
    expect(watcher.doc.getMap('elements').has('while-locked')).toBe(false)
    expect(watcher.doc.getMap('elements').has('from-viewer')).toBe(false)
    destroyAll(control, watcher, participant, viewer, delegate)
  })

  it('[X5] one instance holds each room lease, with a fencing token', async () => {
    const fresh = await a.createBoard('Lease')
    const p1 = connect(a, fresh.id, fresh.tokens.participant)
    const p2 = connect(b, fresh.id, fresh.tokens.participant)
    await Promise.all([synced(p1), synced(p2)])
    const r = new Redis(redis.url)
    try {
      const lease = await eventually(async () => {
        const v = await r.get(`circleboard:lease:${fresh.id}`)
        expect(v).toMatch(/^proc-[ab]:\d+$/)
        return v as string
      })
      const holder = lease.startsWith('proc-a') ? a : b
      const other = holder === a ? b : a
      expect(holder.app.circleboard.sync.rooms.get(fresh.id)?.leads()).toBe(true)
      expect(other.app.circleboard.sync.rooms.get(fresh.id)?.leads()).toBe(false)
    } finally {
      r.disconnect()
      destroyAll(p1, p2)
    }
  })

  it('[X1] what one instance stores is in PostgreSQL for the other to load', async () => {
    const fresh = await a.createBoard('Stored')
    const p1 = connect(a, fresh.id, fresh.tokens.participant)
    await synced(p1)
    p1.doc.getMap('elements').set('x', 1)
    const reader = connect(b, fresh.id, fresh.tokens.viewer, new Y.Doc())
    await synced(reader)
    await eventually(() => expect(reader.doc.getMap('elements').get('x')).toBe(1))
    destroyAll(p1, reader)
  })
})
