/**
 * The REST contract between the client (and outside scripts) and the server. DESIGN.md, "Server": these
 * shapes are public; extend them, never change a field's meaning.
 */
import type { Role } from './access/token.js'

/** `POST /api/boards` body. */
export interface CreateBoardRequest {
  /** 1-200 characters. */
  readonly title: string
  /** A template name (`TEMPLATE_NAMES`); omitted means blank. */
  readonly template?: string
  /** Language of the template's texts (`en` or `sv`); default `en`. */
  readonly language?: 'en' | 'sv'
}

/** Capability links of a board, each `/b/<id>#t=<token>` (the token travels in the fragment). */
export type BoardLinks = Readonly<Record<Role, string>>

/** `POST /api/boards` answer (201). */
export interface CreateBoardResponse {
  readonly id: string
  readonly title: string
  readonly template: string | null
  readonly createdAt: string
  readonly links: BoardLinks
}

/** `GET /api/boards/:id` answer. */
export interface BoardInfo {
  readonly id: string
  readonly title: string
  readonly template: string | null
  readonly createdAt: string
  /** The role of the token used to ask. */
  readonly role: Role
}

/** Every error answer of the REST API. */
export interface ApiError {
  readonly error: {
    readonly code: ErrorCodeValue
    readonly message: string
  }
}

/** Stable error codes of the REST API (CONVENTIONS.md habit 7); the HTTP status goes with each. */
export const ErrorCode = {
  BadRequest: 'BOARD_ERR_BAD_REQUEST',
  Unauthorized: 'BOARD_ERR_UNAUTHORIZED',
  Forbidden: 'BOARD_ERR_FORBIDDEN',
  NotFound: 'BOARD_ERR_NOT_FOUND',
  PayloadTooLarge: 'BOARD_ERR_TOO_LARGE',
  RateLimited: 'BOARD_ERR_RATE_LIMITED',
  Unavailable: 'BOARD_ERR_UNAVAILABLE',
  Internal: 'BOARD_ERR_INTERNAL',
} as const

/** One of the error codes above. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode]

/** The link path for a board and token (the fragment keeps the token out of HTTP logs). */
export function boardLink(boardId: string, token: string): string {
  return `/b/${boardId}#t=${token}`
}

/** Reads the token from a link fragment (`#t=<token>`); `null` when there is none. */
export function tokenFromFragment(hash: string): string | null {
  const m = /(?:^#|&)t=([A-Za-z0-9_-]+)/.exec(hash)
  return m ? (m[1] as string) : null
}
