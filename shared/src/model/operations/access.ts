/**
 * What every operation needs before it writes: finding records (and refusing missing or invalid ones
 * with a stable code), checking numbers, and collecting problems so that one error lists all of them.
 */
import * as Y from 'yjs'
import type { ElementData, LinkData } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { readElement } from '../elements/element.js'
import { MAX_COORDINATE } from '../elements/elementBase.js'
import { readLink } from '../links.js'
import { isPlainObject } from '../fields.js'
import { boardMaps, type BoardMaps } from '../writeBoard.js'

/** A stored record with its validated data. */
export interface Found<T> {
  readonly map: Y.Map<unknown>
  readonly data: T
}

/** Throws `BOARD_ERR_INVALID_INPUT` listing `problems`, unless there are none. */
export function refuse(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new ModelError(ModelErrorCode.invalidInput, problems.join('; '), problems)
  }
}

/** Throws `BOARD_ERR_INVALID_INPUT` unless `value` is a plain object (an operation's input record). */
export function requireObject(value: unknown, what: string): void {
  if (!isPlainObject(value)) refuse([`${what} must be an object`])
}

/** Throws `BOARD_ERR_INVALID_INPUT` unless `value` is an array. */
export function requireArray(value: unknown, what: string): void {
  if (!Array.isArray(value)) refuse([`${what} must be a list`])
}

/** Throws `BOARD_ERR_INVALID_INPUT` unless `id` is a non-empty string. */
export function requireId(id: unknown, what: string): asserts id is string {
  if (typeof id !== 'string' || id === '') refuse([`${what} must be an id`])
}

/** Throws `BOARD_ERR_NOT_FOUND` / `BOARD_ERR_INVALID_RECORD` unless `id` is a valid element. */
export function requireElement(maps: BoardMaps, id: string): Found<ElementData> {
  requireId(id, 'the element')
  const value = maps.elements.get(id)
  if (value === undefined) throw new ModelError(ModelErrorCode.notFound, `no element '${id}'`)
  const result = readElement(id, value)
  if (!result.ok) {
    throw new ModelError(
      ModelErrorCode.invalidRecord,
      `element '${id}' is invalid: ${result.invalid.problems.join('; ')}`,
      result.invalid.problems,
    )
  }
  return { map: value as Y.Map<unknown>, data: result.value }
}

/** Throws `BOARD_ERR_NOT_FOUND` / `BOARD_ERR_INVALID_RECORD` unless `id` is a valid link. */
export function requireLink(maps: BoardMaps, id: string): Found<LinkData> {
  requireId(id, 'the link')
  const value = maps.links.get(id)
  if (value === undefined) throw new ModelError(ModelErrorCode.notFound, `no link '${id}'`)
  const result = readLink(id, value)
  if (!result.ok) {
    throw new ModelError(
      ModelErrorCode.invalidRecord,
      `link '${id}' is invalid: ${result.invalid.problems.join('; ')}`,
      result.invalid.problems,
    )
  }
  return { map: value as Y.Map<unknown>, data: result.value }
}

/** Every valid element of the board, by id. */
export function validElements(maps: BoardMaps): Map<string, Found<ElementData>> {
  const out = new Map<string, Found<ElementData>>()
  for (const [id, value] of maps.elements.entries()) {
    const result = readElement(id, value)
    if (result.ok) out.set(id, { map: value as Y.Map<unknown>, data: result.value })
  }
  return out
}

/** A list of ids: non-empty strings, duplicates dropped, order kept. */
export function idList(ids: unknown, what = 'ids'): string[] {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id === '')) {
    refuse([`${what} must be a list of ids`])
  }
  return [...new Set(ids as string[])]
}

/** Appends a problem unless `value` is a finite number within the board's range. */
export function checkCoordinate(name: string, value: unknown, problems: string[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_COORDINATE) {
    problems.push(`${name} must be a finite number within ±${MAX_COORDINATE}`)
  }
}

/** Appends a problem unless `value` is a size above 0 within the board's range. */
export function checkSize(name: string, value: unknown, problems: string[]): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_COORDINATE) {
    problems.push(`${name} must be a number above 0 and at most ${MAX_COORDINATE}`)
  }
}

/**
 * The stacking keys stored on elements, read straight from the maps. Adding one element must not parse
 * the whole board (which made each add cost ~10 ms on a 3,000-element board); a key of an element that is
 * invalid in other ways still takes part in the order, which is harmless.
 */
export function storedZKeys(maps: BoardMaps): string[] {
  const out: string[] = []
  for (const value of maps.elements.values()) {
    if (value instanceof Y.Map) {
      const z = value.get('z')
      if (typeof z === 'string') out.push(z)
    }
  }
  return out
}

/** Ids of the elements whose stored `field` (`org` or `arena`) is `id`, valid or not. */
export function dependantsOf(maps: BoardMaps, field: 'org' | 'arena', id: string): string[] {
  const out: string[] = []
  for (const [other, value] of maps.elements.entries()) {
    if (other !== id && value instanceof Y.Map && value.get(field) === id) out.push(other)
  }
  return out
}

/** `boardMaps` under a name that reads well in operations. */
export const mapsOf = boardMaps
