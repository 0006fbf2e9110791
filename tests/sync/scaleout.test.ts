/**
 * Scale-out with real processes (server/SPEC.md X1-X9): two server processes from the sources, sharing a
 * redis-server and a PostgreSQL started for this file, behind a TCP balancer without sticky sessions
 * (tests/support/tcpProxy.ts), with stock y-websocket clients of every line. Process B reaches Redis
 * through a proxy too, so that the test can cut it off. Cases that need no process of their own (lock,
 * handover, reveals, deletion, trimming) run on two instances in one process: server/test/scale/.
 */
import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js'
import { eventually, provider, synced, type AnyProvider } from '../support/providers.js'
import { startPostgres, startRedis, type PostgresService, type Service } from '@circleboard/server/testing'
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js'

const SECRET = 'scale-out-test-secret-scale-out-test-secret'

let pg: PostgresService
let redis: Service
let redisToB: TcpProxy
let a: ServerProcess
let b: ServerProcess
let balancer: TcpProxy
const clients: AnyProvider[] = []

/** A server process of the scale-out mode. */
function scaleProcess(processId: string, redisPort: number, databaseUrl: string): Promise<ServerProcess> {
  return startServerProcess({
    env: {
      STORE: 'postgres',
      DATABASE_URL: databaseUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      SECRET,
      LEASE_TTL_MS: '1500',
      PROCESS_ID: processId,
    },
  })
}

/** `redis-cli GET key` on the test's Redis. */
function redisGet(key: string): string {
  return spawnSync('redis-cli', ['-p', String(redis.port), 'GET', key], { encoding: 'utf8' }).stdout.trim()
}

/** A stock client that stays in `clients` for the clean-up. */
function client(
  line: 'y-websocket 1.5' | 'y-websocket 2.1' | 'y-websocket 3.1',
  port: number,
  room: string,
  token: string,
): AnyProvider {
  const p = provider(line, `ws://127.0.0.1:${port}/ws`, room, token, new Y.Doc())
  clients.push(p)
  return p
}

beforeAll(async () => {
  ;[pg, redis] = await Promise.all([startPostgres(), startRedis()])
  redisToB = await startTcpProxy([redis.port])
  const url = await pg.createDatabase()
  // One after the other: the first one migrates the database.
  a = await scaleProcess('proc-a', redis.port, url)
  b = await scaleProcess('proc-b', redisToB.port, url)
  balancer = await startTcpProxy([a.port, b.port])
}, 120_000)

afterAll(async () => {
  for (const p of clients.splice(0)) p.destroy()
  await Promise.allSettled([a?.stop('SIGKILL'), b?.stop('SIGKILL')])
  await Promise.allSettled([balancer?.close(), redisToB?.close()])
  await Promise.allSettled([pg?.stop(), redis?.stop()])
})

