/**
 * The BoardSession of every board in use in this process. A connection to any document of a board
 * attaches to the board's session before it joins its room, so the control document is loaded before the
 * server has to decide on the connection's first update; the last connection to leave detaches, and the
 * control room is let go (it unloads when idle like any room).
 */
import * as Y from 'yjs'
import { EMPTY_CONTROL, readSession, type SessionState } from '@circleboard/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { DocStore } from '../storage/DocStore.js'
import type { RoomManager } from '../sync/RoomManager.js'
import { BoardSession, type MeetingEndedListener } from './BoardSession.js'

/** Owns the sessions of the boards in use. */
export class BoardSessions {
  private readonly sessions = new Map<string, BoardSession>()
  private readonly opening = new Map<string, Promise<BoardSession>>()

  constructor(
    private readonly rooms: RoomManager,
    private readonly store: DocStore,
    private readonly log: FastifyBaseLogger,
    private readonly onMeetingEnded: MeetingEndedListener = () => {},
  ) {}

  /** The session of a board in use, if any. */
  get(boardId: string): BoardSession | undefined {
    const s = this.sessions.get(boardId)
    return s?.alive ? s : undefined
  }

  /** Attaches one user (a connection) to the board's session, opening it if needed. */
  async attach(boardId: string): Promise<BoardSession> {
    const session = await this.open(boardId)
    session.users++
    return session
  }

  /** Detaches one user; the last one lets the control room go. */
  detach(boardId: string): void {
    const session = this.sessions.get(boardId)
    if (!session) return
    session.users--
    if (session.users > 0) return
    this.sessions.delete(boardId)
    // Let a pending reveal finish before the control room may unload.
    void session.settled().finally(() => {
      session.dispose()
      this.rooms.unhold(session.control)
    })
  }

  /**
   * The session state of a board, also when nobody has it open (read from the store): for REST checks
   * such as "is this participant a delegate?".
   */
  async peek(boardId: string): Promise<SessionState> {
    const live = this.get(boardId)
    if (live) return live.state
    const stored = await this.store.load(`${boardId}/control`)
    const doc = new Y.Doc()
    try {
      for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
      return readSession(doc)
    } catch {
      return EMPTY_CONTROL.session
    } finally {
      doc.destroy()
    }
  }

  /** Drops a board's session at once (the board is being deleted; its rooms are discarded next). */
  forget(boardId: string): void {
    const session = this.sessions.get(boardId)
    if (!session) return
    this.sessions.delete(boardId)
    session.dispose()
  }

  /** Waits for every session's pending actions (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.settled()))
  }

  private async open(boardId: string): Promise<BoardSession> {
    const existing = this.get(boardId)
    if (existing) return existing
    const pending = this.opening.get(boardId)
    if (pending) return pending
    const opening = (async () => {
      const stale = this.sessions.get(boardId)
      if (stale) {
        // Its control room failed and was dropped: start over with a fresh one.
        this.sessions.delete(boardId)
        stale.dispose()
      }
      const control = await this.rooms.hold(`${boardId}/control`)
      const session = new BoardSession(
        boardId,
        control,
        this.rooms,
        this.store,
        this.log,
        this.onMeetingEnded,
      )
      session.users = stale?.users ?? 0
      this.sessions.set(boardId, session)
      return session
    })()
    this.opening.set(boardId, opening)
    try {
      return await opening
    } finally {
      this.opening.delete(boardId)
    }
  }
}
