/**
 * Following someone's view. Three ways to follow, strongest first:
 * - `person`: this person clicked someone (participants panel or avatar);
 * - `bring`: the facilitator's "Bring everyone here" (control document `session.follow`);
 * - `screen`: the meeting room's shared screen follows whoever facilitates, by default.
 * Any own pan or zoom stops following. Breaking away from "Bring everyone here" is remembered by the
 * round's start time (`follow.since`), so the same round never pulls that person back, and the next round
 * does.
 *
 * Adapting to screen size: what is followed is the leader's *visible area* (centre, width and height in
 * board units, presence.ts `viewport`), fitted into this screen, so a small laptop following a wide
 * projector sees the same things, not the same zoom. The shared screen adds a zoom bias (bigger text for
 * a room that reads from a distance).
 */
import type { CameraState } from '../canvas/Camera.js'
import { MAX_SCALE, MIN_SCALE } from '../canvas/Camera.js'
import type { FollowState } from '@circleboard/shared'
import type { Viewport } from './presence.js'

/** Why this browser follows someone. */
export type FollowReason = 'person' | 'bring' | 'screen'

/** Whom this browser follows and why. */
export interface FollowTarget {
  readonly personId: string
  readonly reason: FollowReason
}

/** The viewport presence publishes for a camera and a screen of `width` x `height` pixels. */
export function viewportOf(camera: CameraState, width: number, height: number): Viewport {
  const w = width / camera.scale
  const h = height / camera.scale
  return {
    x: -camera.x / camera.scale + w / 2,
    y: -camera.y / camera.scale + h / 2,
    scale: camera.scale,
    w,
    h,
  }
}

/**
 * The camera that shows `v`'s visible area on a screen of `width` x `height` pixels: centred on the same
 * board point, as large as fits, times `bias`. A viewport without a size (an older client) keeps its zoom.
 */
export function followCamera(v: Viewport, width: number, height: number, bias = 1): CameraState {
  const fitted = v.w > 0 && v.h > 0 && width > 0 && height > 0 ? Math.min(width / v.w, height / v.h) : v.scale
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, fitted * bias))
  return { scale, x: width / 2 - v.x * scale, y: height / 2 - v.y * scale }
}

/** True when two cameras differ by less than what anyone would see (no need to move). */
export function sameCamera(a: CameraState, b: CameraState): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale / b.scale - 1) < 1e-3
}

/** Inputs of the follow decision. */
export interface FollowInputs {
  /** Someone this person chose to follow, or `null`. */
  readonly chosen: string | null
  /** The control document's "Bring everyone here" state. */
  readonly bring: FollowState
  /** `since` of the "Bring everyone here" round this person broke away from, or `null`. */
  readonly brokeAwayFrom: number | null
  /** Whom the shared screen follows by default (`null` when this is not the screen or nobody leads). */
  readonly screenLeader: string | null
  /** The screen's default following is switched off (someone panned it). */
  readonly screenPaused: boolean
  /** This browser's person id. */
  readonly self: string | null
}

/** Whom to follow now, and why. */
export function decideFollow(i: FollowInputs): FollowTarget | null {
  if (i.chosen !== null && i.chosen !== i.self) return { personId: i.chosen, reason: 'person' }
  const b = i.bring
  if (b.active && b.leader !== null && b.leader !== i.self && i.brokeAwayFrom !== b.since)
    return { personId: b.leader, reason: 'bring' }
  if (i.screenLeader !== null && i.screenLeader !== i.self && !i.screenPaused)
    return { personId: i.screenLeader, reason: 'screen' }
  return null
}

/** What an own pan or zoom changes: the inputs after breaking away from `target`. */
export function breakAway(i: FollowInputs, target: FollowTarget | null): FollowInputs {
  if (target === null) return i
  switch (target.reason) {
    case 'person':
      return { ...i, chosen: null }
    case 'bring':
      return { ...i, brokeAwayFrom: i.bring.since }
    case 'screen':
      return { ...i, screenPaused: true }
  }
}

/**
 * Whom the shared screen follows: a delegate who is present (facilitation was handed to them), else a
 * facilitator present (the earliest to join), else nobody.
 */
export function screenLeaderOf(
  people: readonly { id: string; role: string; since: number; screen: boolean; self: boolean }[],
  delegates: readonly string[],
): string | null {
  const present = people.filter((p) => !p.screen && !p.self)
  const delegate = delegates.find((d) => present.some((p) => p.id === d))
  if (delegate !== undefined) return delegate
  const facilitators = present
    .filter((p) => p.role === 'facilitator')
    .sort((a, b) => a.since - b.since || (a.id < b.id ? -1 : 1))
  return facilitators[0]?.id ?? null
}
