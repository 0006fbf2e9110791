/**
 * The REST API with `inject`, web security, observability, and what the logs may not hold.
 */
import { PassThrough } from 'node:stream'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { peekToken, type CreateBoardResponse } from '@circleboard/shared'
import { buildServer, makeConfig, type Limits, type ServerConfig } from '../../src/index.js'
import { connect, destroyAll, startServer, synced } from '../helpers.js'

const apps: FastifyInstance[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()))
})

function app(
  config: Partial<Omit<ServerConfig, 'limits'>> = {},
  limits: Partial<Limits> = {},
): FastifyInstance {
  const a = buildServer(
    makeConfig({
      dataDir: mkdtempSync(join(tmpdir(), 'circleboard-rest-')),
      logLevel: 'silent',
      store: 'memory',
      ...config,
      limits,
    }),
  )
  apps.push(a)
  return a
}

async function create(a: FastifyInstance, body: unknown, headers: Record<string, string> = {}) {
  return a.inject({ method: 'POST', url: '/api/boards', payload: body as object, headers })
}

describe('POST /api/boards', () => {
  it('creates a board with three capability links, tokens in the fragment', async () => {
    const a = app()
    const res = await create(a, { title: '  Forskningscirkel om unga vuxna  ', template: 'blank' })
    expect(res.statusCode).toBe(201)
    const body = res.json<CreateBoardResponse>()
    expect(body.title).toBe('Forskningscirkel om unga vuxna')
    expect(body.id).toMatch(/^[a-z0-9]{12}$/)
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const link = body.links[role]
      expect(link).toMatch(new RegExp(`^/b/${body.id}#t=[A-Za-z0-9_-]+$`))
      const claims = peekToken(link.split('#t=')[1] as string)
      expect(claims).toEqual({ boardId: body.id, role, expiresAt: 0, personId: null })
    }
    expect(new Set(Object.values(body.links)).size).toBe(3)
  })

  it('links can expire', async () => {
    const a = app({ linkTtlSeconds: 3600 })
    const body = (await create(a, { title: 'Expiring' })).json<CreateBoardResponse>()
    const claims = peekToken(body.links.participant.split('#t=')[1] as string)
    expect(claims?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3500)
  })

  it.each([
    [{}, /title/],
    [{ title: '' }, /title/],
    [{ title: '   ' }, /empty/],
    [{ title: 'x'.repeat(201) }, /title/],
    [{ title: 'ok', template: 'no-such-template' }, /unknown template/],
    [{ title: 'ok', extra: 1 }, /additional/],
    [{ title: 42 }, /title/],
  ])('refuses %j with 400 and a clear message', async (body, message) => {
    const res = await create(app(), body)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      error: { code: 'BOARD_ERR_BAD_REQUEST', message: expect.stringMatching(message) },
    })
  })

  it('refuses a body that is not JSON', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/api/boards',
      payload: '{"title": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('BOARD_ERR_BAD_REQUEST')
  })

  it('asks for the server key when one is configured', async () => {
    const a = app({ serverKey: 'correct horse battery staple' })
    expect((await a.inject({ url: '/api/config' })).json()).toMatchObject({ serverKeyRequired: true })
    const without = await create(a, { title: 'x' })
    expect(without.statusCode).toBe(401)
    expect(without.json().error.message).toMatch(/server key/)
    expect((await create(a, { title: 'x' }, { authorization: 'Bearer wrong' })).statusCode).toBe(401)
    expect((await create(a, { title: 'x' }, { authorization: 'Bearer correct%20horse' })).statusCode).toBe(
      401,
    )
    const ok = await create(a, { title: 'x' }, { authorization: 'Bearer correct horse battery staple' })
    expect(ok.statusCode).toBe(201)
  })

  it('rate-limits board creation with 429 and a stable code', async () => {
    const a = app({}, { boardsPerMinute: 2 })
    expect((await create(a, { title: '1' })).statusCode).toBe(201)
    expect((await create(a, { title: '2' })).statusCode).toBe(201)
    const third = await create(a, { title: '3' })
    expect(third.statusCode).toBe(429)
    expect(third.json()).toMatchObject({ error: { code: 'BOARD_ERR_RATE_LIMITED' } })
  })
})

describe('GET /api/boards/:id', () => {
  it('answers any token of the board with its record and the role', async () => {
    const a = app()
    const board = (await create(a, { title: 'Info' })).json<CreateBoardResponse>()
    const token = board.links.viewer.split('#t=')[1]
    const res = await a.inject({
      url: `/api/boards/${board.id}`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: board.id, title: 'Info', role: 'viewer' })
  })

  it('refuses missing, foreign and malformed tokens', async () => {
    const a = app()
    const board = (await create(a, { title: 'Info' })).json<CreateBoardResponse>()
    const other = (await create(a, { title: 'Other' })).json<CreateBoardResponse>()
    expect((await a.inject({ url: `/api/boards/${board.id}` })).statusCode).toBe(401)
    const foreign = other.links.facilitator.split('#t=')[1]
    const res = await a.inject({
      url: `/api/boards/${board.id}`,
      headers: { authorization: `Bearer ${foreign}` },
    })
    expect(res.statusCode).toBe(403)
    expect((await a.inject({ url: '/api/boards/NOT-AN-ID' })).statusCode).toBe(404)
  })
})

describe('web security', () => {
  it('sends a strict CSP that allows the app to connect to its own websocket', async () => {
    const res = await app().inject({ url: '/healthz' })
    const csp = res.headers['content-security-policy'] as string
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app().inject({ url: '/api/nothing?token=abc' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('BOARD_ERR_NOT_FOUND')
    expect(res.body).not.toContain('token=abc')
  })
})

describe('observability', () => {
  it('/healthz reports ok; /metrics speaks Prometheus text with our series', async () => {
    const a = app()
    expect((await a.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok' })
    await create(a, { title: 'counted' })
    const metrics = await a.inject({ url: '/metrics' })
    expect(metrics.headers['content-type']).toMatch(/text\/plain/)
    for (const name of [
      'circleboard_rooms',
      'circleboard_connections',
      'circleboard_messages_in_total',
      'circleboard_messages_out_total',
      'circleboard_bytes_in_total',
      'circleboard_store_seconds',
      'circleboard_errors_total',
      'circleboard_boards_created_total 1',
      'process_resident_memory_bytes',
    ]) {
      expect(metrics.body).toContain(name)
    }
  })

  it('/healthz says 503 when the store is gone', async () => {
    const a = app()
    await a.ready()
    await a.circleboard.store.close()
    const res = await a.inject({ url: '/healthz' })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('BOARD_ERR_UNAVAILABLE')
  })

  it('logs neither tokens nor document content', async () => {
    const lines: string[] = []
    const stream = new PassThrough()
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()))
    const server = await startServer({ config: { logLevel: 'debug' }, logStream: stream })
    const board = await server.createBoard('Secret title 7731')
    const p = connect(server, board.id, board.tokens.participant)
    await synced(p)
    p.doc.getMap('elements').set('x', 'Personal detail 4412')
    await server.app.inject({
      url: `/api/boards/${board.id}`,
      headers: { authorization: `Bearer ${board.tokens.viewer}` },
    })
    await server.app.inject({ url: `/api/nothing?token=${board.tokens.facilitator}` })
    destroyAll(p)
    await server.close(true)
    const log = lines.join('')
    expect(log).toContain(`/ws/${board.id}`)
    for (const secret of [...Object.values(board.tokens), 'Secret title 7731', 'Personal detail 4412']) {
      expect(log).not.toContain(secret)
    }
  })
})
