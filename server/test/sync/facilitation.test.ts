/**
 * Facilitation enforced by the server, with real clients (server/SPEC.md F1-F6): the control document,
 * private drafts, the lock, handover, and the reveals only the server can do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DocName,
  addDraftNote,
  castVote,
  isValidId,
  openVoting,
  readBoard,
  readControl,
  readVoteRecords,
  requestBrainstormReveal,
  requestVoteReveal,
  setDelegates,
  setLocked,
  startBrainstorm,
  upsertPerson,
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

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Facilitation')
})
afterAll(async () => {
  await server.close(true)
})

/** A personal token for the board, as a browser gets it. */
async function identity(token: string): Promise<{ personId: string; token: string }> {
  const res = await fetch(`${server.http}/api/boards/${board.id}/identity`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { personId: string; token: string }
}

const stored = async (room: string): Promise<Y.Doc> => {
  await server.app.circleboard.sync.rooms.get(room)?.settle()
  const s = await server.app.circleboard.store.load(room)
  const doc = new Y.Doc()
  for (const u of s.state ? [s.state, ...s.updates] : s.updates) Y.applyUpdate(doc, u)
  return doc
}

describe('identity', () => {
  it('[F1] gives each browser its own pseudonymous person id with the role of its link', async () => {
    const a = await identity(board.tokens.participant)
    const b = await identity(board.tokens.participant)
    expect(a.personId).not.toBe(b.personId)
    // 16 base-62 characters: a model id, which a `people` entry needs.
    expect(a.personId).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(isValidId(a.personId)).toBe(true)
    // Asking again with a personal token keeps the same person.
    expect((await identity(a.token)).personId).toBe(a.personId)
    const v = await fetch(`${server.http}/api/boards/${board.id}/identity`, { method: 'POST' })
    expect(v.status).toBe(401)
  })

  it('[F1] every person id is one the board accepts for its people, and an old token with another gets a new one', async () => {
    // Base64url ids began with '-' or '_' once in 32: 200 of them would all have been valid 0.2 % of the time.
    const ids = await Promise.all(Array.from({ length: 200 }, () => identity(board.tokens.participant)))
    for (const { personId } of ids) expect(isValidId(personId), personId).toBe(true)
    const writer = new Y.Doc()
    for (const { personId } of ids.slice(0, 20)) {
      upsertPerson(writer, { id: personId, name: 'Anna' }, { personId, meeting: null, origin: 'import' })
    }
    expect(writer.getMap('people').size).toBe(20)

    // A personal token issued before, whose id the model refuses: the person gets a valid id now.
    const check = server.app.circleboard.signer.verify(board.tokens.participant)
    if (!check.ok) throw new Error(`the link token: ${check.reason}`)
    const claims = check.claims
    const old = server.app.circleboard.signer.sign({ ...claims, personId: '-OsJkJp8b2DbwqPU' })
    const renewed = await identity(old)
    expect(isValidId(renewed.personId)).toBe(true)
    const valid = server.app.circleboard.signer.sign({ ...claims, personId: 'OsJkJp8b2DbwqPU1' })
    expect((await identity(valid)).personId).toBe('OsJkJp8b2DbwqPU1')
  })
})

describe('the lock', () => {
  it('[F2] a locked board refuses participant updates and accepts them again when unlocked', async () => {
    const facilitator = connect(server, `${board.id}/control`, board.tokens.facilitator)
    const participant = connect(server, board.id, board.tokens.participant)
    const watcher = connect(server, board.id, board.tokens.facilitator)
    await Promise.all([synced(facilitator), synced(participant), synced(watcher)])
    setLocked(facilitator.doc, true, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(board.id)?.state.locked).toBe(true),
    )
    const denied: string[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => denied.push(args.join(' '))
    try {
      participant.doc.getMap('elements').set('while-locked', 1)
      await eventually(() => expect(denied.join('\n')).toMatch(/locked/))
    } finally {
      console.warn = warn
    }
    // The facilitator can still change the board while it is locked.
    watcher.doc.getMap('elements').set('facilitator-while-locked', 1)
    await eventually(() => expect(participant.doc.getMap('elements').get('facilitator-while-locked')).toBe(1))
    expect(watcher.doc.getMap('elements').get('while-locked')).toBeUndefined()
    expect((await stored(board.id)).getMap('elements').get('while-locked')).toBeUndefined()
    setLocked(facilitator.doc, false, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(board.id)?.state.locked).toBe(false),
    )
    // A participant that dropped its refused change (our client reloads from the server) edits again.
    destroyAll(participant)
    const again = connect(server, board.id, board.tokens.participant)
    await synced(again)
    again.doc.getMap('elements').set('after-unlock', 2)
    await eventually(() => expect(watcher.doc.getMap('elements').get('after-unlock')).toBe(2))
    expect((await stored(board.id)).getMap('elements').get('while-locked')).toBeUndefined()
    destroyAll(facilitator, again, watcher)
  })
})

