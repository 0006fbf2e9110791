/**
 * The server's side of facilitation for one board in use: it keeps the board's control document loaded
 * (so the server can decide, on every update, whether the board is locked and who facilitation was handed
 * to) and carries out what only the server can do, because only the server may read everyone's private
 * drafts: counting a voting round's hidden votes, and moving a silent brainstorm's notes onto the board.
 *
 * Facilitators ask by writing `reveal-requested` into the control document; the server answers by writing
 * the results (origin `server`). A request that was pending when the server stopped is carried out when
 * the board is next opened, and carrying one out twice changes nothing (revealed notes get ids derived
 * from their draft ids).
 *
 * Scale-out (server/SPEC.md X7): every process with the board open has its own copy of the control
 * document, kept current from the room's stream, so the lock and the delegates are judged the same way
 * everywhere. What the server WRITES in answer (reveals, the automatic snapshot at a meeting's end) is
 * done by one process only: the holder of the control room's lease. A process that wins the lease looks
 * for pending requests at once, so a request is carried out even when the holder died just before.
 */
import * as Y from 'yjs'
import {
  ControlName,
  DocName,
  EMPTY_CONTROL,
  addElement,
  clearDraftNotes,
  readBoard,
  readDraftNotes,
  readSession,
  readVotes,
  readVoting,
  recordVoteRound,
  tallyVotes,
  type BrainstormState,
  type CurrentMeeting,
  type SessionState,
  type TokenClaims,
  type VotingRound,
} from '@circleboard/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { DocStore } from '../storage/DocStore.js'
import type { Room } from '../sync/Room.js'
import type { RoomManager } from '../sync/RoomManager.js'

/** Id of the board element a revealed draft note becomes (the same every time: reveals are idempotent). */
export const revealedNoteId = (draftId: string): string => `bs-${draftId}`

/**
 * Told when the control document's running meeting ends (server/SPEC.md H3): `session.meeting` goes from
 * a meeting to null or to another meeting. `by` is whoever wrote that change, when it came from a client.
 */
export type MeetingEndedListener = (
  boardId: string,
  meeting: CurrentMeeting,
  by: TokenClaims | null,
) => Promise<void> | void

/** A person's drafts, live (loaded room) or read from the store. */
interface Drafts {
  readonly personId: string
  readonly doc: Y.Doc
  readonly room: Room | null
}

/** Facilitation state and actions of one board. */
export class BoardSession {
  /** Connections (to any document of the board) that use this session. */
  users = 0
  private session: SessionState = EMPTY_CONTROL.session
  private queue: Promise<void> = Promise.resolve()
  /** Stops listening for the control room's lease. */
  private readonly offLease: () => void
  private readonly onControlUpdate = (_update: Uint8Array, origin: unknown): void => {
    const before = this.session.meeting
    this.session = readSession(this.control.doc)
    const after = this.session.meeting
    if (before !== null && (after === null || after.id !== before.id) && this.control.leads()) {
      // A client's update arrives with its Connection as the origin (Room.receiveUpdate).
      const claims = (origin as { claims?: TokenClaims } | null)?.claims ?? null
      // Queued with the reveals, so shutdown and detach wait for it like for them.
      this.enqueue(() => this.onMeetingEnded(this.boardId, before, claims))
    }
    // Our own answers (origin `server`) need no answer.
    if (origin !== 'server') this.schedule()
  }

  constructor(
    readonly boardId: string,
    readonly control: Room,
    private readonly rooms: RoomManager,
    private readonly store: DocStore,
    private readonly log: FastifyBaseLogger,
    private readonly onMeetingEnded: MeetingEndedListener = () => {},
  ) {
    this.session = readSession(control.doc)
    control.doc.on('update', this.onControlUpdate)
    // [X7] A process that becomes the control room's lease holder carries out what is pending.
    this.offLease = control.onLease((held) => {
      if (held) this.schedule()
    })
    this.schedule()
  }

  /** The session state as the control document says now (kept current on every change). */
  get state(): SessionState {
    return this.session
  }

  /** True while the control room is loaded and usable. */
  get alive(): boolean {
    return this.control.state === 'ready'
  }

  /** Stops watching the control document. */
  dispose(): void {
    this.control.doc.off('update', this.onControlUpdate)
    this.offLease()
  }

  /** Resolves when every requested action so far has been carried out. */
  settled(): Promise<void> {
    return this.queue
  }

  private schedule(): void {
    this.enqueue(() => this.process())
  }

  private enqueue(action: () => Promise<void> | void): void {
    this.queue = this.queue.then(action).catch((err: unknown) => {
      this.log.error({ err, board: this.boardId }, 'facilitation action failed')
    })
  }

