/**
 * Reading and writing one element: the registry of element types, the validator that turns a stored
 * record into `ElementData` (or an `InvalidRecord`), and the writer that lays `ElementData` out in a
 * `Y.Map` (layout in `elementBase.ts`).
 */
import * as Y from 'yjs'
import { ELEMENT_TYPES, type ElementData, type ElementType } from '../types.js'
import type { ReadResult } from '../errors.js'
import {
  describe,
  extraFields,
  extraProblems,
  rawOfMap,
  readNullableString,
  readNumber,
  readStringArray,
  readText,
  replaceText,
  setIfChanged,
  type Raw,
} from '../fields.js'
import { FIRST_Z, isOrderKey } from '../zOrder.js'
import { COLOR_PATTERN, ELEMENT_FIELDS, readProvenance, type ElementSpec } from './elementBase.js'
import { actorSpec } from './actor.js'
import { resourceSpec } from './resource.js'
import { valueSpec } from './value.js'
import { noteSpec } from './note.js'
import { barrierSpec } from './barrier.js'
import { arenaSpec } from './arena.js'

/** Every element type's spec. */
export const ELEMENT_SPECS: Readonly<Record<ElementType, ElementSpec>> = {
  actor: actorSpec,
  resource: resourceSpec,
  value: valueSpec,
  note: noteSpec,
  barrier: barrierSpec,
  arena: arenaSpec,
}

/** True when `type` is a known element type. */
export function isElementType(type: unknown): type is ElementType {
  return typeof type === 'string' && (ELEMENT_TYPES as readonly string[]).includes(type)
}

/** True when `kind` is allowed for `type`. */
export function isKindOf(type: ElementType, kind: unknown): kind is string {
  return typeof kind === 'string' && ELEMENT_SPECS[type].kinds.includes(kind)
}

/**
 * Validates one stored element. Lenient where a bare client may leave something out (a missing `kind`
 * is the type's default, missing `w`/`h` the type's size, a missing `z` sorts first by id); strict where
 * guessing would draw something wrong (unknown type or kind, a coordinate that is not a number, no label).
 * `org` and `arena` are checked only for shape here: whether they point at a real organisation or arena
 * is decided by `readBoard`, which sees the whole board.
 */
export function parseElement(id: string, raw: Raw): ReadResult<ElementData> {
  const problems: string[] = []
  const typeValue = raw.get('type')
  const type: ElementType = isElementType(typeValue) ? typeValue : 'note'
  if (!isElementType(typeValue)) {
    problems.push(
      typeValue === undefined
        ? 'type is missing'
        : `type ${typeof typeValue === 'string' ? `'${typeValue}'` : describe(typeValue)} is not an element type`,
    )
  }
  const spec = ELEMENT_SPECS[type]
  const kindValue = raw.get('kind')
  let kind = spec.kinds[0] as string
  if (kindValue !== undefined) {
    if (isKindOf(type, kindValue)) kind = kindValue
    else if (problems.length === 0) {
      problems.push(
        `kind ${typeof kindValue === 'string' ? `'${kindValue}'` : describe(kindValue)} is not a kind of ${type}`,
      )
    }
  }
  const x = readNumber(raw, 'x', problems)
  const y = readNumber(raw, 'y', problems)
  const w = readNumber(raw, 'w', problems, { fallback: spec.defaultSize.w, positive: true })
  const h = readNumber(raw, 'h', problems, { fallback: spec.defaultSize.h, positive: true })
  const label = readText(raw, 'label', problems, true)
  const org = readNullableString(raw, 'org', problems)
  const arena = readNullableString(raw, 'arena', problems)
  const color = readNullableString(raw, 'color', problems)
  if (color !== null && !COLOR_PATTERN.test(color))
    problems.push(`color '${color.slice(0, 40)}' is not a colour`)
  const zValue = raw.get('z')
  let z = FIRST_Z
  if (zValue !== undefined) {
    if (isOrderKey(zValue)) z = zValue
    else
      problems.push(
        `z ${typeof zValue === 'string' ? `'${zValue}'` : describe(zValue)} is not a fractional index`,
      )
  }
  const tags = readStringArray(raw, 'tags', problems)
  const provenance = readProvenance(raw, problems)
  if (problems.length > 0) return { ok: false, invalid: { collection: 'elements', id, problems } }
  return {
    ok: true,
    value: {
      id,
      type,
      kind,
      x,
      y,
      w,
      h,
      label,
      org,
      arena,
      color,
      z,
      tags,
      ...provenance,
      extra: extraFields(raw, ELEMENT_FIELDS),
    },
  }
}

/** Validates one entry of the `elements` map, whatever it holds. Never throws. */
export function readElement(id: string, value: unknown): ReadResult<ElementData> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      invalid: { collection: 'elements', id, problems: [`is ${describe(value)}, not a Y.Map`] },
    }
  }
  return parseElement(id, rawOfMap(value as Y.Map<unknown>))
}

/** The known fields of plain element data, as a `Raw` (label as a string). */
export function rawOfElementData(el: ElementData): Map<string, unknown> {
  const raw = new Map<string, unknown>()
  for (const key of ELEMENT_FIELDS) raw.set(key, (el as unknown as Record<string, unknown>)[key])
  return raw
}

/** Problems with plain element data that is to be written (`[]` when it may be written as it is). */
export function elementDataProblems(el: ElementData): string[] {
  const result = parseElement(String(el.id), rawOfElementData(el))
  const problems = result.ok ? [] : [...result.invalid.problems]
  // parseElement fills in what a bare client may leave out; data to be written must be complete.
  for (const key of ELEMENT_FIELDS) {
    if ((el as unknown as Record<string, unknown>)[key] === undefined) problems.push(`${key} is missing`)
  }
  problems.push(...extraProblems(el.extra, ELEMENT_FIELDS))
  return problems
}

/**
 * Writes `el`'s fields into `map` (inside the caller's transaction), touching only what differs; unknown
 * fields that `el.extra` does not hold are dropped, so the map ends up exactly `el`.
 */
export function writeElementFields(map: Y.Map<unknown>, el: ElementData): void {
  for (const key of [...map.keys()]) {
    if (!ELEMENT_FIELDS.has(key) && !Object.hasOwn(el.extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(el.extra)) setIfChanged(map, key, value)
  for (const key of ELEMENT_FIELDS) {
    if (key === 'label') continue
    const value = (el as unknown as Record<string, unknown>)[key]
    setIfChanged(map, key, key === 'tags' ? [...(value as string[])] : value)
  }
  const label = map.get('label')
  if (label instanceof Y.Text) replaceText(label, el.label)
  else map.set('label', new Y.Text(el.label))
}

/** Adds `el` to the `elements` map as a new `Y.Map` (inside the caller's transaction). */
export function insertElement(elements: Y.Map<unknown>, el: ElementData): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  elements.set(el.id, map)
  writeElementFields(map, el)
  return map
}
