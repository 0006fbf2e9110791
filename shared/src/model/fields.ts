/**
 * Field readers shared by every record's validator. A record is read as a `Raw` map of field name to
 * stored value, whether it came from a `Y.Map` (a document) or from plain data (an import); each reader
 * returns the field's value and appends a readable problem when the value is wrong, so one pass reports
 * everything that is wrong with a record instead of stopping at the first problem.
 */
import * as Y from 'yjs'

/** A record's fields as stored. */
export type Raw = ReadonlyMap<string, unknown>

/** A short description of a value for problem messages ("a string", "a Y.Map", "NaN"). */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (value instanceof Y.Text) return 'a Y.Text'
  if (value instanceof Y.Map) return 'a Y.Map'
  if (value instanceof Y.Array) return 'a Y.Array'
  if (value instanceof Y.AbstractType) return 'a Yjs type'
  if (Array.isArray(value)) return 'an array'
  if (value instanceof Uint8Array) return 'binary data'
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'a number' : 'Infinity'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** A value for a problem message: a string quoted and cut short, anything else described (never throws). */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 60)}...` : value}'`
  return describe(value)
}

/** A `Y.Map`'s entries as a `Raw`. */
export function rawOfMap(map: Y.Map<unknown>): Map<string, unknown> {
  // forEach, not entries(): Yjs's entries() goes through generic iterator helpers and an array per
  // entry, several times slower when a board of thousands of elements is read at once.
  const raw = new Map<string, unknown>()
  map.forEach((value, key) => raw.set(key, value))
  return raw
}

/**
 * A plain, detached copy of a stored value: Yjs types become JSON, arrays and objects are copied, so a
 * reader's result can be changed or frozen without touching the document's content.
 */
export function toPlain(value: unknown): unknown {
  if (value instanceof Y.AbstractType) return value.toJSON() as unknown
  if (value instanceof Uint8Array) return value.slice()
  if (Array.isArray(value)) return value.map(toPlain)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v)
    return out
  }
  return value
}

/** Deep equality of plain values (JSON-like, plus `Uint8Array`). */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i])
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => plainEqual(v, b[i]))
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    if (Array.isArray(a) || Array.isArray(b)) return false
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    if (ka.length !== kb.length) return false
    const rb = b as Record<string, unknown>
    return ka.every((k) => Object.hasOwn(rb, k) && plainEqual((a as Record<string, unknown>)[k], rb[k]))
  }
  return false
}

/** True for `{...}` objects (not arrays, class instances or Yjs types). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Problems with a value that is to be stored as a plain (non-Yjs) field: what Yjs's encoder keeps as it is
 * (JSON values, any number, `undefined`, bigints, `Uint8Array`). Functions, symbols and class instances are
 * refused: the encoder would silently turn them into something else on the way to other peers.
 */
export function storableProblems(value: unknown, path: string, depth = 0): string[] {
  if (depth > 32) return [`${path} is nested too deeply`]
  if (value === null || value === undefined) return []
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return []
  if (typeof value === 'bigint' || value instanceof Uint8Array) return []
  if (Array.isArray(value)) return value.flatMap((v, i) => storableProblems(v, `${path}[${i}]`, depth + 1))
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => storableProblems(v, `${path}.${k}`, depth + 1))
  }
  return [`${path} cannot be stored (${describe(value)})`]
}

/** A text field: `Y.Text`, or a plain string in old or foreign data. `undefined` when neither. */
export function textValue(value: unknown): string | undefined {
  if (value instanceof Y.Text) return value.toString()
  if (typeof value === 'string') return value
  return undefined
}

/** A required text field (`Y.Text` or string). */
export function readText(raw: Raw, key: string, problems: string[], required: boolean): string {
  const value = raw.get(key)
  if (value === undefined && !required) return ''
  const text = textValue(value)
  if (text === undefined) {
    problems.push(value === undefined ? `${key} is missing` : `${key} is ${describe(value)}, not text`)
    return ''
  }
  return text
}

