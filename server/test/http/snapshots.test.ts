/**
 * Snapshots (server/SPEC.md H1-H4): taken by hand over REST, listed and read by every link of the board,
 * read as JSON or as the raw Yjs update, and taken by the server when a real facilitator client ends a
 * meeting, once per meeting, also across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  endMeeting,
  importBoardJsonFile,
  readBoard,
  setCurrentMeeting,
  setDelegates,
  startMeeting,
  upsertPerson,
  updateMeeting,
} from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { fillBoard, writeStored } from '../boards.js'

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer({ meetingEndGraceMs: 2000 })
  board = await server.createBoard('Snapshots')
  await writeStored(server, board.id, (doc) => fillBoard(doc))
})
afterAll(async () => {
  await server.close(true)
})

interface SnapshotJson {
  id: string
  label: string
  createdAt: string
  meeting: number | null
  author: string | null
  size: number
  automatic: boolean
}

async function api(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; type: string; json: () => unknown; bytes: Buffer }> {
  const res = await fetch(`${server.http}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const bytes = Buffer.from(await res.arrayBuffer())
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    json: () => JSON.parse(bytes.toString('utf8')),
    bytes,
  }
}

const list = async (b: TestBoard, token = b.tokens.viewer): Promise<SnapshotJson[]> =>
  ((await api('GET', `/api/boards/${b.id}/snapshots`, token)).json() as { snapshots: SnapshotJson[] })
    .snapshots

async function identity(b: TestBoard, token: string): Promise<{ personId: string; token: string }> {
  return (await api('POST', `/api/boards/${b.id}/identity`, token)).json() as {
    personId: string
    token: string
  }
}

describe('snapshots by hand', () => {
  it('[H1] a facilitator takes one; it lists, and reads back as JSON and as Yjs', async () => {
    const taken = await api('POST', `/api/boards/${board.id}/snapshots`, board.tokens.facilitator, {
      label: '  Efter första mötet  ',
    })
    expect(taken.status).toBe(201)
    const snap = taken.json() as SnapshotJson
    expect(snap).toMatchObject({
      label: 'Efter första mötet',
      meeting: 2,
      author: 'facilitator',
      automatic: false,
    })
    expect(snap.id).toMatch(/^[A-Za-z0-9_-]{12}$/)
    expect(snap.size).toBeGreaterThan(100)
    expect(Date.parse(snap.createdAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(await list(board)).toContainEqual(snap)

    const json = await api('GET', `/api/boards/${board.id}/snapshots/${snap.id}`, board.tokens.participant)
    expect(json.status).toBe(200)
    expect(json.type).toBe('application/json; charset=utf-8')
    const body = json.json() as { snapshot: SnapshotJson; document: unknown }
    expect(body.snapshot).toEqual(snap)
    const file = importBoardJsonFile(JSON.stringify(body.document))
    expect(file.ok && file.value.snapshot).toMatchObject({ id: snap.id, label: snap.label, meeting: 2 })
    expect(file.ok && file.value.board.elements).toHaveLength(3)

    const yjs = await api(
      'GET',
      `/api/boards/${board.id}/snapshots/${snap.id}?format=yjs`,
      board.tokens.viewer,
    )
    expect(yjs.status).toBe(200)
    expect(yjs.type).toBe('application/octet-stream')
    expect(yjs.bytes.length).toBe(snap.size)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(yjs.bytes))
    expect(
      readBoard(doc)
        .elements.map((e) => e.label)
        .sort(),
    ).toEqual(file.ok ? file.value.board.elements.map((e) => e.label).sort() : [])
  })

  it('[H1] the author is the display name of a person the board knows', async () => {
    const me = await identity(board, board.tokens.facilitator)
    const p = connect(server, board.id, board.tokens.facilitator)
    await synced(p)
    upsertPerson(
      p.doc,
      { id: me.personId, name: 'Karin Berg', role: 'facilitator' },
      { personId: me.personId, meeting: null },
    )
    await eventually(async () => {
      const snap = (
        await api('POST', `/api/boards/${board.id}/snapshots`, me.token, { label: 'Named' })
      ).json() as SnapshotJson
      expect(snap.author).toBe('Karin Berg')
    })
    destroyAll(p)
  })

  it.each([
    [{}, /label/],
    [{ label: '' }, /label/],
    [{ label: '   ' }, /empty/],
    [{ label: 'x'.repeat(201) }, /label/],
    [{ label: 'ok', extra: true }, /additional/],
  ])('[H1] refuses %j with 400', async (body, message) => {
    const res = await api('POST', `/api/boards/${board.id}/snapshots`, board.tokens.facilitator, body)
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({
      error: { code: 'BOARD_ERR_BAD_REQUEST', message: expect.stringMatching(message) },
    })
  })

  it('[H2] every link reads history; only the facilitator or a delegate takes snapshots', async () => {
    const b = await server.createBoard('Roles')
    const take = (token: string | null) => api('POST', `/api/boards/${b.id}/snapshots`, token, { label: 'x' })
    expect((await take(b.tokens.participant)).status).toBe(403)
    expect((await take(b.tokens.viewer)).status).toBe(403)
    expect((await take(null)).status).toBe(401)
    expect((await take(board.tokens.facilitator)).status).toBe(403)
    expect((await take(b.tokens.facilitator)).status).toBe(201)
    for (const token of [b.tokens.participant, b.tokens.viewer]) expect(await list(b, token)).toHaveLength(1)
    expect((await api('GET', `/api/boards/${b.id}/snapshots`, null)).status).toBe(401)
    expect((await api('GET', `/api/boards/${b.id}/snapshots`, board.tokens.viewer)).status).toBe(403)
    // A participant facilitation was handed to may take one.
    const delegate = await identity(b, b.tokens.participant)
    const control = connect(server, `${b.id}/control`, b.tokens.facilitator)
    await synced(control)
    setDelegates(control.doc, [delegate.personId], 'test')
    await eventually(async () => expect((await take(delegate.token)).status).toBe(201))
    destroyAll(control)
  })

  it('[H2] unknown snapshots and boards are 404', async () => {
    const get = (path: string) => api('GET', path, board.tokens.viewer)
    expect((await get(`/api/boards/${board.id}/snapshots/nosuchsnapshot`)).status).toBe(404)
    expect((await get(`/api/boards/${board.id}/snapshots/bad%20id`)).status).toBe(404)
    expect((await get(`/api/boards/${board.id}/snapshots/x?format=pdf`)).status).toBe(400)
    expect((await get(`/api/boards/NOT-AN-ID/snapshots`)).status).toBe(404)
  })
})

describe('the automatic snapshot at the end of a meeting', () => {
  /** Starts a meeting as the facilitator's client does: the board's record and the control document. */
  async function start(b: TestBoard, title: string) {
    const boardDoc = connect(server, b.id, b.tokens.facilitator)
    const control = connect(server, `${b.id}/control`, b.tokens.facilitator)
    await Promise.all([synced(boardDoc), synced(control)])
    const ctx = { personId: null, meeting: null }
    const meeting = startMeeting(boardDoc.doc, null, ctx)
    updateMeeting(boardDoc.doc, meeting.id, { title }, ctx)
    setCurrentMeeting(control.doc, { ...meeting, startedAt: Date.now() }, 'test')
    return { boardDoc, control, meeting }
  }

  it('[H3] ending a meeting takes "End of meeting N: title" with the ended meeting in it', async () => {
    const b = await server.createBoard('Automatic')
    const { boardDoc, control, meeting } = await start(b, 'Kickoff')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(b.id)?.state.meeting?.id).toBe(meeting.id),
    )
    expect(await list(b)).toEqual([])
    // The control document first, the board's record a moment later: the snapshot waits for the record.
    setCurrentMeeting(control.doc, null, 'test')
    await new Promise((resolve) => setTimeout(resolve, 100))
    endMeeting(boardDoc.doc, meeting.id, { personId: null, meeting: null })
    const [snap] = await eventually(async () => {
      const l = await list(b)
      expect(l).toHaveLength(1)
      return l
    })
    expect(snap).toMatchObject({
      label: 'End of meeting 1: Kickoff',
      meeting: 1,
      automatic: true,
      author: 'facilitator',
    })
    expect(snap?.id).toMatch(/^end-/)
    const yjs = await api('GET', `/api/boards/${b.id}/snapshots/${snap?.id}?format=yjs`, b.tokens.viewer)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(yjs.bytes))
    expect(readBoard(doc).meetings[0]?.endedAt).not.toBeNull()
    destroyAll(boardDoc, control)
  })

  it('[H4] one snapshot per meeting: seen twice, and again after a restart', async () => {
    const dataDir = server.dataDir
    const b = await server.createBoard('Idempotent')
    const { boardDoc, control, meeting } = await start(b, '')
    endMeeting(boardDoc.doc, meeting.id, { personId: null, meeting: null })
    setCurrentMeeting(control.doc, null, 'test')
    await eventually(async () => expect(await list(b)).toHaveLength(1))
    // The same meeting set and ended again (an undo, a second facilitator's stale client).
    setCurrentMeeting(control.doc, { ...meeting, startedAt: Date.now() }, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(b.id)?.state.meeting).not.toBeNull(),
    )
    setCurrentMeeting(control.doc, { ...meeting, startedAt: Date.now() }, 'test')
    setCurrentMeeting(control.doc, null, 'test')
    await server.app.circleboard.sync.sessions.settled()
    destroyAll(boardDoc, control)
    await server.close()
    server = await startServer({ dataDir, meetingEndGraceMs: 2000 })
    const control2 = connect(server, `${b.id}/control`, b.tokens.facilitator)
    await synced(control2)
    setCurrentMeeting(control2.doc, { ...meeting, startedAt: Date.now() }, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(b.id)?.state.meeting).not.toBeNull(),
    )
    setCurrentMeeting(control2.doc, null, 'test')
    await server.app.circleboard.sync.sessions.settled()
    const l = await list(b)
    expect(l).toHaveLength(1)
    expect(l[0]?.label).toBe('End of meeting 1')
    destroyAll(control2)
  })

  it('[H3] a Swedish board labels it in Swedish; a meeting replaced by the next ends it too', async () => {
    const b = await server.createBoard('Svensk', { language: 'sv' })
    const { boardDoc, control, meeting } = await start(b, 'Uppstart')
    endMeeting(boardDoc.doc, meeting.id, { personId: null, meeting: null })
    const next = startMeeting(boardDoc.doc, null, { personId: null, meeting: null })
    setCurrentMeeting(control.doc, { ...next, startedAt: Date.now() }, 'test')
    const [snap] = await eventually(async () => {
      const l = await list(b)
      expect(l).toHaveLength(1)
      return l
    })
    expect(snap?.label).toBe('Slut på möte 1: Uppstart')
    destroyAll(boardDoc, control)
  })
})
