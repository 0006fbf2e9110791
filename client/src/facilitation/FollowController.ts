/**
 * Follows someone's view on this screen (the decision is follow.ts; this binds it to the camera, to
 * presence and to the control document). The leader's viewport arrives through presence about 15 times a
 * second at most; each is applied to the camera with cause `program`, so the canvas moves but nothing in
 * React re-renders.
 *
 * Breaking away: a camera move with cause `user` stops following, but only when this person actually did
 * something (pointer, wheel or key) just before it. The board view fits the board to the screen by itself
 * when content first arrives, with cause `user` too; that must not stop the shared screen from following,
 * so such a move is undone by following again instead.
 */
import type { FollowState } from '@circleboard/shared'
import type { Camera, CameraCause, CameraState } from '../canvas/Camera.js'
import {
  breakAway,
  decideFollow,
  followCamera,
  sameCamera,
  type FollowInputs,
  type FollowTarget,
} from './follow.js'
import type { PresenceStore } from './presence.js'
import { Store, sameJson } from './signal.js'

/** An own camera move counts as breaking away when input came at most this long before it. */
const INPUT_WINDOW_MS = 1500

/** The follow state of this screen, for the UI. */
export interface FollowView {
  readonly target: FollowTarget | null
  /** Someone is being followed but their view is not known yet (they have not moved since we came). */
  readonly waiting: boolean
}

/** Binds following to one camera. */
export class FollowController {
  /** What the UI shows. */
  readonly view = new Store<FollowView>({ target: null, waiting: false })
  private inputs: FollowInputs
  private lastInput = -Infinity
  private frame = 0
  private readonly offs: (() => void)[] = []

  constructor(
    private readonly camera: Camera,
    private readonly presence: PresenceStore,
    self: string | null,
    /** Zoom bias of this screen (the shared screen shows things bigger). */
    private readonly bias: () => number,
  ) {
    this.inputs = {
      chosen: null,
      bring: { active: false, leader: null, since: 0 },
      brokeAwayFrom: null,
      screenLeader: null,
      screenPaused: false,
      self,
    }
  }

  /** Starts watching input, the camera and presence. */
  start(): void {
    const input = (): void => {
      this.lastInput = performance.now()
    }
    for (const type of ['pointerdown', 'wheel', 'keydown'] as const) {
      window.addEventListener(type, input, { capture: true, passive: true })
      this.offs.push(() => window.removeEventListener(type, input, { capture: true }))
    }
    const resize = (): void => this.schedule()
    window.addEventListener('resize', resize)
    this.offs.push(() => window.removeEventListener('resize', resize))
    this.offs.push(this.camera.subscribe((_state, cause) => this.onCamera(cause)))
    this.offs.push(this.presence.subscribeMotion(() => this.schedule()))
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off()
    if (this.frame) cancelAnimationFrame(this.frame)
    this.frame = 0
  }

  /** Follows a person (from the participants panel or an avatar); `null` stops. */
  followPerson(personId: string | null): void {
    this.update({
      ...this.inputs,
      chosen: personId,
      screenPaused: personId === null && this.inputs.screenPaused,
    })
  }

  /** Stops whatever following is under way, as an own pan would. */
  stopFollowing(): void {
    this.update(breakAway(this.inputs, this.view.get().target))
  }

  /** The control document's "Bring everyone here" changed. */
  setBring(bring: FollowState): void {
    if (sameJson(bring, this.inputs.bring)) return
    this.update({ ...this.inputs, bring })
  }

  /** Whom the shared screen follows by default (`null` when this is not the screen). */
  setScreenLeader(leader: string | null): void {
    if (leader === this.inputs.screenLeader) return
    this.update({ ...this.inputs, screenLeader: leader })
  }

  /** The shared screen follows the facilitator again after someone panned it. */
  resumeScreen(): void {
    this.update({ ...this.inputs, screenPaused: false, chosen: null })
  }

  /** True when the screen's default following was paused by a pan. */
  get screenPaused(): boolean {
    return this.inputs.screenPaused
  }

  private update(inputs: FollowInputs): void {
    this.inputs = inputs
    const target = decideFollow(inputs)
    this.view.set({ target, waiting: this.view.get().waiting }, sameJson)
    this.schedule()
  }

  private onCamera(cause: CameraCause): void {
    if (cause !== 'user') return
    const target = this.view.get().target
    if (target === null) return
    if (performance.now() - this.lastInput <= INPUT_WINDOW_MS) this.update(breakAway(this.inputs, target))
    else this.schedule()
  }

  /** Applies the leader's view at the next frame (many presence changes in a frame move once). */
  private schedule(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.apply()
    })
  }

  private apply(): void {
    const target = this.view.get().target
    if (target === null) {
      this.view.set({ target: null, waiting: false }, sameJson)
      return
    }
    const viewport = this.presence.viewportOf(target.personId)
    // Someone this person chose to follow has left: stop, rather than wait for them on a stale view.
    if (target.reason === 'person' && !this.presence.getPeople().some((p) => p.id === target.personId)) {
      this.update({ ...this.inputs, chosen: null })
      return
    }
    this.view.set({ target, waiting: viewport === null }, sameJson)
    if (viewport === null || this.camera.width <= 0) return
    const next: CameraState = followCamera(viewport, this.camera.width, this.camera.height, this.bias())
    if (!sameCamera(next, this.camera.get())) this.camera.set(next, 'program')
  }
}
