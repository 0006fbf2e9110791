/**
 * Who is editing: every operation takes an `EditContext` and stamps provenance from it (DESIGN.md: elements
 * remember who added them, when, and in which meeting).
 */
import type * as Y from 'yjs'
import { ModelError, ModelErrorCode } from './errors.js'
import { randomId } from './ids.js'
import { localOrigin, type BoardOrigin } from './origins.js'

/** The person, meeting and clock behind an edit. */
export interface EditContext {
  /** Person id (resolves in `people`); `null` for anonymous edits. */
  readonly personId: string | null
  /** Number of the running meeting, `null` outside meetings. */
  readonly meeting: number | null
  /** Clock in Unix ms; `Date.now` when left out (tests pass a fixed one). */
  readonly now?: () => number
  /**
   * Transaction origin. Pass the session's `LocalOrigin` so that its undo manager sees the edit; when left
   * out, edits carry `DEFAULT_LOCAL_ORIGIN`, which no per-person undo manager tracks.
   */
  readonly origin?: BoardOrigin
  /** Id generator for new records; `randomId` when left out. */
  readonly newId?: () => string
}

/** The origin of edits whose context names none. */
export const DEFAULT_LOCAL_ORIGIN = localOrigin(null, 'default')

/** Provenance fields as stored on elements and links. */
export interface ProvenanceStamp {
  readonly createdBy: string | null
  readonly createdAt: number
  readonly meeting: number | null
  readonly updatedBy: string | null
  readonly updatedAt: number
  readonly updatedMeeting: number | null
}

/** Throws `BOARD_ERR_INVALID_INPUT` when the context itself is malformed. */
export function checkContext(ctx: EditContext): void {
  const problems: string[] = []
  if (ctx.personId !== null && (typeof ctx.personId !== 'string' || ctx.personId === '')) {
    problems.push('personId must be a non-empty string or null')
  }
  if (ctx.meeting !== null && !(Number.isInteger(ctx.meeting) && ctx.meeting > 0)) {
    problems.push('meeting must be a positive integer or null')
  }
  if (problems.length > 0) throw new ModelError(ModelErrorCode.invalidInput, problems.join('; '), problems)
}

/** The transaction origin for `ctx`. */
export function originOf(ctx: EditContext): BoardOrigin {
  return ctx.origin ?? DEFAULT_LOCAL_ORIGIN
}

/** The current time for `ctx`. */
export function nowOf(ctx: EditContext): number {
  return (ctx.now ?? Date.now)()
}

/** A new id for `ctx`. */
export function newIdOf(ctx: EditContext): string {
  return ctx.newId ? ctx.newId() : randomId()
}

/**
 * Provenance of a record created now. The `updated*` fields start equal to the `created*` ones, so
 * "last changed" is always defined and sorting by it needs no fallback.
 */
export function createdStamp(ctx: EditContext, at: number = nowOf(ctx)): ProvenanceStamp {
  return {
    createdBy: ctx.personId,
    createdAt: at,
    meeting: ctx.meeting,
    updatedBy: ctx.personId,
    updatedAt: at,
    updatedMeeting: ctx.meeting,
  }
}

/** Writes the `updated*` fields of a changed record (inside the caller's transaction). */
export function stampUpdate(record: Y.Map<unknown>, ctx: EditContext, at: number = nowOf(ctx)): void {
  record.set('updatedBy', ctx.personId)
  record.set('updatedAt', at)
  record.set('updatedMeeting', ctx.meeting)
}

/** Runs `fn` as one transaction with the context's origin. */
export function edit<T>(doc: Y.Doc, ctx: EditContext, fn: () => T): T {
  let result: T | undefined
  doc.transact(() => {
    result = fn()
  }, originOf(ctx))
  return result as T
}
