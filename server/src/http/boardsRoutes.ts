/**
 * Board routes: `POST /api/boards` creates a board and returns its three capability links;
 * `GET /api/boards/:id` returns its record and settings to any holder of one of its tokens.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import {
  applyTemplate,
  boardLink,
  isBoardId,
  isTemplateName,
  newBoardUpdate,
  Origin,
  ROLES,
  TEMPLATE_NAMES,
  LANGUAGES,
  type Language,
  type BoardInfo,
  type CreateBoardRequest,
  type CreateBoardResponse,
  type Role,
} from '@circleboard/shared'
import type { Services } from './services.js'
import { bearer, requireBoardToken, serverKeyMatches } from './auth.js'
import { badRequest, notFound, unauthorized } from './errors.js'
import { DEFAULT_BOARD_SETTINGS } from '../storage/DocStore.js'
import { AuditEvent } from '../audit/AuditLog.js'
import { settingsJson, type BoardSettingsJson } from './settingsJson.js'

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** A new random board id (12 characters, about 62 bits). */
export function newBoardId(): string {
  const bytes = randomBytes(12)
  let id = ''
  // 36 does not divide 256: the bias (256 % 36 = 4 values) is negligible for an identifier.
  for (const b of bytes) id += ID_ALPHABET[b % 36]
  return id
}

/** What a new board is made of. */
export interface NewBoardRecord {
  readonly title: string
  readonly template: string | null
  readonly language: Language | null
  /** The board document's first update. */
  readonly seed: Uint8Array
  /** Unix ms. */
  readonly createdAt: number
  /** Made by an import (recorded in the audit log). */
  readonly imported: boolean
}

/** Stores a new board (its document first, then its record) and returns its three capability links. */
export async function createBoardRecord(
  services: Services,
  input: NewBoardRecord,
): Promise<CreateBoardResponse> {
  const { config, store, signer, metrics, audit } = services
  const id = newBoardId()
  // The document is stored before the board exists, so no client can ever see it empty and seed it.
  await store.append(id, [input.seed])
  await store.createBoard({
    id,
    title: input.title,
    template: input.template,
    createdAt: input.createdAt,
    settings: { ...DEFAULT_BOARD_SETTINGS, language: input.language },
    expiresAt: null,
  })
  metrics.boardsCreated.inc()
  audit.record(id, AuditEvent.created, null, { template: input.template, imported: input.imported })
  const expiresAt = config.linkTtlSeconds > 0 ? Math.floor(input.createdAt / 1000) + config.linkTtlSeconds : 0
  const links = Object.fromEntries(
    ROLES.map((role) => [role, boardLink(id, signer.sign({ boardId: id, role, expiresAt, personId: null }))]),
  ) as Record<Role, string>
  return {
    id,
    title: input.title,
    template: input.template,
    createdAt: new Date(input.createdAt).toISOString(),
    links,
  }
}

/** `GET /api/boards/:id`: the shared `BoardInfo` and the board's settings (server/SPEC.md P3, R1). */
export interface BoardInfoWithSettings extends BoardInfo {
  readonly settings: BoardSettingsJson
}

/** Registers the board routes. */
export async function boardsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { config, signer } = services

  app.post<{ Body: CreateBoardRequest }>(
    '/api/boards',
    {
      config: { rateLimit: { max: config.limits.boardsPerMinute, timeWindow: '1 minute' } },
      schema: {
        body: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 200 },
            template: { type: 'string', maxLength: 64 },
            language: { type: 'string', enum: [...LANGUAGES] },
          },
        },
      },
    },
    async (req, reply) => {
      if (config.serverKey !== null && !serverKeyMatches(bearer(req), config.serverKey)) {
        throw unauthorized('this server asks for its server key to create boards')
      }
      const title = req.body.title.trim()
      if (title.length === 0) throw badRequest('the title is empty')
      const template = req.body.template ?? null
      if (template !== null && !isTemplateName(template)) {
        throw badRequest(`unknown template '${template}'; known: ${TEMPLATE_NAMES.join(', ')}`)
      }
      const lang: Language = req.body.language ?? 'en'
      const createdAt = Date.now()
      const seed = newBoardUpdate(
        { title, template, createdAt: new Date(createdAt).toISOString() },
        (doc) => {
          if (template !== null && template !== 'blank') {
            applyTemplate(doc, template, lang, { personId: null, meeting: null, origin: Origin.server })
          }
        },
      )
      const body = await createBoardRecord(services, {
        title,
        template,
        language: req.body.language ?? null,
        seed,
        createdAt,
        imported: false,
      })
      return reply.code(201).send(body)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id',
    { config: { rateLimit: { max: config.limits.apiRequestsPerMinute, timeWindow: '1 minute' } } },
    async (req) => {
      if (!isBoardId(req.params.id)) throw notFound('no such board')
      const claims = requireBoardToken(signer, req, req.params.id)
      const board = await services.store.getBoard(req.params.id)
      if (!board) throw notFound('this board does not exist (it may have been deleted)')
      const info: BoardInfoWithSettings = {
        id: board.id,
        title: board.title,
        template: board.template,
        createdAt: new Date(board.createdAt).toISOString(),
        role: claims.role,
        settings: settingsJson(board),
      }
      return info
    },
  )
}
