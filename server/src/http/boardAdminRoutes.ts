/**
 * What decides a board's life, for the facilitator link only (server/SPEC.md P3, R1-R2, A3):
 * - `PATCH /api/boards/:id/settings` `{ identityNumberCheck?, expiresAt?, pseudonymous? }` -> the settings;
 * - `DELETE /api/boards/:id` -> 204: the board and everything about it, at once;
 * - `GET /api/boards/:id/audit[?limit=]` -> `{ entries }`, newest first.
 */
import type { FastifyInstance } from 'fastify'
import { DocName, Origin, setPseudonymous } from '@circleboard/shared'
import type { Services } from './services.js'
import { boardFor } from './boardAccess.js'
import { badRequest, notFound } from './errors.js'
import { settingsJson, type BoardSettingsJson } from './settingsJson.js'
import { AuditEvent } from '../audit/AuditLog.js'
import { documentTargets, repair } from '../privacy/identityGuard.js'
import type { AuditEntry } from '../storage/DocStore.js'

interface SettingsPatch {
  identityNumberCheck?: boolean
  expiresAt?: string | null
  pseudonymous?: boolean
}

/** An audit entry as the REST API shows it. */
export interface AuditEntryJson {
  /** ISO 8601. */
  readonly at: string
  readonly event: string
  readonly role: string | null
  /** A pseudonymous person id, never a name. */
  readonly person: string | null
  readonly detail: AuditEntry['detail']
}

/** Registers the settings, deletion and audit routes. */
export async function boardAdminRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, store, sync, guard, audit, deletion } = services
  const rateLimit = { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' }

  app.patch<{ Params: { id: string }; Body: SettingsPatch }>(
    '/api/boards/:id/settings',
    {
      config: { rateLimit },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            identityNumberCheck: { type: 'boolean' },
            expiresAt: { type: ['string', 'null'], maxLength: 40 },
            pseudonymous: { type: 'boolean' },
          },
        },
      },
    },
    async (req): Promise<BoardSettingsJson> => {
      const { claims, board } = await boardFor(services, req, req.params.id, 'own')
      const boardId = board.id
      const patch = req.body
      let expiresAt: number | null | undefined
      if (patch.expiresAt !== undefined) {
        expiresAt = patch.expiresAt === null ? null : Date.parse(patch.expiresAt)
        if (
          expiresAt !== null &&
          (!/^\d{4}-\d{2}-\d{2}/.test(patch.expiresAt as string) || Number.isNaN(expiresAt))
        )
          throw badRequest('expiresAt must be an ISO 8601 date (2026-06-30 or 2026-06-30T12:00:00Z) or null')
        // A date in the past would delete the board at the next sweep: surely a mistake.
        if (expiresAt !== null && expiresAt <= Date.now()) throw badRequest('expiresAt must be in the future')
      }
      const settings =
        patch.identityNumberCheck === undefined
          ? undefined
          : { ...board.settings, identityNumberCheck: patch.identityNumberCheck }
      if (
        !(await store.updateBoard(boardId, {
          ...(settings ? { settings } : {}),
          ...(expiresAt !== undefined ? { expiresAt } : {}),
        }))
      )
        throw notFound('this board does not exist (it may have been deleted)')
      if (settings) guard.setEnabled(boardId, settings.identityNumberCheck)
      if (settings?.identityNumberCheck === true && !board.settings.identityNumberCheck) {
        await removeExistingNumbers(services, boardId)
      }
      if (patch.pseudonymous !== undefined) {
        const room = await sync.rooms.hold(boardId)
        try {
          const value = patch.pseudonymous
          room.change((doc) =>
            setPseudonymous(doc, value, { personId: claims.personId, meeting: null, origin: Origin.server }),
          )
          await room.settle()
        } finally {
          sync.rooms.unhold(room)
        }
      }
      audit.record(boardId, AuditEvent.settings, claims, {
        ...(patch.identityNumberCheck !== undefined
          ? { identityNumberCheck: patch.identityNumberCheck }
          : {}),
        ...(expiresAt !== undefined
          ? { expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() }
          : {}),
        ...(patch.pseudonymous !== undefined ? { pseudonymous: patch.pseudonymous } : {}),
      })
      const updated = await store.getBoard(boardId)
      if (!updated) throw notFound('this board does not exist (it may have been deleted)')
      return settingsJson(updated)
    },
  )

  app.delete<{ Params: { id: string } }>('/api/boards/:id', { config: { rateLimit } }, async (req, reply) => {
    const { board } = await boardFor(services, req, req.params.id, 'own')
    if (!(await deletion.delete(board.id, 'request'))) throw notFound('this board does not exist')
    return reply.code(204).send()
  })

  app.get<{ Params: { id: string }; Querystring: { limit?: string } }>(
    '/api/boards/:id/audit',
    {
      config: { rateLimit },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          // Query strings are not coerced (buildServer's ajv options): a number is read from the text.
          properties: { limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' } },
        },
      },
    },
    async (req) => {
      const { board } = await boardFor(services, req, req.params.id, 'own')
      await audit.settled()
      const entries: AuditEntryJson[] = (await audit.list(board.id, Number(req.query.limit ?? 500))).map(
        (e) => ({
          at: new Date(e.at).toISOString(),
          event: e.event,
          role: e.role,
          person: e.person,
          detail: e.detail,
        }),
      )
      return { entries }
    },
  )
}

/**
 * [P3] The check was turned back on: identity numbers already in the board document are removed like
 * new ones would be, and the log is compacted so that it does not keep them either.
 */
async function removeExistingNumbers(services: Services, boardId: string): Promise<void> {
  const room = await services.sync.rooms.hold(boardId)
  try {
    const targets = documentTargets(room.doc, Object.values(DocName))
    if (targets.length === 0) return
    room.change(() => repair(targets))
    await room.settle()
    room.requestCompaction()
  } finally {
    services.sync.rooms.unhold(room)
  }
}
