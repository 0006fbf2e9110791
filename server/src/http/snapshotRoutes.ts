/**
 * Snapshot routes (server/SPEC.md H1, H2):
 * - `POST /api/boards/:id/snapshots` `{ label }`: takes one (facilitator or delegate) -> 201 with its metadata;
 * - `GET /api/boards/:id/snapshots`: `{ snapshots: [...] }`, oldest first (any link of the board);
 * - `GET /api/boards/:id/snapshots/:sid`: `{ snapshot, document }` where `document` is the board as a
 *   `circleboard-board` JSON document (docs/export-formats.md), or with `?format=yjs` the stored Yjs update
 *   as `application/octet-stream`, which the client opens read-only as a Y.Doc and restores from with
 *   `replaceBoard` (a new, undoable change: the server has no restore endpoint).
 */
import type { FastifyInstance } from 'fastify'
import type { Services } from './services.js'
import { boardFor } from './boardAccess.js'
import { badRequest, notFound } from './errors.js'
import { SNAPSHOT_ID_PATTERN, snapshotJson } from '../snapshots/Snapshots.js'

/** Registers the snapshot routes. */
export async function snapshotRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, store, snapshots, exports } = services
  const rateLimit = { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' }

  app.post<{ Params: { id: string }; Body: { label: string } }>(
    '/api/boards/:id/snapshots',
    {
      config: { rateLimit },
      schema: {
        body: {
          type: 'object',
          required: ['label'],
          additionalProperties: false,
          properties: { label: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply) => {
      const { claims } = await boardFor(services, req, req.params.id, 'facilitate')
      const label = req.body.label.trim()
      if (label === '') throw badRequest('the label is empty')
      const session = await services.sync.sessions.peek(req.params.id)
      const meta = await snapshots.take(req.params.id, {
        label,
        by: claims,
        ...(session.meeting ? { meeting: session.meeting.number } : {}),
      })
      return reply.code(201).send(snapshotJson(meta))
    },
  )

  app.get<{ Params: { id: string } }>('/api/boards/:id/snapshots', { config: { rateLimit } }, async (req) => {
    await boardFor(services, req, req.params.id, 'read')
    return { snapshots: (await store.listSnapshots(req.params.id)).map(snapshotJson) }
  })

  app.get<{ Params: { id: string; sid: string }; Querystring: { format?: string } }>(
    '/api/boards/:id/snapshots/:sid',
    {
      config: { rateLimit },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: ['json', 'yjs'] } },
        },
      },
    },
    async (req, reply) => {
      const { board } = await boardFor(services, req, req.params.id, 'read')
      if (!SNAPSHOT_ID_PATTERN.test(req.params.sid)) throw notFound('no such snapshot')
      const snapshot = await store.getSnapshot(req.params.id, req.params.sid)
      if (!snapshot) throw notFound('no such snapshot')
      reply.header('cache-control', 'private, no-store')
      if (req.query.format === 'yjs') {
        return reply.type('application/octet-stream').send(Buffer.from(snapshot.state))
      }
      const info = snapshotJson(snapshot.meta)
      const body = await exports.export(
        {
          format: 'json',
          board: { state: snapshot.state, updates: [] },
          lang: board.settings.language ?? 'en',
          paper: 'A4',
          snapshot: { id: info.id, label: info.label, takenAt: info.createdAt, meeting: info.meeting },
          generatedAt: Date.now(),
          pseudonymise: false,
        },
        async () => null,
      )
      const chunks: Buffer[] = []
      for await (const chunk of body) chunks.push(chunk as Buffer)
      // The document is spliced in as it is, rather than parsed and written again on the event loop.
      const text = `{"snapshot":${JSON.stringify(info)},"document":${Buffer.concat(chunks).toString('utf8')}}`
      return reply.type('application/json; charset=utf-8').send(text)
    },
  )
}
