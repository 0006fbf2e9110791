/**
 * How features plug into the board view: each feature folder (panels/, facilitation/, history/,
 * analysis/) exports one hook `use<Feature>Slots(feature)` that returns what it adds (toolbar controls,
 * sidebar panels, canvas layers and overlays); the board page merges them. Features change the canvas
 * only through the BoardModel's hooks (decorations, tints, click and create interceptors, read-only and
 * meeting providers), never by editing the canvas.
 */
import { createElement, Fragment, type ReactNode } from 'react'
import type { Role } from '@circleboard/shared'
import type { BoardConnection } from '../sync/BoardConnection.js'
import type { BoardModel } from './BoardModel.js'
import type { SidePanel, WorkspaceSlots } from './BoardWorkspace.js'

/** What every feature gets. */
export interface FeatureContext {
  readonly conn: BoardConnection
  readonly model: BoardModel
  readonly role: Role
  /** The personal, pseudonymous person id of this browser on this board (null when offline at first visit). */
  readonly personId: string | null
  /** The token this browser connects with (personal when known). */
  readonly token: string
  readonly boardId: string
}

function join(parts: readonly (ReactNode | undefined)[]): ReactNode {
  const present = parts.filter((p) => p !== undefined && p !== null && p !== false)
  if (present.length === 0) return undefined
  return createElement(Fragment, null, ...present.map((p, i) => createElement(Fragment, { key: i }, p)))
}

/** Merges the slots of several features, in order. */
export function mergeSlots(...all: readonly WorkspaceSlots[]): WorkspaceSlots {
  const panels: SidePanel[] = all.flatMap((s) => s.panels ?? [])
  return {
    toolbarExtra: join(all.map((s) => s.toolbarExtra)),
    panels,
    aside: join(all.map((s) => s.aside)),
    overlays: join(all.map((s) => s.overlays)),
    canvasChildren: join(all.map((s) => s.canvasChildren)),
    banner: join(all.map((s) => s.banner)),
  }
}
