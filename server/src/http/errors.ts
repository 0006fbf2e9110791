/**
 * REST errors with stable codes (CONVENTIONS.md habit 7). Every error answer has the shape
 * `{ error: { code, message } }` (shared `ApiError`); the message is meant for a person.
 */
import { ErrorCode, type ErrorCodeValue } from '@circleboard/shared'

/** An error that becomes an HTTP answer with `status` and `code`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCodeValue,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** 400 */
export const badRequest = (message: string): HttpError => new HttpError(400, ErrorCode.BadRequest, message)
/** 401 */
export const unauthorized = (message: string): HttpError =>
  new HttpError(401, ErrorCode.Unauthorized, message)
/** 403 */
export const forbidden = (message: string): HttpError => new HttpError(403, ErrorCode.Forbidden, message)
/** 404 */
export const notFound = (message: string): HttpError => new HttpError(404, ErrorCode.NotFound, message)

/** The JSON body of an error answer. */
export function errorBody(
  code: ErrorCodeValue,
  message: string,
): { error: { code: ErrorCodeValue; message: string } } {
  return { error: { code, message } }
}
