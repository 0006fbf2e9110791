/**
 * Publishes this browser's presence (layout: presence.ts) and keeps the person registered in the board's
 * `people` (so provenance shows names; a pseudonymous board's exports replace them, server P4):
 * - `user`: the person id, the name and organisation given (profile.ts), the link role, when they joined
 *   and a colour chosen against the others present (colors.ts), re-chosen when someone shows the same;
 * - `cursor`: the pointer over the board, in board units, throttled with everything else (15 Hz);
 * - `selection`, `viewport`: from the board model's selection and camera.
 * The board document is written only when the name or organisation differ from what `people` holds, and
 * not while the board is locked for this person (the server would refuse it; it is written on unlock).
 */
import { DocName, readPerson, upsertPerson } from '@circleboard/shared'
import { chooseColor } from './colors.js'
import { personId as browserPersonId } from '../sync/identity.js'
import { viewportOf } from './follow.js'
import { loadProfile, saveProfile, type Profile } from './profile.js'
import { Store } from './signal.js'
import type { SessionParts } from './sessionParts.js'

/** Names this browser may show before the person gives one (in the language of the page). */
export interface PresenceWords {
  /** "Guest": a generated name is "Guest 123". */
  readonly guest: string
  /** The name of the meeting room's shared screen. */
  readonly screen: string
}

/** Publishes presence and registers the person. */
export class PresencePublisher {
  /** The person's name and organisation. */
  readonly profile: Store<Profile>
  private color: string | null = null
  private since = 0
  private readonly offs: (() => void)[] = []

  constructor(
    private readonly session: SessionParts,
    private readonly words: PresenceWords,
  ) {
    this.profile = new Store<Profile>(loadProfile(words.guest))
  }

  /** The id presence shows: the personal id, or this browser's own before the server gave one. */
  get id(): string {
    return this.session.feature.personId ?? browserPersonId()
  }

  /** Changes the name and organisation (remembered in this browser). */
  setProfile(profile: Profile): void {
    saveProfile(profile)
    this.profile.set(profile)
    this.refreshUser()
    this.register()
  }

  start(): void {
    const { feature, presence, local } = this.session
    const { model, conn } = feature
    this.since = this.session.clock.now()
    this.color = null
    this.chooseColor()
    this.refreshUser()

    // Cursor: the pointer over the board canvas, in board units; null when it leaves the board.
    const onPointer = (e: PointerEvent): void => {
      // The shared screen has no pointer anyone should see.
      if (this.session.screen.get().on) return local.setCursor(null)
      const canvas = (e.target as Element | null)?.closest?.('.board-canvas')
      if (!canvas || (e.target as Element).closest('.canvas-overlay')) return local.setCursor(null)
      const r = canvas.getBoundingClientRect()
      local.setCursor(model.camera.toBoard({ x: e.clientX - r.left, y: e.clientY - r.top }))
    }
    const onLeave = (): void => local.setCursor(null)
    window.addEventListener('pointermove', onPointer, { capture: true, passive: true })
    document.documentElement.addEventListener('pointerleave', onLeave)
    this.offs.push(() => {
      window.removeEventListener('pointermove', onPointer, { capture: true })
      document.documentElement.removeEventListener('pointerleave', onLeave)
    })

    const publishView = (): void => {
      const { camera } = model
      if (camera.width > 0) local.setViewport(viewportOf(camera.get(), camera.width, camera.height))
    }
    publishView()
    this.offs.push(model.camera.subscribe(publishView))
    // The canvas's size changes without a camera move (a panel opens): publish the new visible area.
    const resize = (): void => void requestAnimationFrame(publishView)
    window.addEventListener('resize', resize)
    this.offs.push(() => window.removeEventListener('resize', resize))
    const timer = setInterval(publishView, 2000)
    this.offs.push(() => clearInterval(timer))

    const publishSelection = (): void => local.setSelection([...model.selection.get().elements])
    publishSelection()
    this.offs.push(model.selection.subscribe(publishSelection))

    this.offs.push(
      presence.subscribePeople(() => {
        if (this.chooseColor()) this.refreshUser()
      }),
    )

    // Registration in `people`: once the board has loaded, and again when the board is unlocked.
    const register = (): void => this.register()
    if (conn.provider.synced) register()
    conn.provider.on('sync', register)
    this.offs.push(() => conn.provider.off('sync', register))
    this.offs.push(this.session.control.subscribe(register))
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off()
    this.session.local.setCursor(null)
    this.session.local.flush()
  }

  /** Publishes the user field again (name, colour, screen flag changed). */
  refreshUser(): void {
    const { feature, local, screen } = this.session
    const profile = this.profile.get()
    const onScreen = screen.get().on
    local.setScreen(onScreen)
    local.setUser({
      id: this.id,
      name: onScreen ? this.words.screen : profile.name,
      color: this.color ?? '#37474f',
      role: feature.role,
      org: onScreen ? null : profile.org,
      since: this.since,
    })
  }

  /** Re-chooses the colour against the others present; true when it changed. */
  private chooseColor(): boolean {
    const others = this.session.presence
      .getPeople()
      .filter((p) => !p.self && p.id !== this.id)
      .map((p) => ({ id: p.id, since: p.since, color: p.color }))
    const next = chooseColor({ id: this.id, since: this.since, color: this.color }, others)
    if (next === this.color) return false
    this.color = next
    return true
  }

  /** Writes the name and organisation into the board's `people` when they differ. */
  private register(): void {
    const { feature } = this.session
    const { conn, model, personId, role } = feature
    if (personId === null || role === 'viewer' || !conn.provider.synced) return
    if (this.session.lockedForMe()) return
    const profile = this.profile.get()
    const current = conn.doc.getMap<unknown>(DocName.people).get(personId)
    const stored = current === undefined ? null : readPerson(personId, current)
    const known = stored?.ok === true ? stored.value : null
    if (known && known.name === profile.name && known.org === profile.org) return
    try {
      upsertPerson(
        conn.doc,
        // A circle role someone set (academic, practitioner) is kept; a new person gets the link's role.
        { id: personId, name: profile.name, org: profile.org, ...(known?.role ? {} : { role }) },
        { personId, meeting: null, origin: model.origin },
      )
    } catch (err) {
      // Refused (a name the model does not accept): provenance shows the id instead. Said on the console
      // like every refused edit, so that a refusal nobody expected (once: every 32nd person id) is seen.
      console.warn('person entry refused:', err instanceof Error ? err.message : err)
    }
  }
}
