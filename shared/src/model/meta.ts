/**
 * Board-level facts, in the top-level `meta` map (not a map of records):
 *
 * | field | stored as | why |
 * | --- | --- | --- |
 * | `schema` | integer | the layout version; `migrate` brings older documents to `SCHEMA_VERSION`; missing = 0 |
 * | `title` | string | the board's name in lists and exports |
 * | `template` | string or null | which template the board started from |
 * | `createdAt` | ISO 8601 string | kept as the server wrote it (`initBoardDoc`); a Unix ms number is read too |
 * | `pseudonymous` | boolean | provenance and people hold pseudonyms, not names; exports say so |
 *
 * Meta is read leniently: a wrong value falls back to the default, because a board with a broken title is
 * still a board. Unknown keys are kept in `extra`.
 */
import * as Y from 'yjs'
import type { BoardMeta } from './types.js'
import { extraFields, extraProblems, setIfChanged } from './fields.js'

/** The meta fields this version knows. */
export const META_FIELDS: ReadonlySet<string> = new Set([
  'schema',
  'title',
  'template',
  'createdAt',
  'pseudonymous',
])

/** Longest board title an operation writes. */
export const MAX_TITLE_LENGTH = 300

/** Reads the `meta` map. Never throws: wrong values read as defaults. */
export function parseMeta(meta: Y.Map<unknown>): BoardMeta {
  const schema = meta.get('schema')
  const title = meta.get('title')
  const template = meta.get('template')
  const createdAt = meta.get('createdAt')
  const pseudonymous = meta.get('pseudonymous')
  const extra = extraFields(new Map(meta.entries()), META_FIELDS)
  const result: BoardMeta = {
    schema: typeof schema === 'number' && Number.isInteger(schema) && schema >= 0 ? schema : 0,
    title: typeof title === 'string' ? title : title instanceof Y.Text ? title.toString() : '',
    template: typeof template === 'string' ? template : null,
    createdAt: isoOf(createdAt),
    pseudonymous: pseudonymous === true,
  }
  return Object.keys(extra).length > 0 ? { ...result, extra } : result
}

function isoOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? null : date.toISOString()
  }
  return null
}

/** Problems with plain meta that is to be written. */
export function metaProblems(meta: BoardMeta): string[] {
  const problems: string[] = []
  if (typeof meta.title !== 'string') problems.push('meta.title must be a string')
  if (meta.template !== null && typeof meta.template !== 'string')
    problems.push('meta.template must be a string or null')
  if (meta.createdAt !== null && typeof meta.createdAt !== 'string') {
    problems.push('meta.createdAt must be an ISO string or null')
  }
  if (typeof meta.pseudonymous !== 'boolean') problems.push('meta.pseudonymous must be true or false')
  if (meta.extra !== undefined) {
    problems.push(...extraProblems(meta.extra, META_FIELDS).map((p) => `meta.${p}`))
  }
  return problems
}

/**
 * Writes `meta` into the `meta` map, touching only what differs. `schema` is not taken from `meta`: what
 * is written is laid out in this version's schema, so the caller passes that version.
 */
export function writeMetaFields(map: Y.Map<unknown>, meta: BoardMeta, schema: number): void {
  const extra = meta.extra ?? {}
  for (const key of [...map.keys()]) {
    if (!META_FIELDS.has(key) && !Object.hasOwn(extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(extra)) setIfChanged(map, key, value)
  setIfChanged(map, 'schema', schema)
  setIfChanged(map, 'title', meta.title)
  setIfChanged(map, 'template', meta.template)
  setIfChanged(map, 'createdAt', meta.createdAt)
  setIfChanged(map, 'pseudonymous', meta.pseudonymous)
}
