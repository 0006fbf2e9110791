/**
 * Board imports of the `json` export (server/SPEC.md H7, H8). The body is the `circleboard-board` file
 * itself (`Content-Type: application/json`), up to `MAX_IMPORT_BYTES`:
 * - `POST /api/boards/import[?title=...]`: a new board made from the file; the same rules as creating a
 *   board (the server key when one is set) and the same answer as `POST /api/boards` (201, three links);
 * - `POST /api/boards/:id/import?mode=merge`: the file's records added to the board as one change with
 *   origin `import` (facilitator or delegate); 200 with what was added.
 * A file the importer refuses gets 400 with its first 50 problems (`{ code, path, message }`, `path` a
 * JSONPath) in `errors`, and their number in `total`.
 * Parsing and building the update run in the export worker.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import * as Y from 'yjs'
import { ErrorCode, Origin, type CreateBoardResponse } from '@circleboard/shared'
import type { Services } from './services.js'
import { bearer, serverKeyMatches } from './auth.js'
import { boardFor, storedBoard } from './boardAccess.js'
import { badRequest, HttpError, unauthorized } from './errors.js'
import { createBoardRecord } from './boardsRoutes.js'
import type { ImportDone, ImportRefused } from '../export/exportTypes.js'
import { AuditEvent } from '../audit/AuditLog.js'

/** What a merge answers. */
export interface MergeResponse {
  readonly elements: number
  readonly links: number
  readonly comments: number
  /** Records that got new ids because the board used theirs. */
  readonly renamed: number
  /** Identity numbers taken out of the file's texts. */
  readonly removedIdentityNumbers: number
}

function refused(reply: FastifyReply, result: ImportRefused): FastifyReply {
  const more = result.total > result.errors.length ? ` (the first ${result.errors.length} are listed)` : ''
  return reply.code(400).send({
    error: {
      code: ErrorCode.BadRequest,
      message: `the file cannot be imported: ${result.total} problem${result.total === 1 ? '' : 's'}${more}; the first: ${result.errors[0]?.message ?? ''}`,
    },
    errors: result.errors,
    total: result.total,
  })
}

/** Registers the import routes, in a context of their own that reads JSON bodies as text. */
export async function importRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, exports, audit, sync } = services
  const bodyLimit = config.limits.maxImportBytes
  // The importer reads the text itself (every problem with its JSONPath, a byte order mark accepted).
  app.removeContentTypeParser(['application/json', 'text/plain'])
  app.addContentTypeParser(
    ['application/json', 'text/plain'],
    { parseAs: 'string', bodyLimit },
    (_req, body, done) => done(null, body),
  )

  const run = async (request: Parameters<typeof exports.import>[0]): Promise<ImportDone | ImportRefused> => {
    try {
      return await exports.import(request)
    } catch (err) {
      app.log.error({ err }, 'import failed')
      throw new HttpError(500, ErrorCode.Internal, 'the import could not be made')
    }
  }
  const text = (body: unknown): string => {
    if (typeof body !== 'string' || body.length === 0)
      throw badRequest('send the circleboard-board JSON file as the body')
    return body
  }

  app.post<{ Querystring: { title?: string } }>(
    '/api/boards/import',
    {
      bodyLimit,
      config: { rateLimit: { max: config.limits.boardsPerMinute, timeWindow: '1 minute' } },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { title: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply) => {
      if (config.serverKey !== null && !serverKeyMatches(bearer(req), config.serverKey)) {
        throw unauthorized('this server asks for its server key to create boards')
      }
      const title = req.query.title?.trim()
      if (title === '') throw badRequest('the title is empty')
      const createdAt = Date.now()
      const result = await run({
        mode: 'new',
        text: text(req.body),
        current: null,
        title: title ?? null,
        createdAt: new Date(createdAt).toISOString(),
      })
      if (!result.ok) return refused(reply, result)
      const body: CreateBoardResponse = await createBoardRecord(services, {
        title: result.title.slice(0, 200) || 'Imported board',
        template: result.template,
        language: null,
        seed: result.update,
        createdAt,
        imported: true,
      })
      return reply.code(201).send(body)
    },
  )

  app.post<{ Params: { id: string }; Querystring: { mode?: 'merge' } }>(
    '/api/boards/:id/import',
    {
      bodyLimit,
      config: { rateLimit: { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' } },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { mode: { type: 'string', enum: ['merge'] } },
        },
      },
    },
    async (req, reply) => {
      const { claims } = await boardFor(services, req, req.params.id, 'facilitate')
      const boardId = req.params.id
      const result = await run({
        mode: 'merge',
        text: text(req.body),
        current: await storedBoard(services, boardId),
        title: null,
        createdAt: new Date().toISOString(),
      })
      if (!result.ok) return refused(reply, result)
      const room = await sync.rooms.hold(boardId)
      try {
        // One change with origin `import`, stored and sent to everyone like any other.
        room.change((doc) => Y.applyUpdate(doc, result.update, Origin.import), Origin.import)
        await room.settle()
      } finally {
        sync.rooms.unhold(room)
      }
      audit.record(boardId, AuditEvent.imported, claims, {
        mode: 'merge',
        elements: result.elements,
        links: result.links,
      })
      const body: MergeResponse = {
        elements: result.elements,
        links: result.links,
        comments: result.comments,
        renamed: result.renamed,
        removedIdentityNumbers: result.removedIdentityNumbers,
      }
      return reply.code(200).send(body)
    },
  )
}
