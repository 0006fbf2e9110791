/**
 * The registry of benchmark suites. A new suite is a module in this folder exporting a `Suite`
 * (`types.ts`) and one line here; suites are imported on demand so that one suite's dependencies (a
 * browser, say) cost nothing to the others.
 */
import type { Suite } from '../types.js'

/** Suite name -> loader. */
export const SUITES: Readonly<Record<string, () => Promise<Suite>>> = {
  server: async () => (await import('./server.js')).serverSuite,
  facilitation: async () => (await import('./facilitation.js')).facilitationSuite,
  analysis: async () => (await import('./analysis.js')).analysisSuite,
  client: async () => (await import('./client.js')).clientSuite,
}

/** The suite `name`, or an error naming the known ones. */
export async function loadSuite(name: string): Promise<Suite> {
  const load = SUITES[name]
  if (!load) throw new Error(`unknown suite '${name}'; known: ${Object.keys(SUITES).join(', ')}`)
  return load()
}
