/**
 * The personal-data guard over real sockets (server/SPEC.md P1-P3): a Swedish personal identity number
 * typed character by character with the stock y-websocket client is removed with its last keystroke; it
 * is never stored, never reaches another client, the sender is told and its own copy loses it too; the
 * board's owner can turn the check off, and turning it on again removes what is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import {
  DocName,
  addCommentThread,
  addDraftNote,
  addElement,
  addMeeting,
  hasVerifiedIdentityNumber,
  readBoard,
  readDraftNotes,
  updateMeeting,
  writeSyncStep1,
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
import { storedBytes } from '../boards.js'
import { RawClient } from '../rawClient.js'

/** Skatteverket's test personnummer: the check digit is right. */
const NUMBER = '19121212-1212'
const DIGITS = ['19121212', '1212-1212', '12121212']
const MARKER = '[personnummer borttaget]'
const ctx = { personId: null, meeting: null }

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Personuppgifter')
})
afterAll(async () => {
  await server.close(true)
})

/** Collects what the stock client warns (it logs permission-denied messages with console.warn). */
function warnings(): { texts: string[]; restore: () => void } {
  const texts: string[] = []
  const warn = console.warn
  console.warn = (...args: unknown[]) => texts.push(args.join(' '))
  return { texts, restore: () => (console.warn = warn) }
}

const label = (p: WebsocketProvider, id: string): Y.Text =>
  (p.doc.getMap<Y.Map<unknown>>(DocName.elements).get(id) as Y.Map<unknown>).get('label') as Y.Text

/** Fails the test if `doc` ever holds the number (checked after every update it receives). */
function neverHolds(doc: Y.Doc): { seen: string[] } {
  const seen: string[] = []
  doc.on('update', () => {
    const text = JSON.stringify(doc.toJSON())
    if (DIGITS.some((d) => text.includes(d))) seen.push(text)
  })
  return { seen }
}

const holdsDigits = (bytes: Buffer): boolean => DIGITS.some((d) => bytes.includes(Buffer.from(d)))

