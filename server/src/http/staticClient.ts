/**
 * Serves the built client: hashed assets with a year of caching, `index.html` without caching at `/` and
 * at every board path `/b/<id>` (the token is in the fragment, which never reaches the server); Brotli or
 * gzip copies made at build time to browsers that accept them.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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
    // `/` is the route below: with `preCompressed`, the plugin's own index answers 404 when index.html
    // has no compressed copy (it is too small to get one).
    index: false,
    wildcard: false,
    // The client build writes .br and .gz copies of its text files (client/build/precompress.ts).
    preCompressed: true,
    setHeaders(reply, path) {
      // A cache between server and browser must not hand a Brotli copy to a browser that did not ask.
      reply.header('vary', 'accept-encoding')
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  const page = async (_req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> =>
    reply.header('cache-control', 'no-cache').sendFile('index.html')
  app.get('/', page)
  app.get('/b/:id', page)
}
