/**
 * How the model reports expected failures (CONVENTIONS.md habit 7). Operations validate their whole input
 * before they write anything and throw a `ModelError` with a stable `BOARD_ERR_*` code; readers never throw
 * and return a `ReadResult` instead, because a broken record must be shown, not crash the board.
 */
import type { InvalidRecord } from './types.js'

/** Stable error codes of the board model. Clients match on these, never on messages. */
export const ModelErrorCode = {
  /** The input of an operation is malformed (wrong type, out of range, unknown kind, ...). */
  invalidInput: 'BOARD_ERR_INVALID_INPUT',
  /** An element, link, meeting or thread the operation names does not exist. */
  notFound: 'BOARD_ERR_NOT_FOUND',
  /** The record exists but fails validation, so it cannot be edited (it can still be deleted). */
  invalidRecord: 'BOARD_ERR_INVALID_RECORD',
  /** An id given for a new record is already used. */
  idTaken: 'BOARD_ERR_ID_TAKEN',
  /** A referenced element has the wrong type (an `org` that is not an organisation, ...). */
  wrongTarget: 'BOARD_ERR_WRONG_TARGET',
  /** A link from an element to itself. */
  selfLink: 'BOARD_ERR_SELF_LINK',
  /** A meeting is already running. */
  meetingRunning: 'BOARD_ERR_MEETING_RUNNING',
  /** A meeting cannot change state that way (end one that never started, ...). */
  meetingState: 'BOARD_ERR_MEETING_STATE',
  /** No template of that name. */
  unknownTemplate: 'BOARD_ERR_UNKNOWN_TEMPLATE',
  /** Plain board data given to `writeBoard` / `replaceBoard` fails validation. */
  invalidData: 'BOARD_ERR_INVALID_DATA',
} as const
export type ModelErrorCodeValue = (typeof ModelErrorCode)[keyof typeof ModelErrorCode]

/** The HTTP status a server answers with when an operation fails with this code. */
export const MODEL_ERROR_STATUS: Readonly<Record<ModelErrorCodeValue, number>> = {
  BOARD_ERR_INVALID_INPUT: 400,
  BOARD_ERR_NOT_FOUND: 404,
  BOARD_ERR_INVALID_RECORD: 409,
  BOARD_ERR_ID_TAKEN: 409,
  BOARD_ERR_WRONG_TARGET: 422,
  BOARD_ERR_SELF_LINK: 422,
  BOARD_ERR_MEETING_RUNNING: 409,
  BOARD_ERR_MEETING_STATE: 409,
  BOARD_ERR_UNKNOWN_TEMPLATE: 404,
  BOARD_ERR_INVALID_DATA: 422,
}

/** An operation refused its input; nothing was written. */
export class ModelError extends Error {
  readonly code: ModelErrorCodeValue
  readonly status: number
  /** Every problem found, for people (English). */
  readonly problems: readonly string[]

  constructor(code: ModelErrorCodeValue, message: string, problems: readonly string[] = [message]) {
    super(message)
    this.name = 'ModelError'
    this.code = code
    this.status = MODEL_ERROR_STATUS[code]
    this.problems = problems
  }
}

/** True when `error` is a `ModelError`, optionally with the given code. */
export function isModelError(error: unknown, code?: ModelErrorCodeValue): error is ModelError {
  return error instanceof ModelError && (code === undefined || error.code === code)
}

/** What a record reader returns: the validated record, or why it is invalid. Never throws. */
export type ReadResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly invalid: InvalidRecord }
