/**
 * Sharing a board from inside a meeting:
 * - `GET /api/boards/:id/links` (facilitator): the board's three capability links again, for the share
 *   dialog and its QR codes (the facilitator may not have kept the start page's links).
 * - `GET /api/boards/:id/join` (facilitator): a short join link `/j/<id>/<code>` for the meeting room's
 *   screen. The code is derived from the server's secret and the board id (no table, nothing to clean
 *   up); it grants what the participant link grants, so showing it on the shared screen is a deliberate
 *   act of the facilitator.
 * - `GET /j/:id/:code`: checks the code and redirects to the participant link (the token travels in the
 *   URL fragment of the redirect, which browsers keep and never send back to a server).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { ROLES, boardLink, isBoardId, type BoardLinks, type Role } from '@circleboard/shared'
import type { Services } from './services.js'
import { requireBoardToken } from './auth.js'
import { notFound } from './errors.js'

/** Length of a join code (base32, about 50 bits). */
const CODE_LENGTH = 10
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** The join code of a board under `secret`. */
export function joinCode(secret: string, boardId: string): string {
  const mac = createHmac('sha256', secret).update(`join:${boardId}`).digest()
  let out = ''
  for (let i = 0; i < CODE_LENGTH; i++) out += BASE32[(mac[i] as number) % 32]
  return out
}

/** The shape of `GET /api/boards/:id/join`. */
export interface JoinLink {
  readonly path: string
  readonly code: string
}

/** Registers the sharing routes. */
export async function shareRoutes(app: FastifyInstance, services: Services, secret: string): Promise<void> {
  const { config, signer, store, sync } = services
  const limit = { rateLimit: { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' } }

  const facilitatorOf = async (req: Parameters<typeof requireBoardToken>[1], id: string) => {
    if (!isBoardId(id)) throw notFound('no such board')
    const claims = requireBoardToken(signer, req, id, ['facilitator', 'participant'])
    if (!sync.policy.canFacilitate(claims, await sync.sessions.peek(id))) {
      requireBoardToken(signer, req, id, ['facilitator'])
    }
    if (!(await store.getBoard(id))) throw notFound('this board does not exist (it may have been deleted)')
    return claims
  }

  app.get<{ Params: { id: string } }>('/api/boards/:id/links', { config: limit }, async (req) => {
    const claims = await facilitatorOf(req, req.params.id)
    const links = Object.fromEntries(
      ROLES.map((role: Role) => [
        role,
        boardLink(
          req.params.id,
          signer.sign({ boardId: req.params.id, role, expiresAt: claims.expiresAt, personId: null }),
        ),
      ]),
    ) as BoardLinks
    return { links }
  })

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id/join',
    { config: limit },
    async (req): Promise<JoinLink> => {
      await facilitatorOf(req, req.params.id)
      const code = joinCode(secret, req.params.id)
      return { code, path: `/j/${req.params.id}/${code}` }
    },
  )

  app.get<{ Params: { id: string; code: string } }>('/j/:id/:code', { config: limit }, async (req, reply) => {
    const { id, code } = req.params
    const expected = isBoardId(id) ? joinCode(secret, id) : ''
    const ok =
      expected.length === code.length &&
      expected.length > 0 &&
      timingSafeEqual(Buffer.from(expected), Buffer.from(code))
    if (!ok || !(await store.getBoard(id))) throw notFound('this join link is not valid')
    const token = signer.sign({ boardId: id, role: 'participant', expiresAt: 0, personId: null })
    return reply.header('cache-control', 'no-store').redirect(boardLink(id, token), 302)
  })
}