describe('handover', () => {
  it('[F3] handing facilitation over lets that participant steer, taking it back stops them', async () => {
    const me = await identity(board.tokens.participant)
    const facilitator = connect(server, `${board.id}/control`, board.tokens.facilitator)
    const participant = connect(server, `${board.id}/control`, me.token)
    await Promise.all([synced(facilitator), synced(participant)])
    setDelegates(facilitator.doc, [me.personId], 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(board.id)?.state.delegates).toEqual([me.personId]),
    )
    // Now the same open connection may write the control document, and it reaches the facilitator.
    participant.doc.getMap('timer').set('sound', false)
    await eventually(() => expect(facilitator.doc.getMap('timer').get('sound')).toBe(false))
    // A delegate may also edit a locked board.
    const delegateOnBoard = connect(server, board.id, me.token)
    await synced(delegateOnBoard)
    setLocked(facilitator.doc, true, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(board.id)?.state.locked).toBe(true),
    )
    delegateOnBoard.doc.getMap('elements').set('delegate-edit', 1)
    await eventually(async () =>
      expect((await stored(board.id)).getMap('elements').get('delegate-edit')).toBe(1),
    )
    // Taken back.
    setDelegates(facilitator.doc, [], 'test')
    setLocked(facilitator.doc, false, 'test')
    await eventually(() =>
      expect(server.app.circleboard.sync.sessions.get(board.id)?.state.delegates).toEqual([]),
    )
    const denied: string[] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => denied.push(args.join(' '))
    try {
      participant.doc.getMap('timer').set('sound', true)
      await eventually(() => expect(denied.join('\n')).toMatch(/only the facilitator/))
    } finally {
      console.warn = warn
    }
    expect(facilitator.doc.getMap('timer').get('sound')).toBe(false)
    expect((await stored(`${board.id}/control`)).getMap('timer').get('sound')).toBe(false)
    destroyAll(facilitator, participant, delegateOnBoard)
  })
})

