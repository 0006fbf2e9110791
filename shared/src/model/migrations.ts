/**
 * Schema migrations (CONVENTIONS.md habit 4). `meta.schema` is the layout version of a document, missing
 * meaning 0 (a board made by a bare y-websocket client or an early import). Migration `n` takes a document
 * from version `n` to `n + 1`; they are numbered without gaps, forward only, and each is idempotent, so a
 * document migrated twice (two peers migrating the same old board, a re-run after a crash) ends the same.
 *
 * `migrate(doc)` runs the missing ones in one transaction with origin `migration` and reports what each
 * did. A document newer than this code (`schema > SCHEMA_VERSION`) is left alone: it is read tolerantly,
 * and writing an older layout into it would do harm. The server runs `migrate` on load, before the first
 * sync, so that clients meet migrated boards; a client runs it too, for boards it opens offline.
 */
import * as Y from 'yjs'
import { DocName, SCHEMA_VERSION } from './document.js'
import { Origin } from './origins.js'
import { rootMap } from './readBoard.js'
import { isOrderKey, keysAfter, compareKeys } from './zOrder.js'

/** One migration: from version `from` to `from + 1`. */
export interface Migration {
  readonly from: number
  /** What it does, for people. */
  readonly description: string
  /** Changes the document (inside the migration's transaction); returns what it changed, for people. */
  readonly up: (doc: Y.Doc) => string[]
}

/** What `migrate` did. */
export interface MigrationReport {
  /** Schema version found (0 when missing). */
  readonly from: number
  /** Schema version after (unchanged for a newer document). */
  readonly to: number
  /** The migrations that ran, with what each changed. */
  readonly applied: readonly {
    readonly from: number
    readonly to: number
    readonly changes: readonly string[]
  }[]
  /** The document is newer than this code and was left alone. */
  readonly newer: boolean
}

function textify(map: Y.Map<unknown>, key: string): boolean {
  const value = map.get(key)
  if (typeof value !== 'string') return false
  map.set(key, new Y.Text(value))
  return true
}

/** 0 -> 1: normalise unversioned boards (labels as text, stacking keys, tag lists). */
const migration0: Migration = {
  from: 0,
  description: 'labels become Y.Text, elements without a valid z get one, tags become string lists',
  up(doc) {
    const changes: string[] = []
    const elements = rootMap(doc, DocName.elements)
    const links = rootMap(doc, DocName.links)
    if (elements !== null) {
      const maps = [...elements.entries()].filter((e): e is [string, Y.Map<unknown>] => e[1] instanceof Y.Map)
      const needZ: string[] = []
      for (const [id, map] of maps) {
        if (textify(map, 'label')) changes.push(`elements[${id}].label: string -> Y.Text`)
        if (!isOrderKey(map.get('z'))) needZ.push(id)
        const tags = map.get('tags')
        if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string'))) {
          map.set('tags', normaliseTagValue(tags))
          changes.push(`elements[${id}].tags: normalised`)
        }
      }
      // New keys go above every valid key, in id order: deterministic, so peers migrating at once agree.
      needZ.sort(compareKeys)
      const keys = keysAfter(maps.map(([, map]) => map.get('z')).filter(isOrderKey), needZ.length)
      needZ.forEach((id, i) => {
        ;(elements.get(id) as Y.Map<unknown>).set('z', keys[i])
        changes.push(`elements[${id}].z: set`)
      })
    }
    if (links !== null) {
      for (const [id, map] of links.entries()) {
        if (map instanceof Y.Map && textify(map as Y.Map<unknown>, 'label'))
          changes.push(`links[${id}].label: string -> Y.Text`)
      }
    }
    return changes
  },
}

/** Tags from whatever an old client stored: a comma-separated string, a list with non-strings, or junk. */
function normaliseTagValue(value: unknown): string[] {
  const items: unknown[] =
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value)
        ? value
        : value instanceof Y.Array
          ? value.toArray()
          : []
  const tags = items
    .map((t) => (typeof t === 'string' ? t : typeof t === 'number' ? String(t) : ''))
    .map((t) => t.trim())
    .filter((t) => t !== '')
  return [...new Set(tags)]
}

/** Every migration, index = `from`. */
export const MIGRATIONS: readonly Migration[] = [migration0]

/** How often each migration ran in this process, by `from` (tests assert every one was exercised). */
const runs = new Map<number, number>()

/** How often each migration has run in this process, by `from`. */
export function migrationRuns(): ReadonlyMap<number, number> {
  return new Map(runs)
}

/** The document's schema version (0 when missing or not a non-negative integer). */
export function schemaVersion(doc: Y.Doc): number {
  const schema = rootMap(doc, DocName.meta)?.get('schema')
  return typeof schema === 'number' && Number.isInteger(schema) && schema >= 0 ? schema : 0
}

/** Brings `doc` to `SCHEMA_VERSION` (see the module comment). Idempotent. */
export function migrate(doc: Y.Doc): MigrationReport {
  const from = schemaVersion(doc)
  if (from > SCHEMA_VERSION) return { from, to: from, applied: [], newer: true }
  if (from === SCHEMA_VERSION) return { from, to: from, applied: [], newer: false }
  const applied: { from: number; to: number; changes: string[] }[] = []
  doc.transact(() => {
    for (let version = from; version < SCHEMA_VERSION; version++) {
      const migration = MIGRATIONS[version]
      if (migration === undefined || migration.from !== version) {
        throw new Error(`no migration from schema ${version}`)
      }
      applied.push({ from: version, to: version + 1, changes: migration.up(doc) })
      runs.set(version, (runs.get(version) ?? 0) + 1)
    }
    const meta = rootMap(doc, DocName.meta)
    if (meta !== null) meta.set('schema', SCHEMA_VERSION)
  }, Origin.migration)
  return { from, to: SCHEMA_VERSION, applied, newer: false }
}
