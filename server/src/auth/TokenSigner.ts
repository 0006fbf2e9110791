/**
 * Signs and verifies capability tokens (layout in shared `access/token.ts`). HMAC-SHA256 over the claims
 * bytes, truncated to 128 bits, compared in constant time. A token is bound to one board and one role, may
 * carry an expiry and a person; the server checks it on every websocket and REST request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  TOKEN_SIGNATURE_BYTES,
  decodeTokenClaims,
  encodeTokenClaims,
  joinToken,
  splitToken,
  type TokenClaims,
} from '@circleboard/shared'

/** Why a token was not accepted. */
export type TokenRejection = 'missing' | 'malformed' | 'bad-signature' | 'expired'

/** The outcome of `verify`. */
export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRejection }

/** Issues and checks tokens with one secret. */
export class TokenSigner {
  private readonly key: Buffer

  constructor(secret: string) {
    this.key = Buffer.from(secret, 'utf8')
  }

  /** A token for `claims`. */
  sign(claims: TokenClaims): string {
    const bytes = encodeTokenClaims(claims)
    return joinToken(bytes, this.mac(bytes))
  }

  /** Checks signature and expiry; `now` in ms (tests pass their own clock). */
  verify(token: string | undefined | null, now = Date.now()): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' }
    const parts = splitToken(token)
    if (!parts) return { ok: false, reason: 'malformed' }
    const expected = this.mac(parts.claims)
    if (parts.signature.length !== expected.length || !timingSafeEqual(parts.signature, expected)) {
      return { ok: false, reason: 'bad-signature' }
    }
    const claims = decodeTokenClaims(parts.claims)
    if (!claims) return { ok: false, reason: 'malformed' }
    if (claims.expiresAt !== 0 && claims.expiresAt * 1000 <= now) return { ok: false, reason: 'expired' }
    return { ok: true, claims }
  }

  private mac(bytes: Uint8Array): Buffer {
    return createHmac('sha256', this.key).update(bytes).digest().subarray(0, TOKEN_SIGNATURE_BYTES)
  }
}

/** Human-readable text for a rejection, safe to send to the client (it never includes the token). */
export function describeRejection(reason: TokenRejection): string {
  switch (reason) {
    case 'missing':
      return 'no token: open the board through its link'
    case 'malformed':
      return 'the link token is damaged: copy the whole link again'
    case 'bad-signature':
      return 'the link token is not valid on this server'
    case 'expired':
      return 'the link has expired: ask the facilitator for a new one'
  }
}
