/**
 * What one process does for all (server/SPEC.md X5-X8): the lease holder compacts with its fencing token
 * and trims the stream no further than a lagging reader; reveals are carried out once, by the control
 * room's holder, whichever instance the people are on; a deletion on one instance closes the board on
 * the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import pg from 'pg'
import {
  CloseCode,
  DocName,
  addElement,
  castVote,
  openVoting,
  readControl,
  requestVoteReveal,
} from '@circleboard/shared'
import { connect, destroyAll, eventually, synced, type TestServer } from '../helpers.js'
import { RawClient } from '../rawClient.js'
import { startPair, type Pair } from './pair.js'

let pair: Pair
let redis: Redis

beforeAll(async () => {
  pair = await startPair({ limits: { compactAfterUpdates: 20 }, scale: { streamRetentionMs: 1000 } })
  redis = new Redis(pair.redis.url)
}, 60_000)
afterAll(async () => {
  redis?.disconnect()
  await pair?.close()
})

/** The instance holding the room's lease, and the other one. */
async function holderOf(room: string): Promise<[TestServer, TestServer]> {
  const lease = await eventually(async () => {
    const v = await redis.get(`circleboard:lease:${room}`)
    expect(v).toMatch(/^proc-[ab]:\d+$/)
    return v as string
  })
  return lease.startsWith('proc-a') ? [pair.a, pair.b] : [pair.b, pair.a]
}

describe('the lease holder', () => {
  it('[X5] compacts the log that both instances append to, storing its fencing token with the state', async () => {
    const board = await pair.a.createBoard('Compaction')
    const onA = connect(pair.a, board.id, board.tokens.participant)
    const onB = connect(pair.b, board.id, board.tokens.participant)
    await Promise.all([synced(onA), synced(onB)])
    const [holder] = await holderOf(board.id)
    for (let i = 0; i < 300; i++) (i % 2 ? onA : onB).doc.getMap(DocName.elements).set(`k${i}`, i)
    await eventually(() => expect(onA.doc.getMap(DocName.elements).size).toBe(300))
    // Compacted at the next pause (two seconds) by the holder; the log is short again.
    await eventually(async () =>
      expect(await holder.app.circleboard.store.logLength(board.id)).toBeLessThan(20),
    )
    const client = new pg.Client({ connectionString: pair.databaseUrl })
    await client.connect()
    const row = await client.query<{ fence: string }>('SELECT fence FROM state WHERE room = $1', [board.id])
    await client.end()
    const lease = (await redis.get(`circleboard:lease:${board.id}`)) as string
    expect(Number(row.rows[0]?.fence)).toBe(Number(lease.split(':')[1]))
    destroyAll(onA, onB)
  }, 30_000)

  it('[X6] trims the stream, but never past a lagging reader nor entries younger than the retention', async () => {
    const board = await pair.a.createBoard('Trim')
    const onA = connect(pair.a, board.id, board.tokens.participant)
    const onB = connect(pair.b, board.id, board.tokens.viewer)
    await Promise.all([synced(onA), synced(onB)])
    const key = `circleboard:room:${board.id}`
    // One entry per turn: each edit waits for the last to arrive.
    for (let i = 0; i < 10; i++) {
      onA.doc.getMap(DocName.elements).set(`a${i}`, i)
      await eventually(() => expect(onB.doc.getMap(DocName.elements).get(`a${i}`)).toBe(i))
    }
    const entries = (await redis.xrange(key, '-', '+')) as [string, string[]][]
    expect(entries.length).toBeGreaterThanOrEqual(10)
    const lagging = entries[5]?.[0] as string
    // A third process that has read only up to the sixth entry, and says so every round.
    const fakeReader = setInterval(
      () => void redis.hset(`circleboard:readers:${board.id}`, 'proc-slow', `${lagging} ${Date.now()}`),
      200,
    )
    await redis.hset(`circleboard:readers:${board.id}`, 'proc-slow', `${lagging} ${Date.now()}`)
    // Past the retention (and a few rounds), everything after the lagging reader's position is kept.
    const before = (await redis.xrange(key, `(${lagging}`, '+')).length
    await eventually(async () => expect(Date.now() - Number(lagging.split('-')[0])).toBeGreaterThan(3000))
    expect((await redis.xrange(key, `(${lagging}`, '+')).length).toBeGreaterThanOrEqual(before)
    clearInterval(fakeReader)
    // Once it stops reporting, it counts as gone, and the stream is trimmed to the retention.
    await eventually(async () => expect(await redis.xlen(key)).toBeLessThan(20), 20_000)
    destroyAll(onA, onB)
  }, 40_000)
})