describe('the identity-number guard', () => {
  it('[P1] typed one character at a time: removed with the last keystroke, never stored or forwarded', async () => {
    expect(hasVerifiedIdentityNumber(NUMBER)).toBe(true)
    const sender = connect(server, board.id, board.tokens.participant)
    const other = connect(server, board.id, board.tokens.viewer)
    const raw = RawClient.connect(server.ws, board.id, board.tokens.viewer)
    await Promise.all([synced(sender), synced(other), raw.opened])
    raw.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    const watched = neverHolds(other.doc)
    const id = addElement(sender.doc, { type: 'note', x: 0, y: 0, label: '' }, ctx)
    const w = warnings()
    try {
      for (const ch of `Ring ${NUMBER}`) label(sender, id).insert(label(sender, id).length, ch)
      await eventually(() => expect(label(sender, id).toString()).toBe(`Ring ${MARKER}`))
      await eventually(() => expect(w.texts.join('\n')).toMatch(/personal identity number.*removed/))
    } finally {
      w.restore()
    }
    for (const ch of ' imorgon') label(sender, id).insert(label(sender, id).length, ch)
    await eventually(() => expect(label(other, id).toString()).toBe(`Ring ${MARKER} imorgon`))
    expect(label(sender, id).toString()).toBe(`Ring ${MARKER} imorgon`)
    // Nothing that reached another client ever held the number, and no frame carried it.
    expect(watched.seen).toEqual([])
    expect(raw.received.some((f) => holdsDigits(Buffer.from(f.data)))).toBe(false)
    // Nothing stored holds it; once compacted, not even the single keystrokes are left.
    expect(holdsDigits(await storedBytes(server, board.id))).toBe(false)
    await eventually(async () => {
      const stored = await server.app.circleboard.store.load(board.id)
      expect(stored.state).not.toBeNull()
      expect(Buffer.from(stored.state as Uint8Array).includes(Buffer.from('1912'))).toBe(false)
    })
    const entries = await eventually(async () => {
      await server.app.circleboard.audit.settled()
      const list = await server.app.circleboard.store.listAudit(board.id, 50)
      expect(list.map((e) => e.event)).toContain('identity-number-removed')
      return list
    })
    expect(JSON.stringify(entries)).not.toContain('1212')
    raw.close()
    destroyAll(sender, other)
  })

  it('[P1] pasted whole, in a new element, a meeting title and a comment: nothing stored holds it', async () => {
    const b = await server.createBoard('Klistrat')
    const sender = connect(server, b.id, b.tokens.facilitator)
    const other = connect(server, b.id, b.tokens.viewer)
    await Promise.all([synced(sender), synced(other)])
    const watched = neverHolds(other.doc)
    const w = warnings()
    try {
      const pasted = addElement(sender.doc, { type: 'note', x: 0, y: 0, label: `Klient ${NUMBER}` }, ctx)
      const meeting = addMeeting(sender.doc, { title: 'Möte' }, ctx)
      updateMeeting(sender.doc, meeting.id, { title: `Om 121212-1212`, agenda: [`Punkt ${NUMBER}`] }, ctx)
      const kept = addElement(sender.doc, { type: 'note', x: 0, y: 0, label: 'Ärende 550101-1235' }, ctx)
      addCommentThread(sender.doc, kept, `Hennes nummer är ${NUMBER}`, ctx)
      await eventually(() => {
        const read = readBoard(other.doc)
        expect(read.elements.find((e) => e.id === pasted)?.label).toBe(`Klient ${MARKER}`)
        expect(read.meetings[0]).toMatchObject({ title: `Om ${MARKER}`, agenda: [`Punkt ${MARKER}`] })
        expect(read.comments?.[0]?.messages[0]?.text).toBe(`Hennes nummer är ${MARKER}`)
        // A wrong check digit is not an identity number: kept.
        expect(hasVerifiedIdentityNumber('550101-1235')).toBe(false)
        expect(read.elements.find((e) => e.id === kept)?.label).toBe('Ärende 550101-1235')
      })
      expect(readBoard(sender.doc).elements.find((e) => e.id === pasted)?.label).toBe(`Klient ${MARKER}`)
    } finally {
      w.restore()
    }
    expect(watched.seen).toEqual([])
    expect(holdsDigits(await storedBytes(server, b.id))).toBe(false)
    destroyAll(sender, other)
  })

  it('[P1] private drafts are guarded too (their notes are revealed onto the board)', async () => {
    const me = (await (
      await fetch(`${server.http}/api/boards/${board.id}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${board.tokens.participant}` },
      })
    ).json()) as { personId: string; token: string }
    const drafts = connect(server, `${board.id}/drafts/${me.personId}`, me.token)
    await synced(drafts)
    const w = warnings()
    try {
      addDraftNote(
        drafts.doc,
        { label: `Ring ${NUMBER}`, x: 0, y: 0, brainstorm: 'b1', createdAt: 1 },
        'test',
      )
      await eventually(() => expect(readDraftNotes(drafts.doc, 'b1')[0]?.label).toBe(`Ring ${MARKER}`))
    } finally {
      w.restore()
    }
    expect(holdsDigits(await storedBytes(server, `${board.id}/drafts/${me.personId}`))).toBe(false)
    destroyAll(drafts)
  })

  it('[P3] the owner can turn the check off; turning it on again removes what is there', async () => {
    const b = await server.createBoard('Avstängd')
    const settings = (body: unknown, token = b.tokens.facilitator) =>
      fetch(`${server.http}/api/boards/${b.id}/settings`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await settings({ identityNumberCheck: false }, b.tokens.participant)).status).toBe(403)
    const off = await settings({ identityNumberCheck: false })
    expect(off.status).toBe(200)
    expect(await off.json()).toMatchObject({ identityNumberCheck: false })
    const info = await fetch(`${server.http}/api/boards/${b.id}`, {
      headers: { authorization: `Bearer ${b.tokens.viewer}` },
    })
    expect(await info.json()).toMatchObject({ settings: { identityNumberCheck: false, expiresAt: null } })
    const sender = connect(server, b.id, b.tokens.participant)
    await synced(sender)
    const id = addElement(sender.doc, { type: 'note', x: 0, y: 0, label: `Kept ${NUMBER}` }, ctx)
    await eventually(async () => expect(holdsDigits(await storedBytes(server, b.id))).toBe(true))
    expect(label(sender, id).toString()).toBe(`Kept ${NUMBER}`)
    expect((await settings({ identityNumberCheck: true })).status).toBe(200)
    await eventually(() => expect(label(sender, id).toString()).toBe(`Kept ${MARKER}`))
    await eventually(async () => {
      const stored = await server.app.circleboard.store.load(b.id)
      expect(stored.updates).toHaveLength(0)
      expect(holdsDigits(await storedBytes(server, b.id))).toBe(false)
    })
    destroyAll(sender)
  })
})