/** A required finite number; `fallback` (when given) stands in for a missing one. */
export function readNumber(
  raw: Raw,
  key: string,
  problems: string[],
  opts: { readonly fallback?: number; readonly positive?: boolean } = {},
): number {
  const value = raw.get(key)
  if (value === undefined && opts.fallback !== undefined) return opts.fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${key} is ${describe(value)}, not a finite number`)
    return 0
  }
  if (opts.positive === true && value <= 0) {
    problems.push(`${key} is ${value}, not above 0`)
    return 0
  }
  return value
}

/** A string field; missing means `fallback`. */
export function readString(raw: Raw, key: string, problems: string[], fallback?: string): string {
  const value = raw.get(key)
  if (value === undefined && fallback !== undefined) return fallback
  if (typeof value !== 'string') {
    problems.push(`${key} is ${describe(value)}, not a string`)
    return ''
  }
  return value
}

/** A non-empty string field (an id reference); required. */
export function readId(raw: Raw, key: string, problems: string[]): string {
  const value = raw.get(key)
  if (typeof value !== 'string' || value === '') {
    problems.push(`${key} is ${value === '' ? 'empty' : describe(value)}, not an id`)
    return ''
  }
  return value
}

/** A string or null; missing means null. */
export function readNullableString(raw: Raw, key: string, problems: string[]): string | null {
  const value = raw.get(key)
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') {
    problems.push(`${key} is ${describe(value)}, not a string or null`)
    return null
  }
  return value
}

/** A finite number or null; missing means null. */
export function readNullableNumber(
  raw: Raw,
  key: string,
  problems: string[],
  opts: { readonly positiveInteger?: boolean } = {},
): number | null {
  const value = raw.get(key)
  if (value === undefined || value === null) return null
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (opts.positiveInteger !== true || (Number.isInteger(value) && value > 0))
  if (!ok) {
    const wanted = opts.positiveInteger === true ? 'a positive integer' : 'a finite number'
    problems.push(
      `${key} is ${typeof value === 'number' ? String(value) : describe(value)}, not ${wanted} or null`,
    )
    return null
  }
  return value
}

/** A boolean; missing means `fallback`. */
export function readBoolean(raw: Raw, key: string, problems: string[], fallback: boolean): boolean {
  const value = raw.get(key)
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') {
    problems.push(`${key} is ${describe(value)}, not true or false`)
    return fallback
  }
  return value
}

/** An array of strings (a `Y.Array` of strings is accepted too); missing means empty. */
export function readStringArray(raw: Raw, key: string, problems: string[]): string[] {
  const value = raw.get(key)
  if (value === undefined) return []
  const items: unknown = value instanceof Y.Array ? value.toArray() : value
  if (!Array.isArray(items)) {
    problems.push(`${key} is ${describe(value)}, not a list`)
    return []
  }
  const bad = items.findIndex((item) => typeof item !== 'string')
  if (bad >= 0) {
    problems.push(`${key}[${bad}] is ${describe(items[bad])}, not a string`)
    return []
  }
  return [...(items as string[])]
}

/** The fields of `raw` that are not in `known`, as plain values. */
export function extraFields(raw: Raw, known: ReadonlySet<string>): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [key, value] of raw) {
    if (!known.has(key)) extra[key] = toPlain(value)
  }
  return extra
}

/** Problems with the `extra` fields of plain data before it is written. */
export function extraProblems(extra: unknown, known: ReadonlySet<string>): string[] {
  if (!isPlainObject(extra)) {
    return [`extra is ${describe(extra)}, not an object`]
  }
  const problems: string[] = []
  for (const [key, value] of Object.entries(extra)) {
    if (known.has(key)) problems.push(`extra.${key} shadows a known field`)
    else problems.push(...storableProblems(value, `extra.${key}`))
  }
  return problems
}

/**
 * Sets `key` on `map` unless it already holds an equal plain value (saves updates and keeps undo small).
 * Objects and arrays are stored as copies: Yjs keeps the very object it is given in the local document, so
 * a caller changing it later would change this peer's view without any update reaching the others.
 */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  const current = map.get(key)
  if (!(current instanceof Y.AbstractType) && plainEqual(current, value) && map.has(key)) return false
  map.set(key, typeof value === 'object' && value !== null ? toPlain(value) : value)
  return true
}

/**
 * Turns `text` into `value` with one delete and one insert between the common prefix and suffix, so a
 * concurrent edit elsewhere in the text survives the merge.
 */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString()
  if (current === value) return
  let start = 0
  const max = Math.min(current.length, value.length)
  while (start < max && current.charCodeAt(start) === value.charCodeAt(start)) start++
  let endCur = current.length
  let endNew = value.length
  while (
    endCur > start &&
    endNew > start &&
    current.charCodeAt(endCur - 1) === value.charCodeAt(endNew - 1)
  ) {
    endCur--
    endNew--
  }
  // Never split a surrogate pair: step back to a code point boundary.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  if (endCur < current.length && isLowSurrogate(current.charCodeAt(endCur))) {
    endCur++
    endNew++
  }
  if (endCur > start) text.delete(start, endCur - start)
  if (endNew > start) text.insert(start, value.slice(start, endNew))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
