/**
 * Facilitation for one open board in this browser: the control document (`<boardId>/control`, read by
 * everyone, written by facilitators and delegates) and this person's private drafts
 * (`<boardId>/drafts/<personId>`), both without a browser cache (they are small, and stale control state
 * from a cache would show a lock or a vote that ended); the server clock; presence (presence.ts,
 * localPresence.ts); following (FollowController.ts); and the board-view hooks (boardHooks.ts).
 *
 * One session per board connection, shared by the feature's slots and the top bar (`sessionFor`). It is
 * started by the first component that uses it and stopped shortly after the last one lets go, so React's
 * StrictMode (mount, unmount, mount) reuses it instead of opening sockets twice.
 */
import {
  EMPTY_CONTROL,
  isDelegate,
  readControl,
  readDraftNotes,
  readVotes,
  roomName,
  type ControlState,
} from '@circleboard/shared'
import { BoardConnection } from '../sync/BoardConnection.js'
import type { FeatureContext } from '../board/features.js'
import { ServerClock, fetchServerTime } from './clock.js'
import { PresenceStore } from './presence.js'
import { ActivityMonitor, LocalPresence } from './localPresence.js'
import { FollowController } from './FollowController.js'
import { readJoinPath } from './joinLink.js'
import { Store, sameJson } from './signal.js'
import type { ControlView, DraftsView, Notice, ScreenView, SessionParts } from './sessionParts.js'
import { PresencePublisher, type PresenceWords } from './PresencePublisher.js'
import { installBoardHooks } from './boardHooks.js'
import { screenLeaderOf } from './follow.js'
import { nameQuestionOpen } from './profile.js'
import { TimerTicker } from './TimerTicker.js'
import { playChime } from './timer.js'
import { stopAwarenessRelay } from '../sync/awarenessRelay.js'

export type { ControlView, DraftsView, Notice, ScreenView } from './sessionParts.js'

/** Zoom bias of the shared screen: a room reads it from a distance. */
export const SCREEN_ZOOM_BIAS = 1.3
/** How often the server clock is sampled again. */
const CLOCK_RESYNC_MS = 10 * 60_000

const HIDE_CURSORS_KEY = 'circleboard.screen.hideCursors'

function storedFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1'
  } catch {
    return false
  }
}

/** Facilitation state and actions of one board in this browser. */
export class FacilitationSession implements SessionParts {
  readonly clock = new ServerClock({ fetchServerTime, now: () => Date.now() })
  readonly presence: PresenceStore
  readonly local: LocalPresence
  readonly follow: FollowController
  readonly control = new Store<ControlView>({ state: EMPTY_CONTROL, joinPath: null, loaded: false })
  readonly drafts = new Store<DraftsView>({ notes: [], votes: {}, loaded: false })
  readonly screen: Store<ScreenView>
  readonly notice = new Store<Notice | null>(null)
  /** The name form is open (first join, or "Change my name"). */
  readonly profileOpen: Store<boolean>
  /** The draft note to focus for typing (just created). */
  readonly focusDraft = new Store<string | null>(null)
  readonly publisher: PresencePublisher
  /** The countdown this screen shows. */
  readonly timer: TimerTicker
  private controlConn: BoardConnection | null = null
  private draftsConn: BoardConnection | null = null
  private refs = 0
  private stopTimer: ReturnType<typeof setTimeout> | null = null
  private readonly offs: (() => void)[] = []

  constructor(
    readonly feature: FeatureContext,
    words: PresenceWords,
  ) {
    const { conn, model, role, personId } = feature
    this.presence = new PresenceStore(conn.provider.awareness)
    this.local = new LocalPresence(conn.provider.awareness)
    this.screen = new Store<ScreenView>({
      on: role === 'viewer',
      hideCursors: storedFlag(HIDE_CURSORS_KEY),
      muted: false,
    })
    this.profileOpen = new Store(role !== 'viewer' && nameQuestionOpen())
    this.follow = new FollowController(model.camera, this.presence, personId, () =>
      this.screen.get().on ? SCREEN_ZOOM_BIAS : 1,
    )
    this.publisher = new PresencePublisher(this, words)
    this.timer = new TimerTicker(
      () => this.control.get().state.timer,
      this.clock,
      (timer) => {
        if (timer.sound && !this.screen.get().muted) playChime()
      },
    )
  }

  /** The control document (null until started). */
  get controlDoc() {
    return this.controlConn?.doc ?? null
  }

  /** This person's drafts document (null for viewers, before start, or without a personal id). */
  get draftsDoc() {
    return this.draftsConn?.doc ?? null
  }

  /** The control connection, for its status. */
  get controlConnection(): BoardConnection | null {
    return this.controlConn
  }

  /** True when this browser may use the facilitator's controls (facilitator link or delegate). */
  canFacilitate(state: ControlState = this.control.get().state): boolean {
    return this.feature.role === 'facilitator' || isDelegate(state.session, this.feature.personId)
  }

  /** True when the board is locked for this person (not a facilitator or delegate). */
  lockedForMe(state: ControlState = this.control.get().state): boolean {
    return state.session.locked && !this.canFacilitate(state)
  }

  /** Shows a short message to this person. */
  tell(key: Notice['key']): void {
    const notice = { key, at: Date.now() }
    this.notice.set(notice)
    setTimeout(() => {
      if (this.notice.get() === notice) this.notice.set(null)
    }, 4000)
  }

