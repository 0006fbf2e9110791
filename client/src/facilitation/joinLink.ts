/**
 * The join link on the meeting room's screen. The short link (`/j/<boardId>/<code>`, server
 * shareRoutes.ts) grants what the participant link grants, and only a facilitator may ask the server for
 * it; the viewer screen may not. So the facilitator's browser fetches it and, when the facilitator turns
 * "Show join link on screen" on, writes its path into the control document, which every screen reads
 * and only facilitators can write:
 *
 *   control `session.joinPath`: string | absent   the path `/j/<id>/<code>`; absent or null = not shown
 *
 * (An additive field of the control document's `session` map; readers that do not know it ignore it.)
 * The screen shows it as a QR code and as `<origin>/j/<id>/<code>` with its own origin, so a server
 * reached under several addresses shows the one the room's screen uses.
 */
import type * as Y from 'yjs'
import { ControlName } from '@circleboard/shared'

/** Name of the field in the control document's `session` map. */
export const JOIN_PATH_FIELD = 'joinPath'

const JOIN_PATH = /^\/j\/[a-z0-9]{1,64}\/[a-z2-7]{4,64}$/

/** The join path the facilitator put on screen, or `null`. */
export function readJoinPath(controlDoc: Y.Doc): string | null {
  const v = controlDoc.getMap<unknown>(ControlName.session).get(JOIN_PATH_FIELD)
  return typeof v === 'string' && JOIN_PATH.test(v) ? v : null
}

/** Shows (`path`) or hides (`null`) the join link on screen. */
export function writeJoinPath(controlDoc: Y.Doc, path: string | null, origin: unknown): void {
  if (path !== null && !JOIN_PATH.test(path)) throw new RangeError('not a join path')
  controlDoc.transact(() => {
    const session = controlDoc.getMap<unknown>(ControlName.session)
    if (path === null) session.delete(JOIN_PATH_FIELD)
    else session.set(JOIN_PATH_FIELD, path)
  }, origin)
}

/** The full join address for a path, on this page's origin. */
export function joinUrl(path: string, origin: string = window.location.origin): string {
  return `${origin}${path}`
}

/** Authorization header for the facilitator's REST calls. */
function auth(token: string): HeadersInit {
  return { authorization: `Bearer ${token}` }
}

/** Asks the server for the board's short join link (facilitators and delegates only). */
export async function fetchJoinPath(boardId: string, token: string): Promise<string> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/join`, { headers: auth(token) })
  if (!res.ok) throw new Error(`join link: ${res.status}`)
  const body = (await res.json()) as { path?: unknown }
  if (typeof body.path !== 'string' || !JOIN_PATH.test(body.path)) throw new Error('join link: bad answer')
  return body.path
}

/** The board's three links, for the share dialog. */
export interface ShareLinks {
  readonly facilitator: string
  readonly participant: string
  readonly viewer: string
}

/** Asks the server for the board's links again (facilitators only). */
export async function fetchShareLinks(boardId: string, token: string): Promise<ShareLinks> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links`, { headers: auth(token) })
  if (!res.ok) throw new Error(`links: ${res.status}`)
  const body = (await res.json()) as { links?: Partial<ShareLinks> }
  const l = body.links
  if (
    !l ||
    typeof l.facilitator !== 'string' ||
    typeof l.participant !== 'string' ||
    typeof l.viewer !== 'string'
  )
    throw new Error('links: bad answer')
  return { facilitator: l.facilitator, participant: l.participant, viewer: l.viewer }
}
