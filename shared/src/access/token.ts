/**
 * Capability tokens: what a link grants. The server signs them (HMAC-SHA256 with its secret, truncated to
 * 128 bits) and checks them on every websocket and REST request; this module only lays out the bytes, so
 * the client can read its own role and expiry to adapt the interface (it cannot verify the signature, and
 * nothing it reads here grants it anything).
 *
 * Layout, before base64url (kept short so that links fit in QR codes):
 *   [1] version (1)   [1] role (1 facilitator, 2 participant, 3 viewer)   [4] expiry, Unix seconds, 0 = never
 *   [1] board id length   [n] board id (ASCII)   [1] person id length (0 = none)   [m] person id (ASCII)
 *   [16] signature over everything before it
 */

/** The three roles of a board (DESIGN.md, "Access"). */
export type Role = 'facilitator' | 'participant' | 'viewer'

/** What a token says. */
export interface TokenClaims {
  /** The board the token grants access to. */
  readonly boardId: string
  readonly role: Role
  /** Expiry as Unix seconds; 0 when the token never expires. */
  readonly expiresAt: number
  /** The pseudonymous person the token was issued to (personal tokens only), else `null`. */
  readonly personId: string | null
}

/** Length of the signature appended to the claims. */
export const TOKEN_SIGNATURE_BYTES = 16
const VERSION = 1
const ROLE_CODES: Record<Role, number> = { facilitator: 1, participant: 2, viewer: 3 }
const ROLES_BY_CODE: Record<number, Role> = { 1: 'facilitator', 2: 'participant', 3: 'viewer' }

/** All roles, most powerful first. */
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

/** The bytes that get signed. */
export function encodeTokenClaims(claims: TokenClaims): Uint8Array {
  const board = ascii(claims.boardId)
  const person = ascii(claims.personId ?? '')
  if (board.length === 0 || board.length > 255 || person.length > 255)
    throw new RangeError('token ids too long')
  const out = new Uint8Array(8 + board.length + person.length)
  out[0] = VERSION
  out[1] = ROLE_CODES[claims.role]
  new DataView(out.buffer).setUint32(2, claims.expiresAt >>> 0)
  out[6] = board.length
  out.set(board, 7)
  out[7 + board.length] = person.length
  out.set(person, 8 + board.length)
  return out
}

/** Reads the claims part of a token (without its signature); `null` when the bytes are not a token. */
export function decodeTokenClaims(bytes: Uint8Array): TokenClaims | null {
  if (bytes.length < 9 || bytes[0] !== VERSION) return null
  const role = ROLES_BY_CODE[bytes[1] as number]
  if (!role) return null
  const expiresAt = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2)
  const boardLength = bytes[6] as number
  if (boardLength === 0 || 8 + boardLength > bytes.length) return null
  const boardId = fromAscii(bytes.subarray(7, 7 + boardLength))
  const personLength = bytes[7 + boardLength] as number
  if (8 + boardLength + personLength !== bytes.length) return null
  const personId = personLength === 0 ? null : fromAscii(bytes.subarray(8 + boardLength))
  return { boardId, role, expiresAt, personId }
}

/** Splits a token string into its claims bytes and signature; `null` when it is not shaped like a token. */
export function splitToken(token: string): { claims: Uint8Array; signature: Uint8Array } | null {
  if (token.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(token)) return null
  const bytes = fromBase64Url(token)
  if (bytes === null || bytes.length <= TOKEN_SIGNATURE_BYTES) return null
  return {
    claims: bytes.subarray(0, bytes.length - TOKEN_SIGNATURE_BYTES),
    signature: bytes.subarray(bytes.length - TOKEN_SIGNATURE_BYTES),
  }
}

/** Joins claims and signature into the token string. */
export function joinToken(claims: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(claims.length + signature.length)
  all.set(claims)
  all.set(signature, claims.length)
  return toBase64Url(all)
}

/** Reads what a token claims, without verifying it: for the client's interface only. */
export function peekToken(token: string): TokenClaims | null {
  const parts = splitToken(token)
  return parts ? decodeTokenClaims(parts.claims) : null
}

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c > 0x7e || c < 0x21) throw new RangeError('token ids must be printable ASCII')
    out[i] = c
  }
  return out
}

function fromAscii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]))

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]!
  }
  return out
}

/** Decodes base64url without padding; `null` on a character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    const chunk = text.slice(i, i + 4)
    for (let j = 0; j < 4; j++) {
      const v = j < chunk.length ? LOOKUP.get(chunk[j] as string) : 0
      if (v === undefined) return null
      n = (n << 6) | v
    }
    out[o++] = (n >> 16) & 255
    if (chunk.length > 2) out[o++] = (n >> 8) & 255
    if (chunk.length > 3) out[o++] = n & 255
  }
  return out
}
