/**
 * The relay runs as plain JavaScript: started through tsx's loader it would carry tsx and esbuild in its
 * memory (about 30 MB of RSS that a relay does not have), which would make the baseline look fat. So
 * `relayServer.ts` is transpiled once per bench run with TypeScript (a root devDependency) into a temp
 * dir, its `ws` import pointed at the `ws` this package resolves.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '../lib/processes.js'

let built: string | null = null

/** Path of the runnable relay (built on first use, deleted when the runner exits). */
export async function relayScript(repoRoot: string): Promise<string> {
  if (built) return built
  const ts = (await import('typescript')).default
  const source = readFileSync(join(repoRoot, 'tests/bench/relayServer.ts'), 'utf8')
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText
  const wsUrl = import.meta.resolve('ws')
  const linked = js.replace(/from ['"]ws['"]/, `from ${JSON.stringify(wsUrl)}`)
  if (linked === js) throw new Error('relayServer.ts: no import from ws to link')
  const file = join(makeTempDir('relay'), 'relayServer.mjs')
  writeFileSync(file, linked)
  built = file
  return file
}
