/**
 * The built client as the server serves it: the page at `/` and at board paths, hashed assets cached for
 * a year, and the Brotli or gzip copy the build wrote when the browser accepts it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildServer, makeConfig } from '../../src/index.js'

const INDEX = '<!doctype html><title>circleboard</title><script type="module" src="/assets/app.js"></script>'
const SCRIPT = `export const board = ${JSON.stringify('x'.repeat(4000))}\n`

let app: FastifyInstance

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'circleboard-client-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), INDEX)
  writeFileSync(join(dir, 'assets/app.js'), SCRIPT)
  writeFileSync(join(dir, 'assets/app.js.br'), brotliCompressSync(SCRIPT))
  writeFileSync(join(dir, 'assets/app.js.gz'), gzipSync(SCRIPT))
  writeFileSync(join(dir, 'assets/plain.js'), 'export {}\n')
  app = buildServer(
    makeConfig({
      dataDir: mkdtempSync(join(tmpdir(), 'circleboard-static-')),
      logLevel: 'silent',
      store: 'memory',
      clientDir: dir,
    }),
  )
  await app.ready()
})
afterAll(async () => {
  await app?.close()
})

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } })

describe('the built client', () => {
  it('serves the page at / and at board paths, never cached', async () => {
    for (const url of ['/', '/b/abc123']) {
      const res = await get(url, 'gzip, deflate, br')
      expect(res.statusCode, url).toBe(200)
      expect(res.body).toBe(INDEX)
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(res.headers['content-type']).toMatch(/^text\/html/)
    }
  })

  it('sends the Brotli copy to a browser that accepts it, gzip to one that accepts only gzip', async () => {
    const br = await get('/assets/app.js', 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)

    const gz = await get('/assets/app.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT)
  })

  it('sends the file itself without an accepted encoding, or when there is no compressed copy', async () => {
    const plain = await get('/assets/app.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(SCRIPT)
    const small = await get('/assets/plain.js', 'br')
    expect(small.statusCode).toBe(200)
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.body).toBe('export {}\n')
  })

  it('answers 404 for an asset that is not there', async () => {
    expect((await get('/assets/missing.js', 'br')).statusCode).toBe(404)
  })
})
