/**
 * Snapshots of boards (server/SPEC.md H1-H4): the frozen state of a board document at a moment, stored by
 * the DocStore as a Yjs state update with a label, time, meeting and author. Taken by hand (REST) or by
 * the server when a meeting ends. The state is the live room's document after everything queued is
 * stored (`settle`), so a snapshot holds exactly what every client has seen; a board nobody has open is
 * loaded for the moment (`hold`), migrated like any room.
 */
import { createHash, randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import {
  DocName,
  readMeeting,
  readPerson,
  runningMeeting,
  type CurrentMeeting,
  type MeetingData,
  type TokenClaims,
} from '@circleboard/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { DocStore, SnapshotMeta } from '../storage/DocStore.js'
import type { RoomManager } from '../sync/RoomManager.js'
import type { Room } from '../sync/Room.js'
import { AuditEvent, type AuditLog } from '../audit/AuditLog.js'

/** What snapshot ids look like (ours are 12 URL-safe characters; automatic ones start with `end-`). */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** Start of the ids of automatic snapshots (H4); a random id never starts so. */
export const END_OF_MEETING_PREFIX = 'end-'

/** A new random snapshot id: 12 URL-safe characters (72 bits). */
export function newSnapshotId(): string {
  for (;;) {
    const id = randomBytes(9).toString('base64url')
    if (!id.startsWith(END_OF_MEETING_PREFIX)) return id
  }
}

/**
 * [H4] The id of a meeting's automatic snapshot: derived from the meeting, so a meeting gets one however
 * often its end is seen (twice by one server, again after a restart, by two servers).
 */
export function endOfMeetingSnapshotId(boardId: string, meetingId: string): string {
  const digest = createHash('sha256').update(`${boardId}\u0000${meetingId}`).digest('base64url')
  return `${END_OF_MEETING_PREFIX}${digest.slice(0, 16)}`
}

/** The label of a meeting's automatic snapshot, in the board's language. */
export function endOfMeetingLabel(lang: 'en' | 'sv', number: number, title: string): string {
  const head = lang === 'sv' ? `Slut på möte ${number}` : `End of meeting ${number}`
  const label = title.trim() === '' ? head : `${head}: ${title.trim()}`
  return label.length > 200 ? `${label.slice(0, 199)}…` : label
}

/** A snapshot as the REST API shows it. */
export interface SnapshotJson {
  readonly id: string
  readonly label: string
  /** ISO 8601. */
  readonly createdAt: string
  readonly meeting: number | null
  readonly author: string | null
  /** Bytes of the stored Yjs state. */
  readonly size: number
  /** Taken by the server when a meeting ended (H3), not by a person. */
  readonly automatic: boolean
}

/** The REST shape of a snapshot's metadata. */
export function snapshotJson(meta: SnapshotMeta): SnapshotJson {
  return {
    id: meta.id,
    label: meta.label,
    createdAt: new Date(meta.createdAt).toISOString(),
    meeting: meta.meeting,
    author: meta.author,
    size: meta.size,
    automatic: meta.id.startsWith(END_OF_MEETING_PREFIX),
  }
}

/** What a snapshot is taken with. */
export interface TakeOptions {
  readonly label: string
  /** Who asked; `null` for the server itself. */
  readonly by: TokenClaims | null
  /** The meeting it belongs to; by default the one running on the board. */
  readonly meeting?: number | null
  readonly id?: string
  readonly automatic?: boolean
}

/** Takes and reads snapshots. */
export class Snapshots {
  constructor(
    private readonly store: DocStore,
    private readonly rooms: RoomManager,
    private readonly audit: AuditLog,
    private readonly log: FastifyBaseLogger,
    /** How long the automatic snapshot waits for the board's meeting record to say the meeting ended. */
    private readonly endGraceMs = 3000,
  ) {}

  /** [H1] Takes a snapshot of the board as every client has it now. */
  async take(boardId: string, options: TakeOptions): Promise<SnapshotMeta> {
    const room = await this.rooms.hold(boardId)
    try {
      return await this.takeFrom(room, boardId, options)
    } finally {
      this.rooms.unhold(room)
    }
  }

  /**
   * [H3] The automatic snapshot at the end of a meeting. Waits a moment for the board document's meeting
   * record to get its `endedAt` (the facilitator's client writes the control document and the board
   * document separately, in either order), then takes "End of meeting N: title" once per meeting [H4].
   */
  async endOfMeeting(boardId: string, meeting: CurrentMeeting, by: TokenClaims | null): Promise<void> {
    const id = endOfMeetingSnapshotId(boardId, meeting.id)
    if (await this.store.getSnapshot(boardId, id)) return
    const board = await this.store.getBoard(boardId)
    if (!board) return
    const room = await this.rooms.hold(boardId)
    try {
      await this.untilEnded(room, meeting.id)
      if (room.state !== 'ready') return
      const record = meetingRecord(room.doc, meeting.id)
      const label = endOfMeetingLabel(board.settings.language ?? 'en', meeting.number, record?.title ?? '')
      await this.takeFrom(room, boardId, { label, by, meeting: meeting.number, id, automatic: true })
      this.log.info({ board: boardId, meeting: meeting.number }, 'snapshot taken at the end of a meeting')
    } catch (err) {
      // Another server (or an earlier run) took it first: the primary key says so.
      if (await this.store.getSnapshot(boardId, id).catch(() => null)) return
      throw err
    } finally {
      this.rooms.unhold(room)
    }
  }

  private async takeFrom(room: Room, boardId: string, options: TakeOptions): Promise<SnapshotMeta> {
    await room.settle()
    if (room.state !== 'ready') throw new Error('the board closed while the snapshot was taken')
    const state = Y.encodeStateAsUpdate(room.doc)
    const meta: SnapshotMeta = {
      id: options.id ?? newSnapshotId(),
      boardId,
      label: options.label,
      createdAt: Date.now(),
      meeting: options.meeting !== undefined ? options.meeting : runningMeetingNumber(room.doc),
      author: authorOf(room.doc, options.by),
      size: state.length,
    }
    await this.store.putSnapshot(meta, state)
    this.audit.record(boardId, AuditEvent.snapshot, options.by, {
      snapshot: meta.id,
      automatic: options.automatic === true,
    })
    return meta
  }

  private untilEnded(room: Room, meetingId: string): Promise<void> {
    const ended = (): boolean => {
      if (room.state !== 'ready') return true
      const value = room.doc.getMap<unknown>(DocName.meetings).get(meetingId)
      // No record of it on the board (a client that keeps meetings only in the control document): no wait.
      return !(value instanceof Y.Map) || value.get('endedAt') != null
    }
    if (ended()) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        room.doc.off('update', onUpdate)
        resolve()
      }
      const onUpdate = (): void => {
        if (ended()) done()
      }
      const timer = setTimeout(done, this.endGraceMs)
      room.doc.on('update', onUpdate)
    })
  }
}

/** The meeting record of `id` in a board document, if valid. */
function meetingRecord(doc: Y.Doc, id: string): MeetingData | null {
  const value = doc.getMap<unknown>(DocName.meetings).get(id)
  if (value === undefined) return null
  const read = readMeeting(id, value)
  return read.ok ? read.value : null
}

/** Number of the meeting running on the board (started, not ended), if any. */
function runningMeetingNumber(doc: Y.Doc): number | null {
  const meetings: MeetingData[] = []
  doc.getMap<unknown>(DocName.meetings).forEach((value, id) => {
    const read = readMeeting(id, value)
    if (read.ok) meetings.push(read.value)
  })
  return runningMeeting(meetings)?.number ?? null
}

/** The display name of the person asking if the board knows them, else their role (never a token). */
function authorOf(doc: Y.Doc, by: TokenClaims | null): string | null {
  if (by === null) return null
  if (by.personId !== null) {
    const value = doc.getMap<unknown>(DocName.people).get(by.personId)
    if (value !== undefined) {
      const person = readPerson(by.personId, value)
      if (person.ok) return person.value.name
    }
  }
  return by.role
}
