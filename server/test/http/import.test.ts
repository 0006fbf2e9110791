/**
 * Board imports (server/SPEC.md H7, H8, P2): the json export into a new board (what comes back is what
 * went out), merged into a board as one change that every client receives, and files the importer
 * refuses, with their problems.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBoardJson, readBoard, type CreateBoardResponse } from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { fillBoard, storedDoc, writeStored } from '../boards.js'

let server: TestServer
let source: TestBoard
let file: string

beforeAll(async () => {
  server = await startServer()
  source = await server.createBoard('Källa')
  await writeStored(server, source.id, (doc) => fillBoard(doc))
  const res = await fetch(`${server.http}/api/boards/${source.id}/export?format=json`, {
    headers: { authorization: `Bearer ${source.tokens.facilitator}` },
  })
  file = await res.text()
})
afterAll(async () => {
  await server.close(true)
})

async function post(path: string, body: string, token: string | null = null): Promise<Response> {
  return fetch(`${server.http}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body,
  })
}

const tokenOf = (link: string): string => link.split('#t=')[1] as string

describe('import into a new board', () => {
  it('[H7] the json export becomes a new board with the same content, answered like POST /api/boards', async () => {
    const res = await post('/api/boards/import', file)
    expect(res.status).toBe(201)
    const created = (await res.json()) as CreateBoardResponse
    expect(created).toMatchObject({ title: 'Källa', template: null })
    expect(Object.keys(created.links).sort()).toEqual(['facilitator', 'participant', 'viewer'])
    const viewer = connect(server, created.id, tokenOf(created.links.viewer))
    await synced(viewer)
    const original = readBoard(await storedDoc(server, source.id))
    const imported = readBoard(viewer.doc)
    expect(imported.elements).toEqual(original.elements)
    expect(imported.links).toEqual(original.links)
    expect(imported.meetings).toEqual(original.meetings)
    expect(imported.people).toEqual(original.people)
    expect(imported.comments).toEqual(original.comments)
    expect(imported.meta.title).toBe('Källa')
    destroyAll(viewer)
    const titled = await post(`/api/boards/import?title=${encodeURIComponent('Ny titel')}`, file)
    expect(((await titled.json()) as CreateBoardResponse).title).toBe('Ny titel')
  })

  it('[H7] a file the importer refuses is a 400 with its problems, each with a path', async () => {
    const notJson = await post('/api/boards/import', '{"format": ')
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({
      error: { code: 'BOARD_ERR_BAD_REQUEST' },
      errors: [{ code: 'BAD_JSON', path: '$' }],
      total: 1,
    })
    const parsed = JSON.parse(file) as { board: { elements: { type: string }[] } }
    ;(parsed.board.elements[1] as { type: string }).type = 'widget'
    const bad = await post('/api/boards/import', JSON.stringify(parsed))
    const body = (await bad.json()) as {
      error: { message: string }
      errors: { code: string; path: string }[]
    }
    expect(bad.status).toBe(400)
    expect(body.errors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_VALUE', path: '$.board.elements[1].type' }),
    )
    expect(body.error.message).toMatch(/cannot be imported/)
    // Many problems: the first 50 are listed, all are counted.
    const many = JSON.parse(file) as { board: { elements: Record<string, unknown>[] } }
    const template = many.board.elements[0] as Record<string, unknown>
    many.board.elements = Array.from({ length: 80 }, (_, i) => ({ ...template, id: `e${i}`, w: -1 }))
    const lots = (await (await post('/api/boards/import', JSON.stringify(many))).json()) as {
      errors: unknown[]
      total: number
    }
    expect(lots.errors).toHaveLength(50)
    expect(lots.total).toBeGreaterThan(50)
    expect((await post('/api/boards/import', '')).status).toBe(400)
  })

  it('[H7] imports up to MAX_IMPORT_BYTES, beyond it 413; the server key when one is set', async () => {
    const small = await startServer({ limits: { maxImportBytes: 2000 }, config: { serverKey: 'sesam' } })
    try {
      const over = await fetch(`${small.http}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sesam' },
        body: file,
      })
      expect(over.status).toBe(413)
      expect(await over.json()).toMatchObject({ error: { code: 'BOARD_ERR_TOO_LARGE' } })
      const tiny = exportBoardJson({
        meta: { schema: 1, title: 'Liten', template: null, createdAt: null, pseudonymous: false },
        elements: [],
        links: [],
        meetings: [],
        people: [],
        invalid: [],
      })
      const keyless = await fetch(`${small.http}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: tiny,
      })
      expect(keyless.status).toBe(401)
      const ok = await fetch(`${small.http}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sesam' },
        body: tiny,
      })
      expect(ok.status).toBe(201)
    } finally {
      await small.close(true)
    }
    // The main server still has the websocket limit for other JSON bodies, not the import's.
    expect(server.config.limits.maxImportBytes).toBeGreaterThan(server.config.limits.maxPayloadBytes)
  })

  it('[P2] identity numbers in the file are taken out before anything is stored', async () => {
    const parsed = JSON.parse(file) as { board: { elements: { label: string }[] } }
    ;(parsed.board.elements[0] as { label: string }).label = 'Klient 19121212-1212'
    const res = await post('/api/boards/import', JSON.stringify(parsed))
    expect(res.status).toBe(201)
    const created = (await res.json()) as CreateBoardResponse
    const stored = await server.app.circleboard.store.load(created.id)
    const bytes = Buffer.concat([...(stored.state ? [stored.state] : []), ...stored.updates])
    expect(bytes.includes(Buffer.from('19121212'))).toBe(false)
    expect(bytes.includes(Buffer.from('[personnummer borttaget]'))).toBe(true)
  })
})

describe('merge into a board', () => {
  it('[H8] adds the records as one change: ids in use are renamed, references follow, clients see it', async () => {
    const target = await server.createBoard('Mål')
    await writeStored(server, target.id, (doc) => fillBoard(doc))
    const watcher = connect(server, target.id, target.tokens.viewer)
    await synced(watcher)
    const before = readBoard(watcher.doc)
    // The board's own export merged into itself: every element, link and thread id is taken.
    const own = await (
      await fetch(`${server.http}/api/boards/${target.id}/export?format=json`, {
        headers: { authorization: `Bearer ${target.tokens.facilitator}` },
      })
    ).text()
    const res = await post(`/api/boards/${target.id}/import?mode=merge`, own, target.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      elements: 3,
      links: 2,
      comments: 1,
      renamed: 6,
      removedIdentityNumbers: 0,
    })
    await eventually(() => expect(readBoard(watcher.doc).elements).toHaveLength(6))
    const after = readBoard(watcher.doc)
    expect(after.invalid).toEqual([])
    expect(after.links).toHaveLength(4)
    expect(after.comments).toHaveLength(2)
    // Meetings and people are not doubled.
    expect(after.meetings).toEqual(before.meetings)
    expect(after.people).toEqual(before.people)
    // The added elements sit to the right of the board's content, labels as they were.
    const added = after.elements.filter((e) => !before.elements.some((b) => b.id === e.id))
    const right = Math.max(...before.elements.map((e) => e.x + e.w))
    expect(added.every((e) => e.x > right)).toBe(true)
    expect(added.map((e) => e.label).sort()).toEqual(before.elements.map((e) => e.label).sort())
    // Links of the merged part join merged elements.
    const addedIds = new Set(added.map((e) => e.id))
    const addedLinks = after.links.filter((l) => !before.links.some((b) => b.id === l.id))
    expect(addedLinks.every((l) => addedIds.has(l.from) && addedIds.has(l.to))).toBe(true)
    destroyAll(watcher)
  })

  it('[H8] is for the facilitator (or a delegate); a bad file changes nothing', async () => {
    const target = await server.createBoard('Skyddad')
    expect(
      (await post(`/api/boards/${target.id}/import?mode=merge`, file, target.tokens.participant)).status,
    ).toBe(403)
    expect((await post(`/api/boards/${target.id}/import?mode=merge`, file)).status).toBe(401)
    expect(
      (await post(`/api/boards/${target.id}/import?mode=replace`, file, target.tokens.facilitator)).status,
    ).toBe(400)
    const bad = await post(`/api/boards/${target.id}/import?mode=merge`, '{}', target.tokens.facilitator)
    expect(bad.status).toBe(400)
    expect(readBoard(await storedDoc(server, target.id)).elements).toEqual([])
    const ok = await post(`/api/boards/${target.id}/import?mode=merge`, file, target.tokens.facilitator)
    expect(ok.status).toBe(200)
    expect(readBoard(await storedDoc(server, target.id)).elements).toHaveLength(3)
  })
})
