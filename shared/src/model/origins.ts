/**
 * Typed transaction origins (CONVENTIONS.md habit 6). Every `doc.transact` in the model passes one, so
 * undo, persistence and broadcast decide from the origin rather than from guesses:
 * - `local`: a person's edit in this session. An object, because `Y.UndoManager` tracks origins by
 *   identity: one `LocalOrigin` per person and session gives each their own undo stack.
 * - `remote`, `persistence`, `migration`, `server`, `import`: plain strings (the server already tags its
 *   transactions `'server'` and `'persistence'`), so any module can recognise them without importing a
 *   shared instance.
 */
import { randomId } from './ids.js'

/** Every kind of origin. */
export const ORIGIN_KINDS = ['local', 'remote', 'persistence', 'migration', 'server', 'import'] as const
export type OriginKind = (typeof ORIGIN_KINDS)[number]

/** Origins that are not a person's edit. */
export const Origin = {
  /** An update that came from another peer (the provider applies it). */
  remote: 'remote',
  /** Loaded from storage (the server's store, the client's IndexedDB cache). */
  persistence: 'persistence',
  /** A schema migration run on load. */
  migration: 'migration',
  /** A change the server makes itself (creating a board, housekeeping). */
  server: 'server',
  /** An import of outside data (JSON, CSV) or a restored snapshot. */
  import: 'import',
} as const
export type SystemOrigin = (typeof Origin)[keyof typeof Origin]

/** A person's edit in one session. Keep one instance per session: undo tracks it by identity. */
export interface LocalOrigin {
  readonly kind: 'local'
  /** Person id (see `people`), or `null` before the person is known. */
  readonly personId: string | null
  /** Distinguishes two tabs of one person: each has its own undo stack. */
  readonly sessionId: string
}

/** Any origin the model writes with. */
export type BoardOrigin = LocalOrigin | SystemOrigin

/** A new local origin for one person's session. */
export function localOrigin(personId: string | null, sessionId: string = randomId()): LocalOrigin {
  return Object.freeze({ kind: 'local', personId, sessionId })
}

/** True for a `LocalOrigin`. */
export function isLocalOrigin(origin: unknown): origin is LocalOrigin {
  return (
    typeof origin === 'object' &&
    origin !== null &&
    (origin as { kind?: unknown }).kind === 'local' &&
    typeof (origin as { sessionId?: unknown }).sessionId === 'string'
  )
}

const SYSTEM_ORIGINS: ReadonlySet<unknown> = new Set(Object.values(Origin))

/** The kind of a transaction origin, or `null` for one the model does not know (a provider object, ...). */
export function originKind(origin: unknown): OriginKind | null {
  if (isLocalOrigin(origin)) return 'local'
  if (SYSTEM_ORIGINS.has(origin)) return origin as SystemOrigin
  return null
}
