/**
 * Retention, deletion and the audit log (server/SPEC.md R1-R2, A1-A3): an expired board is deleted with
 * everything about it and nothing of another; a facilitator deletes a board at once, its connections are
 * closed with 4404; the audit log records who joined and who did what, never content, and goes with the
 * board except for one line in the server log.
 */
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { PEOPLE, fillBoard, writeStored } from '../boards.js'
import { RawClient } from '../rawClient.js'

let server: TestServer
const logLines: string[] = []
const logStream = new PassThrough()
logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)))

beforeAll(async () => {
  server = await startServer({ logStream, config: { logLevel: 'info' } })
})
afterAll(async () => {
  await server.close(true)
})

async function api(method: string, path: string, token: string | null, body?: unknown): Promise<Response> {
  return fetch(`${server.http}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** A board with content, a snapshot, an audit log, drafts and control documents. */
async function fullBoard(title: string): Promise<TestBoard> {
  const b = await server.createBoard(title)
  await writeStored(server, b.id, (doc) => fillBoard(doc))
  expect(
    (await api('POST', `/api/boards/${b.id}/snapshots`, b.tokens.facilitator, { label: 'x' })).status,
  ).toBe(201)
  const me = (await (await api('POST', `/api/boards/${b.id}/identity`, b.tokens.participant)).json()) as {
    personId: string
    token: string
  }
  const drafts = connect(server, `${b.id}/drafts/${me.personId}`, me.token)
  const control = connect(server, `${b.id}/control`, b.tokens.facilitator)
  await Promise.all([synced(drafts), synced(control)])
  drafts.doc.getMap('notes').set('n', 1)
  control.doc.getMap('session').set('locked', false)
  await eventually(async () => {
    const rooms = await server.app.circleboard.store.listRooms(`${b.id}/`)
    expect(rooms).toEqual([`${b.id}/control`, `${b.id}/drafts/${me.personId}`])
  })
  destroyAll(drafts, control)
  return b
}

/** Everything the store holds about a board. */
async function everything(boardId: string) {
  const store = server.app.circleboard.store
  return {
    board: await store.getBoard(boardId),
    doc: await store.load(boardId),
    rooms: await store.listRooms(`${boardId}/`),
    snapshots: await store.listSnapshots(boardId),
    audit: await store.listAudit(boardId, 100),
  }
}

const nothing = (boardId: string) => ({
  board: null,
  doc: { state: null, updates: [] },
  rooms: [],
  snapshots: [],
  audit: [],
  boardId,
})

describe('retention', () => {
  it('[R1] an expiry date is set in the future, read back, and cleared', async () => {
    const b = await server.createBoard('Utgår')
    const at = new Date(Date.now() + 86_400_000).toISOString()
    const set = await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, { expiresAt: at })
    expect(set.status).toBe(200)
    expect(await set.json()).toEqual({ identityNumberCheck: true, expiresAt: at, language: null })
    const info = await (await api('GET', `/api/boards/${b.id}`, b.tokens.viewer)).json()
    expect(info).toMatchObject({ settings: { expiresAt: at } })
    const past = await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, {
      expiresAt: '2020-01-01',
    })
    expect(past.status).toBe(400)
    for (const bad of ['tomorrow', 12, '31/12/2099']) {
      expect(
        (await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, { expiresAt: bad })).status,
      ).toBe(400)
    }
    expect((await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, {})).status).toBe(400)
    const cleared = await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, {
      expiresAt: null,
    })
    expect(await cleared.json()).toMatchObject({ expiresAt: null })
  })

  it('[R1] the sweep deletes everything of an expired board and nothing of another, and logs it', async () => {
    const expired = await fullBoard('Gammal tavla')
    const kept = await fullBoard('Ny tavla')
    const keptBefore = await everything(kept.id)
    const open = RawClient.connect(server.ws, expired.id, expired.tokens.viewer)
    await open.opened
    await eventually(() => expect(server.app.circleboard.sync.rooms.get(expired.id)).toBeDefined())
    await server.app.circleboard.store.updateBoard(expired.id, { expiresAt: Date.now() - 1000 })
    expect(await server.app.circleboard.retention.sweep()).toBe(1)
    expect(await open.closed).toEqual({
      code: CloseCode.NotFound,
      reason: 'the board was deleted: its retention period has ended',
    })
    expect({ ...(await everything(expired.id)), boardId: expired.id }).toEqual(nothing(expired.id))
    expect(await everything(kept.id)).toEqual(keptBefore)
    const line = logLines.find((l) => l.includes('board deleted') && l.includes(expired.id))
    expect(line).toBeDefined()
    expect(JSON.parse(line as string)).toMatchObject({ board: expired.id, reason: 'retention' })
    expect(logLines.join('\n')).not.toContain('Gammal tavla')
    // Connecting again finds no board.
    const again = RawClient.connect(server.ws, expired.id, expired.tokens.viewer)
    expect((await again.closed).code).toBe(CloseCode.NotFound)
  })

  it('[R1] the first sweep runs when the server starts', async () => {
    const b = await server.createBoard('Före omstart')
    await server.app.circleboard.store.updateBoard(b.id, { expiresAt: Date.now() - 1 })
    const dataDir = server.dataDir
    await server.close()
    server = await startServer({ dataDir, logStream, config: { logLevel: 'info' } })
    await eventually(async () => expect(await server.app.circleboard.store.getBoard(b.id)).toBeNull())
  })
})

describe('deleting a board', () => {
  it('[R2] a facilitator deletes a board and everything about it at once; connections get 4404', async () => {
    const b = await fullBoard('Radera mig')
    const other = await fullBoard('Behåll mig')
    const otherBefore = await everything(other.id)
    const boardConn = RawClient.connect(server.ws, b.id, b.tokens.participant)
    const controlConn = RawClient.connect(server.ws, `${b.id}/control`, b.tokens.facilitator)
    await Promise.all([boardConn.opened, controlConn.opened])
    await eventually(() => expect(server.app.circleboard.sync.rooms.get(`${b.id}/control`)).toBeDefined())
    expect((await api('DELETE', `/api/boards/${b.id}`, b.tokens.participant)).status).toBe(403)
    expect((await api('DELETE', `/api/boards/${b.id}`, other.tokens.facilitator)).status).toBe(403)
    expect((await api('DELETE', `/api/boards/${b.id}`, null)).status).toBe(401)
    expect((await api('DELETE', `/api/boards/${b.id}`, b.tokens.facilitator)).status).toBe(204)
    for (const c of [boardConn, controlConn]) {
      expect(await c.closed).toEqual({ code: CloseCode.NotFound, reason: 'the board was deleted' })
    }
    expect({ ...(await everything(b.id)), boardId: b.id }).toEqual(nothing(b.id))
    expect(await everything(other.id)).toEqual(otherBefore)
    expect((await api('GET', `/api/boards/${b.id}`, b.tokens.facilitator)).status).toBe(404)
    expect((await api('DELETE', `/api/boards/${b.id}`, b.tokens.facilitator)).status).toBe(404)
    expect((await api('GET', `/api/boards/${b.id}/snapshots`, b.tokens.facilitator)).status).toBe(404)
    const again = RawClient.connect(server.ws, b.id, b.tokens.participant)
    expect((await again.closed).code).toBe(CloseCode.NotFound)
    // Nothing was written back after the delete (no queued update, compaction or audit entry).
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect({ ...(await everything(b.id)), boardId: b.id }).toEqual(nothing(b.id))
    expect(logLines.some((l) => l.includes('board deleted') && l.includes(b.id))).toBe(true)
  })
})

describe('the audit log', () => {
  it('[A1][A2][A3] who joined with which role and who did what, coalesced, never content', async () => {
    const b = await server.createBoard('Granskad')
    await writeStored(server, b.id, (doc) => fillBoard(doc))
    const me = (await (await api('POST', `/api/boards/${b.id}/identity`, b.tokens.participant)).json()) as {
      personId: string
      token: string
    }
    const first = connect(server, b.id, me.token)
    await synced(first)
    destroyAll(first)
    // Reconnecting within a minute is the same visit.
    const second = connect(server, b.id, me.token)
    const viewer = connect(server, b.id, b.tokens.viewer)
    await Promise.all([synced(second), synced(viewer)])
    await api('POST', `/api/boards/${b.id}/snapshots`, b.tokens.facilitator, { label: 'Hemlig etikett' })
    await api('GET', `/api/boards/${b.id}/export?format=csv`, b.tokens.facilitator)
    await api('PATCH', `/api/boards/${b.id}/settings`, b.tokens.facilitator, { identityNumberCheck: false })
    expect((await api('GET', `/api/boards/${b.id}/audit`, b.tokens.participant)).status).toBe(403)
    const res = await api('GET', `/api/boards/${b.id}/audit`, b.tokens.facilitator)
    expect(res.status).toBe(200)
    const { entries } = (await res.json()) as {
      entries: { at: string; event: string; role: string | null; person: string | null; detail: unknown }[]
    }
    const events = entries.map((e) => [e.event, e.role, e.person])
    expect(events).toEqual([
      ['settings', 'facilitator', null],
      ['export', 'facilitator', null],
      ['snapshot', 'facilitator', null],
      ['joined', 'viewer', null],
      ['joined', 'participant', me.personId],
      ['created', null, null],
    ])
    expect(entries[0]?.detail).toEqual({ identityNumberCheck: false })
    expect(entries[1]?.detail).toEqual({ format: 'csv', snapshot: null })
    expect(Date.parse(entries[0]?.at as string)).toBeGreaterThan(Date.now() - 60_000)
    const text = JSON.stringify(entries)
    for (const secret of ['Hemlig etikett', 'Granskad', 'Kommunen', ...PEOPLE.map((p) => p.name)]) {
      expect(text).not.toContain(secret)
    }
    const limited = await api('GET', `/api/boards/${b.id}/audit?limit=2`, b.tokens.facilitator)
    expect(((await limited.json()) as { entries: unknown[] }).entries).toHaveLength(2)
    expect((await api('GET', `/api/boards/${b.id}/audit?limit=0`, b.tokens.facilitator)).status).toBe(400)
    destroyAll(second, viewer)
  })
})
