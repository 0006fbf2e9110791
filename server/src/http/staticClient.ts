/**
 * Serves the built client: hashed assets with a year of caching, `index.html` without caching at `/` and
 * at every board path `/b/<id>` (the token is in the fragment, which never reaches the server).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/** Registers the client routes, or a plain notice when the client has not been built. */
export async function staticClient(app: FastifyInstance, clientDir: string | null): Promise<void> {
  if (clientDir === null || !existsSync(join(clientDir, 'index.html'))) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('circleboard server is running, but the web client is not built: run `pnpm build`.\n'),
    )
    return
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    index: 'index.html',
    wildcard: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  app.get('/b/:id', async (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'))
}
