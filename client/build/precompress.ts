/**
 * Writes a gzip and a Brotli copy beside every text file of the build (`app.js` -> `app.js.gz`,
 * `app.js.br`), which the server sends to browsers that accept them (@fastify/static `preCompressed`).
 * Compressing once at build time at the highest levels costs the server nothing per request and puts
 * about a quarter of the bytes on the meeting room's network (docs/client.md, "What loads later").
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Files worth compressing: text the browser fetches. Source maps and the build manifest are not fetched. */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/
/** Below this a compressed copy saves less than its own overhead. */
const MIN_BYTES = 1024

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== '.vite') yield* files(path)
    } else if (TEXT.test(entry.name) && statSync(path).size >= MIN_BYTES) {
      yield path
    }
  }
}

/** The Vite plugin: runs once the build has written its files. */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'circleboard-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const path of files(outDir)) {
        const data = readFileSync(path)
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }))
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        )
      }
    },
  }
}