describe('two server processes behind a balancer', () => {
  it('[X1] stock clients of every line on both processes converge, two of them typing into one Y.Text', async () => {
    const board = await a.createBoard('Two processes')
    const onA = client('y-websocket 1.5', a.port, board.id, board.tokens.participant)
    const onB = client('y-websocket 3.1', b.port, board.id, board.tokens.participant)
    const viaBalancer = client('y-websocket 2.1', balancer.port, board.id, board.tokens.viewer)
    await Promise.all([synced(onA), synced(onB), synced(viaBalancer)])
    const ta = onA.doc.getText('label')
    const tb = onB.doc.getText('label')
    for (let i = 0; i < 40; i++) {
      ta.insert(ta.length, 'a')
      tb.insert(0, 'b')
      if (i % 8 === 0) onB.doc.getMap('elements').set(`e${i}`, i)
    }
    await eventually(() => {
      for (const p of [onA, onB, viaBalancer]) {
        expect(p.doc.getText('label').length).toBe(80)
        expect(p.doc.getMap('elements').get('e32')).toBe(32)
      }
      expect(ta.toString()).toBe(tb.toString())
      expect(viaBalancer.doc.getText('label').toString()).toBe(ta.toString())
    })
  })

  it('[X3] presence of a client on one process reaches clients on the other', async () => {
    const board = await a.createBoard('Presence')
    const onA = client('y-websocket 3.1', a.port, board.id, board.tokens.participant)
    const onB = client('y-websocket 3.1', b.port, board.id, board.tokens.viewer)
    await Promise.all([synced(onA), synced(onB)])
    onA.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    onB.awareness.setLocalStateField('cursor', { x: 1, y: 2 })
    await eventually(() => {
      expect(onB.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ cursor: { x: 10, y: 20 } })
      expect(onA.awareness.getStates().get(onB.doc.clientID)).toMatchObject({ cursor: { x: 1, y: 2 } })
    })
  })

  it('[X2] a process cut off from Redis keeps serving its clients and catches up when Redis is back', async () => {
    const board = await a.createBoard('Redis outage')
    const onA = client('y-websocket 3.1', a.port, board.id, board.tokens.participant)
    const onB = client('y-websocket 3.1', b.port, board.id, board.tokens.participant)
    const watchB = client('y-websocket 3.1', b.port, board.id, board.tokens.viewer)
    await Promise.all([synced(onA), synced(onB), synced(watchB)])
    onA.doc.getMap('elements').set('before', 1)
    await eventually(() => expect(watchB.doc.getMap('elements').get('before')).toBe(1))
    redisToB.cut()
    for (let i = 0; i < 20; i++) {
      onA.doc.getMap('elements').set(`from-a-${i}`, i)
      onB.doc.getMap('elements').set(`from-b-${i}`, i)
    }
    // B's own clients still get B's edits at once: B is stored in PostgreSQL and delivers without Redis.
    await eventually(() => expect(watchB.doc.getMap('elements').get('from-b-19')).toBe(19))
    expect(watchB.doc.getMap('elements').has('from-a-19')).toBe(false)
    redisToB.restore()
    await eventually(() => {
      for (const p of [onA, onB, watchB]) {
        for (let i = 0; i < 20; i++) {
          expect(p.doc.getMap('elements').get(`from-a-${i}`)).toBe(i)
          expect(p.doc.getMap('elements').get(`from-b-${i}`)).toBe(i)
        }
      }
    }, 30_000)
  })

  it('[X5][S2] SIGKILL of the lease holder while clients edit: they move to the other process, nothing received is lost, the lease moves', async () => {
    const board = await a.createBoard('Crash')
    const writers = [0, 1, 2, 3].map(() =>
      client('y-websocket 3.1', balancer.port, board.id, board.tokens.participant),
    )
    const reader = client('y-websocket 3.1', balancer.port, board.id, board.tokens.viewer)
    await Promise.all([...writers, reader].map((p) => synced(p)))
    const lease = await eventually(() => {
      const v = redisGet(`circleboard:lease:${board.id}`)
      expect(v).toMatch(/^proc-[ab]:\d+$/)
      return v
    })
    const [holderId, fence] = lease.split(':') as [string, string]
    const holder = holderId === 'proc-a' ? a : b
    const survivor = holder === a ? b : a
    // Everything any client receives, from the start to the end.
    const received = new Set<string>()
    for (const p of [...writers, reader]) {
      p.doc.getMap('elements').observe((e) => {
        if (!e.transaction.local) e.keysChanged.forEach((k) => received.add(k))
      })
    }
    let n = 0
    const timer = setInterval(() => {
      const w = writers[n % writers.length] as AnyProvider
      w.doc.getMap('elements').set(`k${n++}`, n)
    }, 3)
    await eventually(() => expect(received.size).toBeGreaterThan(150))
    await holder.stop('SIGKILL')
    const atKill = n
    await eventually(() => expect(n).toBeGreaterThan(atKill + 150), 30_000)
    clearInterval(timer)
    const written = n
    // Every client is back (through the balancer, on the survivor) and has everything.
    await eventually(() => {
      for (const p of [...writers, reader]) expect(p.doc.getMap('elements').size).toBe(written)
    }, 60_000)
    // A fresh client of the survivor has everything any client received, and the rest.
    const check = client('y-websocket 3.1', survivor.port, board.id, board.tokens.viewer)
    await synced(check)
    const stored = check.doc.getMap('elements')
    expect([...received].filter((k) => !stored.has(k))).toEqual([])
    expect(stored.size).toBe(written)
    // The survivor took the lease over, with a higher fencing token.
    await eventually(() => {
      const [id, next] = redisGet(`circleboard:lease:${board.id}`).split(':')
      expect(id).toBe(holder === a ? 'proc-b' : 'proc-a')
      expect(Number(next)).toBeGreaterThan(Number(fence))
    }, 15_000)
  })
})
