/**
 * Operations routes: `GET /healthz` (the store answers, the server is not shutting down),
 * `GET /metrics` (Prometheus text), `GET /api/config` (what the start page needs to know).
 */
import type { FastifyInstance } from 'fastify'
import { ErrorCode } from '@circleboard/shared'
import type { Services } from './services.js'
import { errorBody } from './errors.js'

/** Public server facts for the client. */
export interface PublicConfig {
  readonly serverKeyRequired: boolean
  readonly maxPayloadBytes: number
}

/** Registers /healthz, /metrics and /api/config. */
export async function opsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/healthz', async (_req, reply) => {
    try {
      await services.store.check()
      return { status: 'ok', rooms: services.sync.rooms.size, connections: services.sync.connectionCount }
    } catch {
      return reply.code(503).send(errorBody(ErrorCode.Unavailable, 'the store does not answer'))
    }
  })

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', services.metrics.registry.contentType)
    return services.metrics.registry.metrics()
  })

  app.get('/api/config', async (): Promise<PublicConfig> => ({
    serverKeyRequired: services.config.serverKey !== null,
    maxPayloadBytes: services.config.limits.maxPayloadBytes,
  }))
}