describe('facilitation across instances', () => {
  it('[X7] a reveal requested on one instance counts votes cast on the other, once', async () => {
    const board = await pair.a.createBoard('Votes')
    const identity = async (server: TestServer): Promise<{ personId: string; token: string }> => {
      const res = await fetch(`${server.http}/api/boards/${board.id}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${board.tokens.participant}` },
      })
      return (await res.json()) as { personId: string; token: string }
    }
    const control = connect(pair.a, `${board.id}/control`, board.tokens.facilitator)
    const boardOnB = connect(pair.b, board.id, board.tokens.facilitator)
    await Promise.all([synced(control), synced(boardOnB)])
    const ctx = { personId: null, meeting: null }
    const v1 = addElement(boardOnB.doc, { type: 'value', x: 0, y: 0, label: 'Egen försörjning' }, ctx)
    const v2 = addElement(boardOnB.doc, { type: 'value', x: 300, y: 0, label: 'Bättre hälsa' }, ctx)
    const round = openVoting(
      control.doc,
      { title: 'Viktigast?', scope: 'value', votesPerPerson: 2 },
      Date.now(),
      'test',
    )
    const voters = await Promise.all([identity(pair.b), identity(pair.a)])
    // The drafts are open on B and on A.
    const drafts = [
      connect(pair.b, `${board.id}/drafts/${voters[0]!.personId}`, voters[0]!.token),
      connect(pair.a, `${board.id}/drafts/${voters[1]!.personId}`, voters[1]!.token),
    ]
    await Promise.all(drafts.map((d) => synced(d)))
    castVote(drafts[0]!.doc, round, v1, 1, 2, 'test')
    castVote(drafts[0]!.doc, round, v1, 1, 2, 'test')
    castVote(drafts[1]!.doc, round, v2, 1, 2, 'test')
    await eventually(async () => {
      for (const [i, v] of voters.entries()) {
        const stored = await pair.a.app.circleboard.store.load(`${board.id}/drafts/${v.personId}`)
        expect(stored.updates.length + (stored.state ? 1 : 0), `drafts ${i}`).toBeGreaterThan(0)
      }
    })
    await holderOf(`${board.id}/control`)
    requestVoteReveal(control.doc, 'test')
    await eventually(() =>
      expect(readControl(control.doc).voting).toMatchObject({ status: 'revealed', voters: 2 }),
    )
    expect(readControl(control.doc).voting?.results).toEqual({ [v1]: 2, [v2]: 1 })
    const revealed = [...pair.logs.a, ...pair.logs.b].filter(
      (l) => l.includes('voting round revealed') && l.includes(board.id),
    )
    expect(revealed).toHaveLength(1)
    destroyAll(control, boardOnB, ...drafts)
  })

  it('[X8] deleting a board on one instance closes its connections on the other with 4404', async () => {
    const board = await pair.a.createBoard('Delete')
    const onB = RawClient.connect(pair.b.ws, board.id, board.tokens.participant)
    const controlOnB = RawClient.connect(pair.b.ws, `${board.id}/control`, board.tokens.facilitator)
    await Promise.all([onB.opened, controlOnB.opened])
    await eventually(() => expect(pair.b.app.circleboard.sync.rooms.get(board.id)).toBeDefined())
    const res = await fetch(`${pair.a.http}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(res.status).toBe(204)
    for (const c of [onB, controlOnB]) {
      expect(await c.closed).toEqual({ code: CloseCode.NotFound, reason: 'the board was deleted' })
    }
    expect(await pair.b.app.circleboard.store.load(board.id)).toEqual({ state: null, updates: [] })
  })
})
