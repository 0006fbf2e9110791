/**
 * Token checks for REST requests: `Authorization: Bearer <token>`, bound to the board in the path.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Role, TokenClaims } from '@circleboard/shared'
import { describeRejection, type TokenSigner } from '../auth/TokenSigner.js'
import { forbidden, unauthorized } from './errors.js'

/** The bearer token of a request, if any. */
export function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization
  if (!header) return null
  const m = /^Bearer\s+(.+)$/i.exec(header)
  return m ? (m[1] as string).trim() : null
}

/**
 * The verified claims of the request's token for `boardId`, with one of `roles`.
 * @throws HttpError 401 without a valid token, 403 for another board or a role not in `roles`.
 */
export function requireBoardToken(
  signer: TokenSigner,
  req: FastifyRequest,
  boardId: string,
  roles: readonly Role[] = ['facilitator', 'participant', 'viewer'],
): TokenClaims {
  const check = signer.verify(bearer(req))
  if (!check.ok) throw unauthorized(describeRejection(check.reason))
  if (check.claims.boardId !== boardId) throw forbidden('this token is for another board')
  if (!roles.includes(check.claims.role)) throw forbidden(`this needs a ${roles.join(' or ')} link`)
  return check.claims
}

/** Constant-time comparison of a presented server key with the configured one. */
export function serverKeyMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