describe('reveals', () => {
  it('[F4] votes stay hidden in private drafts until the facilitator reveals; the count lands in control and the record', async () => {
    const facilitator = connect(server, `${board.id}/control`, board.tokens.facilitator)
    const boardConn = connect(server, board.id, board.tokens.facilitator)
    await Promise.all([synced(facilitator), synced(boardConn)])
    const els = boardConn.doc.getMap(DocName.elements)
    await eventually(() => expect(els.size).toBeGreaterThan(0))
    // Two value outcomes to vote on (written through the model so they validate).
    const { addElement } = await import('@circleboard/shared')
    const ctx = { personId: null, meeting: null }
    const v1 = addElement(boardConn.doc, { type: 'value', x: 0, y: 0, label: 'Egen försörjning' }, ctx)
    const v2 = addElement(boardConn.doc, { type: 'value', x: 300, y: 0, label: 'Bättre hälsa' }, ctx)
    const actor = addElement(boardConn.doc, { type: 'actor', x: 0, y: 300, label: 'Kommunen' }, ctx)
    await eventually(async () =>
      expect((await stored(board.id)).getMap(DocName.elements).has(actor)).toBe(true),
    )

    const round = openVoting(
      facilitator.doc,
      { title: 'Viktigast?', scope: 'value', votesPerPerson: 2 },
      Date.now(),
      'test',
    )
    const voters = await Promise.all([identity(board.tokens.participant), identity(board.tokens.participant)])
    const drafts = voters.map((v) => connect(server, `${board.id}/drafts/${v.personId}`, v.token))
    await Promise.all(drafts.map((d) => synced(d)))
    castVote(drafts[0]!.doc, round, v1, 1, 2, 'test')
    castVote(drafts[0]!.doc, round, v1, 1, 2, 'test')
    castVote(drafts[1]!.doc, round, v2, 1, 2, 'test')
    castVote(drafts[1]!.doc, round, actor, 1, 2, 'test') // not a value outcome: not counted
    await eventually(async () =>
      expect((await stored(`${board.id}/drafts/${voters[1]!.personId}`)).getMap('votes').size).toBe(1),
    )
    expect(readControl(facilitator.doc).voting?.results).toBeNull()

    requestVoteReveal(facilitator.doc, 'test')
    await eventually(() =>
      expect(readControl(facilitator.doc).voting).toMatchObject({ status: 'revealed', voters: 2 }),
    )
    expect(readControl(facilitator.doc).voting?.results).toEqual({ [v1]: 2, [v2]: 1 })
    await eventually(() => expect(readVoteRecords(boardConn.doc)).toHaveLength(1))
    expect(readVoteRecords(boardConn.doc)[0]).toMatchObject({
      id: round,
      title: 'Viktigast?',
      results: { [v1]: 2, [v2]: 1 },
    })
    destroyAll(facilitator, boardConn, ...drafts)
  })

  it('[F5] a silent brainstorm: notes appear to others only at the reveal, anonymous when asked, exactly once', async () => {
    const facilitator = connect(server, `${board.id}/control`, board.tokens.facilitator)
    const observer = connect(server, board.id, board.tokens.viewer)
    await Promise.all([synced(facilitator), synced(observer)])
    const bs = startBrainstorm(facilitator.doc, true, Date.now(), 'test')
    const writers = await Promise.all([
      identity(board.tokens.participant),
      identity(board.tokens.participant),
    ])
    const drafts = writers.map((w) => connect(server, `${board.id}/drafts/${w.personId}`, w.token))
    await Promise.all(drafts.map((d) => synced(d)))
    addDraftNote(
      drafts[0]!.doc,
      { label: 'Gemensam utbildning', x: 10, y: 10, brainstorm: bs, createdAt: 1 },
      'test',
    )
    addDraftNote(
      drafts[1]!.doc,
      { label: 'Delad budget', x: 400, y: 10, brainstorm: bs, createdAt: 2 },
      'test',
    )
    // The second writer leaves before the reveal: their drafts are read from the store.
    await eventually(async () =>
      expect((await stored(`${board.id}/drafts/${writers[1]!.personId}`)).getMap('notes').size).toBe(1),
    )
    destroyAll(drafts[1]!)
    const notesOnBoard = () =>
      readBoard(observer.doc)
        .elements.filter((e) => e.type === 'note')
        .map((e) => e.label)
    await new Promise((r) => setTimeout(r, 100))
    expect(notesOnBoard()).not.toContain('Gemensam utbildning')

    requestBrainstormReveal(facilitator.doc, true, 'test')
    await eventually(() =>
      expect(notesOnBoard()).toEqual(expect.arrayContaining(['Gemensam utbildning', 'Delad budget'])),
    )
    const revealed = readBoard(observer.doc).elements.filter((e) => e.label === 'Gemensam utbildning')
    expect(revealed).toHaveLength(1)
    expect(revealed[0]!.createdBy).toBeNull()
    await eventually(() =>
      expect(readControl(facilitator.doc).session.brainstorm).toMatchObject({
        status: 'revealed',
        revealedCount: 2,
      }),
    )
    // The drafts are emptied, also the one nobody had open.
    await eventually(() => expect(drafts[0]!.doc.getMap('notes').size).toBe(0))
    expect((await stored(`${board.id}/drafts/${writers[1]!.personId}`)).getMap('notes').size).toBe(0)
    destroyAll(facilitator, observer, drafts[0]!)
  })

  it('[F6] a reveal requested while nobody listened is carried out when the board is next opened', async () => {
    const other = await server.createBoard('Pending reveal')
    const w = await (async () => {
      const res = await fetch(`${server.http}/api/boards/${other.id}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.tokens.participant}` },
      })
      return (await res.json()) as { personId: string; token: string }
    })()
    const control = connect(server, `${other.id}/control`, other.tokens.facilitator)
    const drafts = connect(server, `${other.id}/drafts/${w.personId}`, w.token)
    await Promise.all([synced(control), synced(drafts)])
    const bs = startBrainstorm(control.doc, false, Date.now(), 'test')
    addDraftNote(drafts.doc, { label: 'Idé', x: 0, y: 0, brainstorm: bs, createdAt: 1 }, 'test')
    await eventually(async () =>
      expect(
        (await server.app.circleboard.store.load(`${other.id}/drafts/${w.personId}`)).updates.length,
      ).toBeGreaterThan(0),
    )
    requestBrainstormReveal(control.doc, false, 'test')
    await eventually(() => expect(readControl(control.doc).session.brainstorm?.status).toBe('revealed'))
    const viewer = connect(server, other.id, other.tokens.viewer)
    await synced(viewer)
    await eventually(() =>
      expect(readBoard(viewer.doc).elements.map((e) => [e.label, e.createdBy])).toEqual([
        ['Idé', w.personId],
      ]),
    )
    destroyAll(control, drafts, viewer)
  })
})
