/**
 * What the parts of a facilitation session (PresencePublisher.ts, boardHooks.ts) need of it, as an
 * interface: FacilitationSession implements it and builds them, so they depend on this and not on it.
 */
import type * as Y from 'yjs'
import type { ControlState, DraftNote } from '@circleboard/shared'
import type { FeatureContext } from '../board/features.js'
import type { ServerClock } from './clock.js'
import type { LocalPresence } from './localPresence.js'
import type { PresenceStore } from './presence.js'
import type { Store } from './signal.js'
import type { MyVotes } from './votes.js'

/** What the control document says, plus the join path (joinLink.ts). */
export interface ControlView {
  readonly state: ControlState
  readonly joinPath: string | null
  /** The control document has been loaded from the server. */
  readonly loaded: boolean
}

/** This person's drafts: notes of any brainstorm and votes of the current round. */
export interface DraftsView {
  readonly notes: readonly DraftNote[]
  readonly votes: MyVotes
  readonly loaded: boolean
}

/** How this screen shows the board. */
export interface ScreenView {
  /** The meeting room's shared-screen layout (viewer links start in it). */
  readonly on: boolean
  readonly hideCursors: boolean
  /** No sound at zero on this screen. */
  readonly muted: boolean
}

/** A short message for this person (a vote refused, ...), as a message key and its parameters. */
export interface Notice {
  readonly key: 'voting.noneLeft' | 'voting.failed' | 'drafts.failed' | 'control.failed'
  readonly at: number
}

/** The session as its parts see it. */
export interface SessionParts {
  readonly feature: FeatureContext
  readonly presence: PresenceStore
  readonly local: LocalPresence
  readonly clock: ServerClock
  readonly control: Store<ControlView>
  readonly drafts: Store<DraftsView>
  readonly screen: Store<ScreenView>
  /** The draft note to focus for typing (just created). */
  readonly focusDraft: Store<string | null>
  /** This person's drafts document, when connected. */
  readonly draftsDoc: Y.Doc | null
  /** True when the board is locked for this person. */
  lockedForMe(): boolean
  /** Shows a short message to this person. */
  tell(key: Notice['key']): void
}
