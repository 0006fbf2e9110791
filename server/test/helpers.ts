/**
 * Test helpers: a real server on an ephemeral port with its own temporary data directory, real
 * y-websocket providers, and `eventually` (retrying assertions instead of fixed sleeps).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { FastifyInstance } from 'fastify'
import type { CreateBoardResponse, Role } from '@circleboard/shared'
import { buildServer, makeConfig, type BuildOverrides, type Limits, type ServerConfig } from '../src/index.js'

/** A running server for one test. */
export interface TestServer {
  readonly app: FastifyInstance
  readonly config: ServerConfig
  /** `http://127.0.0.1:<port>` */
  readonly http: string
  /** `ws://127.0.0.1:<port>/ws`: the `serverUrl` of a WebsocketProvider. */
  readonly ws: string
  readonly dataDir: string
  createBoard(title?: string, options?: { language?: 'en' | 'sv'; template?: string }): Promise<TestBoard>
  /** Graceful close (as on SIGTERM). Keeps the data directory unless `cleanup` is true. */
  close(cleanup?: boolean): Promise<void>
}

/** A board made through the API, with the token of each role. */
export interface TestBoard extends CreateBoardResponse {
  readonly tokens: Record<Role, string>
}

/** Starts a server on 127.0.0.1, port 0. */
export async function startServer(
  options: {
    dataDir?: string
    limits?: Partial<Limits>
    config?: Partial<Omit<ServerConfig, 'limits'>>
  } & BuildOverrides = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'circleboard-test-'))
  const config = makeConfig({
    dataDir,
    logLevel: 'silent',
    secret: 'test-secret-test-secret-test-secret-0123',
    ...options.config,
    limits: options.limits,
  })
  const app = buildServer(config, { store: options.store, logStream: options.logStream })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no address')
  const http = `http://127.0.0.1:${address.port}`
  return {
    app,
    config,
    http,
    ws: `ws://127.0.0.1:${address.port}/ws`,
    dataDir,
    async createBoard(title = 'Test board', options = {}) {
      const res = await fetch(`${http}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, ...options }),
      })
      if (res.status !== 201) throw new Error(`POST /api/boards -> ${res.status} ${await res.text()}`)
      const body = (await res.json()) as CreateBoardResponse
      const token = (link: string): string => /#t=(.+)$/.exec(link)?.[1] ?? ''
      return {
        ...body,
        tokens: {
          facilitator: token(body.links.facilitator),
          participant: token(body.links.participant),
          viewer: token(body.links.viewer),
        },
      }
    },
    async close(cleanup = false) {
      await app.close()
      if (cleanup) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A real y-websocket provider (3.x) with only what Node needs beyond `params: { token }`. */
export function connect(
  server: { ws: string },
  room: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
  Provider: typeof WebsocketProvider = WebsocketProvider,
): WebsocketProvider {
  return new Provider(server.ws, room, doc, {
    params: { token },
    // Node 20 has no global WebSocket.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel and bypass the server.
    disableBc: true,
  })
}

/** Resolves once `provider` has synced with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs)
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

/** Retries `assertion` until it passes or `timeoutMs` runs out (then rethrows its last failure). */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 10_000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  }
}

/** Destroys providers and their documents. */
export function destroyAll(...providers: WebsocketProvider[]): void {
  for (const p of providers) {
    p.destroy()
    p.doc.destroy()
  }
}
