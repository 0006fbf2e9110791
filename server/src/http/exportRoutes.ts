/**
 * `GET /api/boards/:id/export?format=<f>[&snapshot=<sid>][&lang=en|sv][&paper=A4|A3]` (server/SPEC.md H5,
 * H6): the board as it is now, or a snapshot of it, in one of the formats of docs/export-formats.md, as a
 * download (`Content-Disposition: attachment`). For the facilitator link or a delegate, with the token as
 * `Authorization: Bearer` (the client downloads with fetch and saves the blob: a token never goes into a
 * URL). The work is done by the export worker; the body streams as the worker produces it.
 */
import type { FastifyInstance } from 'fastify'
import { ErrorCode, type Language, type SnapshotInfo } from '@circleboard/shared'
import type { Services } from './services.js'
import { boardFor, storedBoard } from './boardAccess.js'
import { HttpError, notFound } from './errors.js'
import { attachment, downloadName } from './download.js'
import { EXPORT_FORMATS, FORMAT_FILES, isExportFormat, type StoredBoard } from '../export/exportTypes.js'
import { SNAPSHOT_ID_PATTERN } from '../snapshots/Snapshots.js'
import { AuditEvent } from '../audit/AuditLog.js'

interface ExportQuery {
  format?: string
  snapshot?: string
  lang?: 'en' | 'sv'
  paper?: 'A4' | 'A3'
}

/** Registers the export route. */
export async function exportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, store, exports, audit } = services

  app.get<{ Params: { id: string }; Querystring: ExportQuery }>(
    '/api/boards/:id/export',
    {
      config: { rateLimit: { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' } },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: { type: 'string', maxLength: 20 },
            snapshot: { type: 'string', maxLength: 64 },
            lang: { type: 'string', enum: ['en', 'sv'] },
            paper: { type: 'string', enum: ['A4', 'A3'] },
          },
        },
      },
    },
    async (req, reply) => {
      const { claims, board } = await boardFor(services, req, req.params.id, 'facilitate')
      const format = req.query.format
      if (!isExportFormat(format)) {
        // The list of formats goes with the error, so a script can tell what it may ask for.
        const message = `unknown format ${JSON.stringify(format ?? '')}; one of: ${EXPORT_FORMATS.join(', ')}`
        return reply
          .code(400)
          .send({ error: { code: ErrorCode.BadRequest, message }, formats: EXPORT_FORMATS })
      }
      const boardId = req.params.id
      let source: StoredBoard
      let snapshot: SnapshotInfo | null = null
      let date = new Date()
      if (req.query.snapshot !== undefined) {
        const sid = req.query.snapshot
        const found = SNAPSHOT_ID_PATTERN.test(sid) ? await store.getSnapshot(boardId, sid) : null
        if (!found) throw notFound('no such snapshot')
        source = { state: found.state, updates: [] }
        date = new Date(found.meta.createdAt)
        snapshot = {
          id: found.meta.id,
          label: found.meta.label,
          takenAt: date.toISOString(),
          meeting: found.meta.meeting,
        }
      } else {
        source = await storedBoard(services, boardId)
      }
      const lang: Language = req.query.lang ?? board.settings.language ?? 'en'
      let body
      try {
        body = await exports.export(
          {
            format,
            board: source,
            lang,
            paper: req.query.paper ?? 'A4',
            snapshot,
            generatedAt: Date.now(),
            pseudonymise: true,
          },
          async (meeting) => {
            // [H5] "What changed": the newest snapshot of the previous meeting (the list is oldest first).
            const of = (await store.listSnapshots(boardId)).filter((s) => s.meeting === meeting)
            const newest = of[of.length - 1]
            return newest ? ((await store.getSnapshot(boardId, newest.id))?.state ?? null) : null
          },
        )
      } catch (err) {
        req.log.error({ err, board: boardId, format }, 'export failed')
        throw new HttpError(500, ErrorCode.Internal, 'the export could not be made')
      }
      audit.record(boardId, AuditEvent.exported, claims, { format, snapshot: snapshot?.id ?? null })
      const file = FORMAT_FILES[format]
      reply
        .header('content-disposition', attachment(downloadName(board.title, date, file.suffix)))
        .header('cache-control', 'private, no-store')
        .type(file.type)
      if (format === 'zip') return reply.send(body)
      // One piece: sent whole, with a Content-Length the client's progress bar can use.
      const chunks: Buffer[] = []
      for await (const chunk of body) chunks.push(chunk as Buffer)
      return reply.send(Buffer.concat(chunks))
    },
  )
}
