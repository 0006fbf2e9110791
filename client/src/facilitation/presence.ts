/**
 * Presence as others see it: who is here, where their cursors are, what they have selected and what
 * they are looking at, read from the board document's awareness (DESIGN.md, "Wire protocol").
 *
 * Awareness state of a circleboard browser (what `LocalPresence` publishes):
 *   `user      {id, name, color, role, org, since}`  person id (pseudonymous), display name, presence
 *              colour, link role (`facilitator | participant | viewer`), organisation or null, and when
 *              they joined (server clock ms; colour priority, see colors.ts)
 *   `cursor    {x, y} | null`                       board units; null when the pointer is off the board
 *   `selection string[]`                            selected element ids
 *   `viewport  {x, y, scale, w, h}`                 centre of the view (board units), zoom, and the
 *              visible width and height in board units (followers fit that area; see follow.ts)
 *   `away      boolean`                             no input for a minute, or the tab is hidden
 *   `screen    boolean`                             the meeting room's shared screen (no cursor, no avatar)
 * Everything is read defensively: presence comes from other browsers, possibly other versions.
 *
 * Two change signals, so that a moving cursor never re-renders React: `subscribePeople` fires only when
 * the list of people (names, colours, roles, away) changes; `subscribeMotion` fires on every presence
 * change, for the cursor layer and for following, which draw and move imperatively.
 */
import type { Awareness } from 'y-protocols/awareness'

/** Longest name or organisation shown (others' presence may carry anything). */
const MAX_TEXT = 80

/** A person present on the board. */
export interface PresentPerson {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
  readonly org: string | null
  readonly since: number
  readonly away: boolean
  /** This browser (or another tab of the same person). */
  readonly self: boolean
  /** The meeting room's shared screen. */
  readonly screen: boolean
  /** Awareness client ids (a person may have several tabs open). */
  readonly clientIds: readonly number[]
}

/** Where someone's view is: centre and zoom, and the visible area in board units. */
export interface Viewport {
  readonly x: number
  readonly y: number
  readonly scale: number
  readonly w: number
  readonly h: number
}

/** A remote cursor to draw. */
export interface RemoteCursor {
  readonly clientId: number
  readonly personId: string
  readonly x: number
  readonly y: number
  readonly name: string
  readonly role: string
  readonly color: string
}

/** A remote selection to outline. */
export interface RemoteSelection {
  readonly clientId: number
  readonly color: string
  readonly ids: readonly string[]
}

type State = Record<string, unknown>

/** What y-protocols' awareness `change` event carries. */
interface AwarenessChange {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

const obj = (v: unknown): State | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as State) : null
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.slice(0, MAX_TEXT) : null
const COLOR = /^#[0-9a-fA-F]{6}$/

interface UserField {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly role: string
  readonly org: string | null
  readonly since: number
}

/** The `user` field of a state, validated; `null` when there is none or it is unusable. */
export function readUser(state: unknown): UserField | null {
  const u = obj(obj(state)?.user)
  const id = text(u?.id)
  if (!u || !id) return null
  return {
    id,
    name: text(u.name) ?? '?',
    color: typeof u.color === 'string' && COLOR.test(u.color) ? u.color : '#37474f',
    role: text(u.role) ?? 'participant',
    org: text(u.org),
    since: finite(u.since) ? u.since : Number.MAX_SAFE_INTEGER,
  }
}

/** A state's viewport, validated. */
export function readViewport(state: unknown): Viewport | null {
  const v = obj(obj(state)?.viewport)
  if (!v || !finite(v.x) || !finite(v.y) || !finite(v.scale) || v.scale <= 0) return null
  return {
    x: v.x,
    y: v.y,
    scale: v.scale,
    w: finite(v.w) && v.w > 0 ? v.w : 0,
    h: finite(v.h) && v.h > 0 ? v.h : 0,
  }
}

/** Everyone present, one entry per person (tabs merged: present if any tab is), sorted by name. */
export function readPeople(states: ReadonlyMap<number, unknown>, selfClientId: number): PresentPerson[] {
  const byId = new Map<string, PresentPerson>()
  for (const [clientId, state] of states) {
    const user = readUser(state)
    if (!user) continue
    const s = obj(state)!
    const entry: PresentPerson = {
      ...user,
      away: s.away === true,
      self: clientId === selfClientId,
      screen: s.screen === true,
      clientIds: [clientId],
    }
    const prev = byId.get(user.id)
    if (!prev) {
      byId.set(user.id, entry)
      continue
    }
    // The tab this browser runs wins (its name is the freshest); otherwise an active tab wins.
    const main = entry.self || (!prev.self && prev.away && !entry.away) ? entry : prev
    byId.set(user.id, {
      ...main,
      away: prev.away && entry.away,
      self: prev.self || entry.self,
      clientIds: [...prev.clientIds, clientId],
    })
  }
  return [...byId.values()].sort(
    (a, b) =>
      Number(b.self) - Number(a.self) ||
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) ||
      (a.id < b.id ? -1 : 1),
  )
}