  /** Switches the shared-screen layout on or off. */
  setScreen(part: Partial<ScreenView>): void {
    this.screen.patch(part)
    if (part.hideCursors !== undefined) {
      try {
        localStorage.setItem(HIDE_CURSORS_KEY, part.hideCursors ? '1' : '0')
      } catch {
        // not remembered
      }
    }
    this.publisher.refreshUser()
  }

  /** Takes a reference; the first one starts the session. */
  retain(): void {
    this.refs++
    if (this.stopTimer !== null) {
      clearTimeout(this.stopTimer)
      this.stopTimer = null
    }
    if (this.refs === 1 && this.offs.length === 0) this.start()
  }

  /** Lets a reference go; the session stops soon after the last one. */
  release(): void {
    this.refs = Math.max(0, this.refs - 1)
    if (this.refs > 0 || this.stopTimer !== null) return
    this.stopTimer = setTimeout(() => {
      this.stopTimer = null
      if (this.refs === 0) this.stop()
    }, 100)
  }

  private start(): void {
    const { boardId, conn, personId, role, token } = this.feature
    // Others' cursors are never echoed back to the server (awarenessRelay.ts).
    stopAwarenessRelay(conn.provider)
    const control = new BoardConnection(roomName({ boardId, kind: 'control' }), token, { cache: false })
    this.controlConn = control
    const onControl = (): void => this.readControlDoc()
    control.doc.on('update', onControl)
    const onControlSync = (synced: boolean): void => {
      if (synced) this.readControlDoc(true)
    }
    control.provider.on('sync', onControlSync)
    this.offs.push(() => {
      control.doc.off('update', onControl)
      control.provider.off('sync', onControlSync)
      control.destroy()
      this.controlConn = null
    })
    if (personId !== null && role !== 'viewer') {
      const drafts = new BoardConnection(roomName({ boardId, kind: 'drafts', personId }), token, {
        cache: false,
      })
      this.draftsConn = drafts
      const onDrafts = (): void => this.readDraftsDoc()
      drafts.doc.on('update', onDrafts)
      const onDraftsSync = (synced: boolean): void => {
        if (synced) this.readDraftsDoc(true)
      }
      drafts.provider.on('sync', onDraftsSync)
      this.offs.push(() => {
        drafts.doc.off('update', onDrafts)
        drafts.provider.off('sync', onDraftsSync)
        drafts.destroy()
        this.draftsConn = null
      })
    }

    // The server clock: now, then now and then, and when the tab comes back (a laptop that slept).
    void this.clock.sync()
    const resync = setInterval(() => void this.clock.sync(3), CLOCK_RESYNC_MS)
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void this.clock.sync(3)
    }
    document.addEventListener('visibilitychange', onVisible)
    this.offs.push(() => {
      clearInterval(resync)
      document.removeEventListener('visibilitychange', onVisible)
    })

    // Away: no input for a minute or a hidden tab (the shared screen has no input, only visibility).
    const activity = new ActivityMonitor(
      (away) => this.local.setAway(away),
      this.screen.get().on ? Infinity : undefined,
    )
    activity.start()
    this.offs.push(() => activity.stop())

    this.publisher.start()
    this.offs.push(() => this.publisher.stop())
    this.follow.start()
    this.offs.push(() => this.follow.stop())
    this.offs.push(installBoardHooks(this))
    this.offs.push(this.control.subscribe(this.timer.refresh))
    this.offs.push(this.clock.subscribe(this.timer.refresh))
    this.offs.push(() => this.timer.stop())

    // Who the shared screen follows depends on who is here and on delegates.
    const leader = (): void => {
      const on = this.screen.get().on
      this.follow.setScreenLeader(
        on ? screenLeaderOf(this.presence.getPeople(), this.control.get().state.session.delegates) : null,
      )
      this.follow.setBring(this.control.get().state.session.follow)
    }
    leader()
    this.offs.push(this.presence.subscribePeople(leader))
    this.offs.push(this.control.subscribe(leader))
    this.offs.push(this.screen.subscribe(leader))
  }

  private stop(): void {
    for (const off of this.offs.splice(0).reverse()) off()
  }

  private readControlDoc(loaded = false): void {
    const doc = this.controlConn?.doc
    if (!doc) return
    const prev = this.control.get()
    this.control.set(
      { state: readControl(doc), joinPath: readJoinPath(doc), loaded: prev.loaded || loaded },
      sameJson,
    )
    this.readDraftsDoc()
  }

  private readDraftsDoc(loaded = false): void {
    const doc = this.draftsConn?.doc
    if (!doc) return
    const round = this.control.get().state.voting
    const prev = this.drafts.get()
    this.drafts.set(
      {
        notes: readDraftNotes(doc),
        votes: round ? readVotes(doc, round.id) : {},
        loaded: prev.loaded || loaded,
      },
      sameJson,
    )
  }
}

const sessions = new WeakMap<BoardConnection, FacilitationSession>()

/** The facilitation session of a board connection (made on first use; start it with `retain`). */
export function sessionFor(feature: FeatureContext, words: PresenceWords): FacilitationSession {
  let s = sessions.get(feature.conn)
  if (!s) {
    s = new FacilitationSession(feature, words)
    sessions.set(feature.conn, s)
  }
  return s
}
