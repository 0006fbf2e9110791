/**
 * Stacking order by fractional indices (the Excalidraw / Figma technique): each element's `z` is a string
 * key, elements draw in ascending key order, and moving one element rewrites only its own key. Two people
 * may create the same key at once (both "bring to front"), so order is `(z, id)`: ties are broken by id,
 * the same on every peer.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/** The key of the first element on an empty board. */
export const FIRST_Z = 'a0'

/** True when `key` is a valid fractional index (the library's own check, without its exception). */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key === '') return false
  try {
    generateKeyBetween(key, null)
    return true
  } catch {
    return false
  }
}

/** Compares two keys by code unit, which is what fractional indices are designed for (not `localeCompare`). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Compares two stacked records by `(z, id)`. */
export function compareStacking(a: { z: string; id: string }, b: { z: string; id: string }): number {
  return compareKeys(a.z, b.z) || compareKeys(a.id, b.id)
}

/** `n` keys in ascending order, all above `above` (or from the start) and below `below` (or to the end). */
export function keysBetween(above: string | null, below: string | null, n: number): string[] {
  if (n <= 0) return []
  return generateNKeysBetween(above, below, n)
}

/** `n` keys above every key in `keys`. */
export function keysAfter(keys: Iterable<string>, n: number): string[] {
  let max: string | null = null
  for (const key of keys) if (isOrderKey(key) && (max === null || key > max)) max = key
  return keysBetween(max, null, n)
}

/** `n` keys below every key in `keys`. */
export function keysBefore(keys: Iterable<string>, n: number): string[] {
  let min: string | null = null
  for (const key of keys) if (isOrderKey(key) && (min === null || key < min)) min = key
  return keysBetween(null, min, n)
}

/**
 * New keys that put `order` (ids, bottom first) in that order, rewriting only the ids in `moved` when it
 * can: the others keep their keys. When the kept keys are not strictly ascending (ties from concurrent
 * edits, or an invalid key) every id gets a new key, which is still correct, just a larger update.
 */
export function rekey(
  order: readonly string[],
  current: ReadonlyMap<string, string>,
  moved: ReadonlySet<string>,
): Map<string, string> {
  const result = new Map<string, string>()
  let previous: string | null = null
  let i = 0
  while (i < order.length) {
    const id = order[i] as string
    if (!moved.has(id)) {
      const key = current.get(id)
      if (key === undefined || !isOrderKey(key) || (previous !== null && key <= previous)) {
        return rekeyAll(order)
      }
      previous = key
      i++
      continue
    }
    // A run of moved ids goes between the previous key and the next kept key.
    let j = i
    while (j < order.length && moved.has(order[j] as string)) j++
    const nextId = order[j]
    const next: string | null = nextId === undefined ? null : (current.get(nextId) ?? null)
    if (next !== null && (!isOrderKey(next) || (previous !== null && next <= previous)))
      return rekeyAll(order)
    const keys = keysBetween(previous, next, j - i)
    for (let k = i; k < j; k++) result.set(order[k] as string, keys[k - i] as string)
    previous = keys[keys.length - 1] ?? previous
    i = j
  }
  return result
}

function rekeyAll(order: readonly string[]): Map<string, string> {
  const keys = keysBetween(null, null, order.length)
  return new Map(order.map((id, i) => [id, keys[i] as string]))
}
