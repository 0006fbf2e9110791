#!/usr/bin/env node
// Dependency rules of the workspace (CONVENTIONS.md habit 1), checked with the tests:
// - client -> shared, server -> shared, tests -> anything; never shared -> client|server, never client <-> server;
// - shared imports nothing from Node (no `node:` or builtin modules) and no server framework;
// - a package is entered only through an entry its package.json declares (`@circleboard/x`, or a subpath in
//   its `exports` such as `@circleboard/server/testing`; never `@circleboard/x/src/...`),
//   and no relative import leaves its package;
// - no `export *` in a package's public entry;
// - no import cycles between modules of one package.
// Exits 1 and lists every violation.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, dirname, resolve, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const packages = {
  shared: { dirs: ['shared/src', 'shared/test'], may: [] },
  server: { dirs: ['server/src', 'server/test'], may: ['shared'] },
  client: { dirs: ['client/src'], may: ['shared'] },
  tests: { dirs: ['tests'], may: ['shared', 'server', 'client'] },
}
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const forbiddenInShared = [/^fastify/, /^@fastify\//, /^react/, /^konva/, /^ws$/, /^better-sqlite3$/]

const problems = []
const importRe =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function walk(dir, out) {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

/** Whether package `pkg` declares `subpath` ('/testing') as an entry in its package.json `exports`. */
function declaredEntry(pkg, subpath) {
  const manifest = join(root, pkg, 'package.json')
  if (!existsSync(manifest)) return false
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports ?? {}
  return typeof exports === 'object' && `.${subpath}` in exports
}

function resolveRelative(from, spec) {
  const base = resolve(dirname(from), spec)
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base + '.ts',
    base + '.tsx',
    join(base, 'index.ts'),
  ]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile())
}

for (const [pkg, { dirs, may }] of Object.entries(packages)) {
  const files = dirs.flatMap((d) => walk(join(root, d), []))
  const graph = new Map()
  const pkgRoot = join(root, pkg) + sep
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const rel = relative(root, file)
    const edges = []
    if (/src[\\/]index\.ts$/.test(rel) && /^export \*/m.test(text)) {
      problems.push(`${rel}: 'export *' in a public entry; name what the package exports`)
    }
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2]
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec)
        if (!target) {
          problems.push(`${rel}: cannot resolve '${spec}'`)
          continue
        }
        if (!target.startsWith(pkgRoot))
          problems.push(`${rel}: relative import '${spec}' leaves package ${pkg}`)
        edges.push(target)
        continue
      }
      const other = /^@circleboard\/([^/]+)(\/.*)?$/.exec(spec)
      if (other) {
        if (other[2] && !declaredEntry(other[1], other[2]))
          problems.push(`${rel}: imports '${spec}'; use the package entry '@circleboard/${other[1]}'`)
        if (!may.includes(other[1])) problems.push(`${rel}: ${pkg} may not import @circleboard/${other[1]}`)
        continue
      }
      if (pkg === 'shared' && /shared[\\/]src/.test(rel)) {
        if (nodeBuiltins.has(spec) || nodeBuiltins.has(spec.split('/')[0])) {
          problems.push(`${rel}: shared imports the Node module '${spec}'`)
        }
        if (forbiddenInShared.some((re) => re.test(spec))) problems.push(`${rel}: shared imports '${spec}'`)
      }
    }
    graph.set(file, edges)
  }
  // Tarjan's strongly connected components: any component of more than one module is a cycle.
  let index = 0
  const stack = []
  const info = new Map()
  const strongConnect = (v) => {
    info.set(v, { index, low: index, onStack: true })
    index++
    stack.push(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!info.has(w)) {
        strongConnect(w)
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low)
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index)
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const component = []
      let w
      do {
        w = stack.pop()
        info.get(w).onStack = false
        component.push(w)
      } while (w !== v)
      if (component.length > 1) {
        problems.push(`import cycle in ${pkg}: ${component.map((f) => relative(root, f)).join(' -> ')}`)
      }
    }
  }
  for (const v of graph.keys()) if (!info.has(v)) strongConnect(v)
}

if (problems.length > 0) {
  console.error(`dependency check: ${problems.length} problem(s)`)
  for (const p of problems) console.error(`  ${p}`)
  process.exit(1)
}
console.log('dependency check: ok')
