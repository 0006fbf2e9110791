/**
 * Starts a worker thread on a module beside the caller: the compiled `.js` in a build, or the TypeScript
 * source when the server itself runs from sources (tests, `tsx watch`). Node 20 workers do not take
 * `--import` loaders, so from sources the worker loads its module through tsx's API (a devDependency of
 * this package), with the `source` export condition so that `@circleboard/shared` resolves to its sources
 * as it does for the server (vitest's alias, `tsx --conditions=source`), not to a possibly stale build.
 */
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * A worker running `name` (without extension) from the directory of `callerUrl` (the caller's
 * `import.meta.url`), with `workerData`.
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData })
  const tsxDir = dirname(createRequire(callerUrl).resolve('tsx/package.json'))
  const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const entry = new URL(`./${name}.ts`, callerUrl).href
  const code = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(callerUrl)}))`
  return new Worker(code, { eval: true, workerData, execArgv: ['--conditions=source'] })
}
