/**
 * Who gets what: tokens, roles, documents of a board (server/SPEC.md S3, S4, S12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, writeSyncStep1, writeUpdate, type Role } from '@circleboard/shared'
import { TokenSigner } from '../../src/index.js'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { RawClient } from '../rawClient.js'

let server: TestServer
let board: TestBoard
let other: TestBoard
let signer: TokenSigner

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Access')
  other = await server.createBoard('Another circle')
  signer = new TokenSigner(server.config.secret as string)
})
afterAll(async () => {
  await server.close(true)
})

/** Connects raw, sends a step 1, and returns how the server closed the socket and what it sent first. */
async function refused(
  room: string,
  token: string | null,
): Promise<{ code: number; reason: string; frames: number }> {
  const raw = RawClient.connect(server.ws, room, token)
  raw.ws.once('open', () => raw.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc()))))
  const closed = await raw.closed
  return { ...closed, frames: raw.received.length }
}

const sign = (boardId: string, role: Role, expiresAt = 0, personId: string | null = null): string =>
  signer.sign({ boardId, role, expiresAt, personId })

describe('[S3] no token, no bytes', () => {
  it.each([
    ['missing', null, CloseCode.Unauthorized],
    ['garbage', 'not-a-token', CloseCode.Unauthorized],
    ['damaged', 'AAAA' + 'x'.repeat(40), CloseCode.Unauthorized],
  ])('a %s token is closed with 4401 before any byte of the board', async (_what, token, code) => {
    const r = await refused(board.id, token)
    expect(r.code).toBe(code)
    expect(r.frames).toBe(0)
    expect(r.reason.length).toBeGreaterThan(0)
  })

  it('a forged token (signed with another secret) gets 4401', async () => {
    const forged = new TokenSigner('another-secret-another-secret-another-secret').sign({
      boardId: board.id,
      role: 'facilitator',
      expiresAt: 0,
      personId: null,
    })
    const r = await refused(board.id, forged)
    expect(r).toMatchObject({ code: CloseCode.Unauthorized, frames: 0 })
  })

  it('an expired token gets 4401 with a reason that says so', async () => {
    const r = await refused(board.id, sign(board.id, 'participant', Math.floor(Date.now() / 1000) - 10))
    expect(r).toMatchObject({ code: CloseCode.Unauthorized, frames: 0 })
    expect(r.reason).toMatch(/expired/)
  })

  it("another board's token gets 4403", async () => {
    const r = await refused(board.id, other.tokens.facilitator)
    expect(r).toMatchObject({ code: CloseCode.Forbidden, frames: 0 })
  })

  it("someone else's drafts get 4403; one's own drafts open", async () => {
    const mine = sign(board.id, 'participant', 0, 'person-a')
    const r = await refused(`${board.id}/drafts/person-b`, mine)
    expect(r).toMatchObject({ code: CloseCode.Forbidden, frames: 0 })
    const own = connect(server, `${board.id}/drafts/person-a`, mine)
    await synced(own)
    own.doc.getMap('drafts').set('n1', 'secret idea')
    destroyAll(own)
  })

  it('a board that does not exist gets 4404, a malformed room name too', async () => {
    expect(await refused('zzzzzzzzzzzz', sign('zzzzzzzzzzzz', 'facilitator'))).toMatchObject({
      code: CloseCode.NotFound,
      frames: 0,
    })
    expect(await refused('..%2F..%2Fetc', board.tokens.facilitator)).toMatchObject({
      code: CloseCode.NotFound,
    })
    expect(await refused(`${board.id}/unknown`, board.tokens.facilitator)).toMatchObject({
      code: CloseCode.NotFound,
    })
  })

  it('the stock client stops retrying on a 44xx refusal and reports it', async () => {
    const p = connect(server, board.id, 'bad-token')
    const closed = await new Promise<{ code: number }>((resolve) => p.on('closed', (e) => resolve(e)))
    expect(closed.code).toBe(CloseCode.Unauthorized)
    expect(p.shouldConnect).toBe(false)
    destroyAll(p)
  })
})

describe('[S4] viewers read and never write', () => {
  it('a viewer receives everything, its updates go nowhere, and it is told', async () => {
    const editor = connect(server, board.id, board.tokens.participant)
    const viewer = connect(server, board.id, board.tokens.viewer)
    await Promise.all([synced(editor), synced(viewer)])
    editor.doc.getMap('elements').set('from-editor', 1)
    await eventually(() => expect(viewer.doc.getMap('elements').get('from-editor')).toBe(1))

    const warnings: string[] = []
    const originalWarn = console.warn
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '))
    try {
      viewer.doc.getMap('elements').set('from-viewer', 'should not spread')
      await eventually(() => expect(warnings.join('\n')).toMatch(/Permission denied[\s\S]*view-only/))
    } finally {
      console.warn = originalWarn
    }
    // Not forwarded to the editor, not applied on the server: a fresh client does not see it.
    editor.doc.getMap('elements').set('after', 2)
    await eventually(() => expect(viewer.doc.getMap('elements').get('after')).toBe(2))
    expect(editor.doc.getMap('elements').get('from-viewer')).toBeUndefined()
    const fresh = connect(server, board.id, board.tokens.facilitator)
    await synced(fresh)
    expect(fresh.doc.getMap('elements').get('after')).toBe(2)
    expect(fresh.doc.getMap('elements').get('from-viewer')).toBeUndefined()
    // Not stored: the log has no update that carries the viewer's key.
    await server.app.circleboard.sync.rooms.get(board.id)?.settle()
    const stored = await server.app.circleboard.store.load(board.id)
    const replay = new Y.Doc()
    for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates)
      Y.applyUpdate(replay, u)
    expect(replay.getMap('elements').get('from-viewer')).toBeUndefined()
    expect(replay.getMap('elements').get('after')).toBe(2)
    destroyAll(editor, viewer, fresh)
  })

  it('a participant may not write the control document; a facilitator may', async () => {
    const room = `${board.id}/control`
    const participant = RawClient.connect(server.ws, room, board.tokens.participant)
    await participant.opened
    const doc = new Y.Doc()
    let update: Uint8Array | null = null
    doc.on('update', (u: Uint8Array) => (update = u))
    doc.getMap('timer').set('running', true)
    participant.send(writeUpdate(update!))
    await eventually(() => expect(participant.ofType(2).length).toBe(1))
    const facilitator = connect(server, room, board.tokens.facilitator)
    await synced(facilitator)
    expect(facilitator.doc.getMap('timer').get('running')).toBeUndefined()
    facilitator.doc.getMap('timer').set('running', false)
    const reader = connect(server, room, board.tokens.viewer)
    await synced(reader)
    await eventually(() => expect(reader.doc.getMap('timer').get('running')).toBe(false))
    participant.close()
    destroyAll(facilitator, reader)
  })
})

describe('[S12] origins', () => {
  it('a websocket from a foreign origin gets HTTP 403 before the upgrade', async () => {
    const raw = RawClient.connect(server.ws, board.id, board.tokens.participant, {
      origin: 'https://evil.example',
    })
    await expect(raw.opened).rejects.toThrow(/403/)
  })

  it("the server's own origin and non-browser clients pass", async () => {
    const own = RawClient.connect(server.ws, board.id, board.tokens.participant, { origin: server.http })
    await own.opened
    own.close()
  })
})
