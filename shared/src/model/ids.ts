/**
 * Record ids. Random ids must be unique across peers that create records at the same time without
 * talking to each other, so they come from a cryptographic source (lib0's `getRandomValues`), not
 * `Math.random`.
 */
import * as random from 'lib0/random'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** 16 base-62 characters are about 95 bits: collisions are out of reach for any board. */
const RANDOM_ID_LENGTH = 16

/** Ids the model accepts for new records: short, URL- and CSV-safe. Stored ids from elsewhere may differ. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/

/** A new random id. */
export function randomId(): string {
  let id = ''
  while (id.length < RANDOM_ID_LENGTH) {
    // 2^32 mod 62 is tiny next to 2^32: the bias is far below anything that matters for ids.
    id += ALPHABET[random.uint32() % ALPHABET.length]
  }
  return id
}

/** True when `id` may name a new record. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id)
}