/** A key that changes exactly when what the people list shows changes. */
export function peopleKey(people: readonly PresentPerson[]): string {
  return JSON.stringify(people.map((p) => [p.id, p.name, p.color, p.role, p.org, p.away, p.self, p.screen]))
}

/** Other people's cursors (not this browser's, not people who are away). */
export function readCursors(states: ReadonlyMap<number, unknown>, selfClientId: number): RemoteCursor[] {
  const out: RemoteCursor[] = []
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue
    const user = readUser(state)
    const s = obj(state)
    const c = obj(s?.cursor)
    if (!user || !s || !c || s.away === true || !finite(c.x) || !finite(c.y)) continue
    out.push({
      clientId,
      personId: user.id,
      x: c.x,
      y: c.y,
      name: user.name,
      role: user.role,
      color: user.color,
    })
  }
  return out
}

/** Other people's selections. */
export function readSelections(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
): RemoteSelection[] {
  const out: RemoteSelection[] = []
  for (const [clientId, state] of states) {
    if (clientId === selfClientId) continue
    const user = readUser(state)
    const sel = obj(state)?.selection
    if (!user || !Array.isArray(sel) || sel.length === 0) continue
    const ids = sel.filter((id): id is string => typeof id === 'string').slice(0, 500)
    if (ids.length > 0) out.push({ clientId, color: user.color, ids })
  }
  return out
}

/** Presence of one board, with change signals coarse (people) and fine (motion). */
export class PresenceStore {
  private people: PresentPerson[] = []
  private key = ''
  private readonly peopleListeners = new Set<() => void>()
  private readonly motionListeners = new Set<() => void>()
  /** Per awareness client: the identity part of its state as last seen (see `onChange`). */
  private readonly identities = new Map<number, string>()

  constructor(readonly awareness: Awareness) {
    this.refresh()
    awareness.on('change', this.onChange)
  }

  /** The people list (a new array only when it changed). */
  getPeople = (): readonly PresentPerson[] => this.people

  /** The awareness states right now (for drawing; read, do not keep). */
  states(): ReadonlyMap<number, unknown> {
    return this.awareness.getStates()
  }

  /** This browser's awareness client id. */
  get selfClientId(): number {
    return this.awareness.clientID
  }

  /** The freshest viewport of a person (their most recently active tab), or `null`. */
  viewportOf(personId: string): Viewport | null {
    let found: Viewport | null = null
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID || readUser(state)?.id !== personId) continue
      const v = readViewport(state)
      if (v && (found === null || obj(state)?.away !== true)) found = v
    }
    return found
  }

  /** Fires when the people list changes. */
  subscribePeople = (listener: () => void): (() => void) => {
    this.peopleListeners.add(listener)
    return () => this.peopleListeners.delete(listener)
  }

  /** Fires on every presence change (cursors, selections, viewports). */
  subscribeMotion(listener: () => void): () => void {
    this.motionListeners.add(listener)
    return () => this.motionListeners.delete(listener)
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    this.peopleListeners.clear()
    this.motionListeners.clear()
  }

  private refresh(): boolean {
    const next = readPeople(this.awareness.getStates(), this.awareness.clientID)
    const key = peopleKey(next)
    if (key === this.key) return false
    this.key = key
    this.people = next
    return true
  }

  /**
   * Most changes are cursor moves: the people list is rebuilt only when someone came or left, or when a
   * changed state's identity part (user, away, screen) differs from what was seen last for that client.
   */
  private readonly onChange = ({ added, updated, removed }: AwarenessChange): void => {
    let check = added.length > 0 || removed.length > 0
    for (const id of removed) this.identities.delete(id)
    const states = this.awareness.getStates()
    for (const id of [...added, ...updated]) {
      const s = obj(states.get(id))
      const key = JSON.stringify([s?.user, s?.away, s?.screen])
      if (this.identities.get(id) !== key) {
        this.identities.set(id, key)
        check = true
      }
    }
    if (check && this.refresh()) for (const l of this.peopleListeners) l()
    for (const l of this.motionListeners) l()
  }
}