  private async process(): Promise<void> {
    // [X7] Reveals are written by one process: the control room's lease holder (always, in one process).
    if (!this.alive || !this.control.leads()) return
    const round = readVoting(this.control.doc)
    if (round?.status === 'reveal-requested') await this.revealVotes(round)
    const brainstorm = readSession(this.control.doc).brainstorm
    if (brainstorm?.status === 'reveal-requested') await this.revealBrainstorm(brainstorm)
  }

  /** Every drafts document of the board: loaded rooms as they are, the others from the store. */
  private async drafts(): Promise<Drafts[]> {
    const prefix = `${this.boardId}/drafts/`
    const names = new Set(await this.store.listRooms(prefix))
    for (const room of this.rooms.all()) if (room.name.startsWith(prefix)) names.add(room.name)
    const out: Drafts[] = []
    for (const name of [...names].sort()) {
      const personId = name.slice(prefix.length)
      const live = this.rooms.get(name)
      if (live) {
        out.push({ personId, doc: live.doc, room: live })
        continue
      }
      const stored = await this.store.load(name)
      const doc = new Y.Doc()
      for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) {
        try {
          Y.applyUpdate(doc, u)
        } catch {
          // A damaged update in someone's drafts loses that update, not the round.
        }
      }
      out.push({ personId, doc, room: null })
    }
    return out
  }

  private async revealVotes(round: VotingRound): Promise<void> {
    const board = await this.rooms.hold(this.boardId)
    try {
      const drafts = await this.drafts()
      const elements = readBoard(board.doc).elements
      const eligible = new Set(
        elements.filter((e) => round.scope === 'all' || e.type === round.scope).map((e) => e.id),
      )
      const { results, voters } = tallyVotes(
        drafts.map((d) => readVotes(d.doc, round.id)),
        round.votesPerPerson,
        (id) => eligible.has(id),
      )
      const now = Date.now()
      const meeting = readSession(this.control.doc).meeting?.number ?? null
      board.change((doc) =>
        recordVoteRound(doc, { ...round, revealedAt: now, meeting, voters, results }, 'server'),
      )
      this.control.change((doc) => {
        const m = doc.getMap<unknown>(ControlName.voting)
        // Only if the round is still the one asked about (the facilitator may have opened another).
        if (m.get('id') !== round.id) return
        m.set('results', results)
        m.set('voters', voters)
        m.set('status', 'revealed')
      })
      this.log.info({ board: this.boardId, voters }, 'voting round revealed')
    } finally {
      this.rooms.unhold(board)
    }
  }

  private async revealBrainstorm(brainstorm: BrainstormState): Promise<void> {
    const board = await this.rooms.hold(this.boardId)
    try {
      const meeting = readSession(this.control.doc).meeting?.number ?? null
      let revealed = 0
      for (const d of await this.drafts()) {
        const notes = readDraftNotes(d.doc, brainstorm.id)
        if (notes.length === 0) continue
        const existing = board.doc.getMap(DocName.elements)
        board.change((doc) => {
          for (const note of notes) {
            const id = revealedNoteId(note.id)
            if (existing.has(id)) continue
            addElement(
              doc,
              { id, type: 'note', x: note.x, y: note.y, label: note.label },
              {
                personId: brainstorm.anonymous ? null : d.personId,
                meeting,
                origin: 'server',
                now: () => note.createdAt || Date.now(),
              },
            )
            revealed++
          }
        })
        const ids = notes.map((n) => n.id)
        if (d.room) d.room.change((doc) => clearDraftNotes(doc, ids, 'server'))
        else await this.clearStoredDrafts(d.personId, ids)
      }
      this.control.change((doc) => {
        const session = doc.getMap<unknown>(ControlName.session)
        const current = readSession(doc).brainstorm
        if (current?.id !== brainstorm.id) return
        session.set('brainstorm', {
          ...current,
          status: 'revealed',
          revealedCount: current.revealedCount + revealed,
        })
      })
      this.log.info({ board: this.boardId, revealed }, 'brainstorm revealed')
    } finally {
      this.rooms.unhold(board)
    }
  }

  /** Removes revealed notes from a drafts document nobody has open (loaded just for this). */
  private async clearStoredDrafts(personId: string, ids: readonly string[]): Promise<void> {
    const room = await this.rooms.hold(`${this.boardId}/drafts/${personId}`)
    try {
      room.change((doc) => clearDraftNotes(doc, ids, 'server'))
      await room.settle()
    } finally {
      this.rooms.unhold(room)
    }
  }
}
