/**
 * `GET /ws/<room>?token=`: the y-websocket endpoint. The origin check runs before the upgrade (a page of
 * another origin gets HTTP 403 and no socket); everything else is decided by SyncServer after it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { ErrorCode } from '@circleboard/shared'
import type { Services } from './services.js'
import { errorBody } from './errors.js'

/**
 * True when a websocket from `origin` may be opened on a server reached as `host`: no Origin header
 * (not a browser), the server's own origin, or one of `allowed`.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true
  if (allowed.includes(origin) || allowed.includes('*')) return true
  try {
    return host !== undefined && new URL(origin).host === host
  } catch {
    return false
  }
}

/** Registers the websocket route. */
export async function websocketRoute(app: FastifyInstance, services: Services): Promise<void> {
  app.get(
    '/ws/*',
    {
      websocket: true,
      preValidation: async (req: FastifyRequest, reply) => {
        if (!originAllowed(req.headers.origin, req.headers.host, services.config.allowedOrigins)) {
          services.metrics.errors.inc({ kind: 'origin' })
          return reply.code(403).send(errorBody(ErrorCode.Forbidden, 'websocket from a foreign origin'))
        }
      },
    },
    (socket, req) => services.sync.accept(socket, req.raw),
  )
}
