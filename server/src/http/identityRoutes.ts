/**
 * Personal identities on a board. Capability links are shared (every participant has the same link), so a
 * browser asks once for a personal token: same board, same role, same expiry, plus a pseudonymous person
 * id chosen by the server (unguessable, so nobody can claim someone else's drafts). Presence, provenance,
 * private drafts and facilitation handover all use that id. `GET /api/time` gives the server's clock, so
 * every screen shows the same countdown whatever its own clock says.
 */
import type { FastifyInstance } from 'fastify'
import { isBoardId, isValidId, randomId } from '@circleboard/shared'
import type { Services } from './services.js'
import { requireBoardToken } from './auth.js'
import { notFound } from './errors.js'

/** A personal token. */
export interface IdentityResponse {
  readonly personId: string
  readonly token: string
}

/** Registers the identity and time routes. */
export async function identityRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, signer, store } = services
  app.post<{ Params: { id: string } }>(
    '/api/boards/:id/identity',
    { config: { rateLimit: { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' } } },
    async (req, reply) => {
      if (!isBoardId(req.params.id)) throw notFound('no such board')
      const claims = requireBoardToken(signer, req, req.params.id)
      if (!(await store.getBoard(req.params.id)))
        throw notFound('this board does not exist (it may have been deleted)')
      // The id names the person's entry in the board's `people`, so it is a model id (ids.ts): base-62,
      // 16 characters, about 95 bits. A token from before had base64url ids, and one in 32 of those began
      // with '-' or '_', which the model refuses: that person could never be registered. It gets a new id.
      const personId = isValidId(claims.personId) ? claims.personId : randomId()
      const body: IdentityResponse = { personId, token: signer.sign({ ...claims, personId }) }
      return reply.code(201).send(body)
    },
  )

  app.get('/api/time', async () => ({ now: Date.now() }))
}
