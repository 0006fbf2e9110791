/**
 * Links: typed relations between two elements. Yjs layout (a `Y.Map` in the top-level `links` map,
 * keyed by link id):
 *
 * | field | stored as | why |
 * | --- | --- | --- |
 * | `from`, `to` | string | element ids; direction matters ("A provides B") |
 * | `kind` | string | one of `LINK_KINDS` |
 * | `label` | `Y.Text` | optional words on the line ("not shared"); a text so two people can edit it; missing reads as empty |
 * | provenance | as on elements | who drew it, when, in which meeting |
 *
 * A link from an element to itself is refused: none of the relations (provides, collaborates, ...) reads
 * sensibly from a thing to itself, and a loop would need its own drawing. A link whose end is missing or
 * invalid is reported as dangling by `readBoard`, so `BoardData.links` only ever joins elements that are
 * in `BoardData.elements`.
 */
import * as Y from 'yjs'
import { LINK_KINDS, type LinkData, type LinkKind } from './types.js'
import type { ReadResult } from './errors.js'
import {
  describe,
  extraFields,
  extraProblems,
  rawOfMap,
  readId,
  readText,
  replaceText,
  setIfChanged,
  type Raw,
} from './fields.js'
import { readProvenance } from './elements/elementBase.js'

/** The link fields this version knows. */
export const LINK_FIELDS: ReadonlySet<string> = new Set([
  'from',
  'to',
  'kind',
  'label',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'meeting',
  'updatedMeeting',
])

/** True when `kind` is a link kind. */
export function isLinkKind(kind: unknown): kind is LinkKind {
  return typeof kind === 'string' && (LINK_KINDS as readonly string[]).includes(kind)
}

/** Validates one stored link's own fields (whether its ends exist is `readBoard`'s part). */
export function parseLink(id: string, raw: Raw): ReadResult<LinkData> {
  const problems: string[] = []
  const from = readId(raw, 'from', problems)
  const to = readId(raw, 'to', problems)
  if (from !== '' && from === to) problems.push(`links ${from} to itself`)
  const kindValue = raw.get('kind')
  if (!isLinkKind(kindValue)) {
    problems.push(
      `kind ${typeof kindValue === 'string' ? `'${kindValue}'` : describe(kindValue)} is not a link kind`,
    )
  }
  const label = readText(raw, 'label', problems, false)
  const provenance = readProvenance(raw, problems)
  if (problems.length > 0) return { ok: false, invalid: { collection: 'links', id, problems } }
  return {
    ok: true,
    value: {
      id,
      from,
      to,
      kind: kindValue as LinkKind,
      label,
      ...provenance,
      extra: extraFields(raw, LINK_FIELDS),
    },
  }
}

/** Validates one entry of the `links` map, whatever it holds. Never throws. */
export function readLink(id: string, value: unknown): ReadResult<LinkData> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      invalid: { collection: 'links', id, problems: [`is ${describe(value)}, not a Y.Map`] },
    }
  }
  return parseLink(id, rawOfMap(value as Y.Map<unknown>))
}

/** Problems with plain link data that is to be written. */
export function linkDataProblems(link: LinkData): string[] {
  const raw = new Map<string, unknown>()
  for (const key of LINK_FIELDS) raw.set(key, (link as unknown as Record<string, unknown>)[key])
  const result = parseLink(String(link.id), raw)
  const problems = result.ok ? [] : [...result.invalid.problems]
  for (const key of LINK_FIELDS) {
    if ((link as unknown as Record<string, unknown>)[key] === undefined) problems.push(`${key} is missing`)
  }
  problems.push(...extraProblems(link.extra, LINK_FIELDS))
  return problems
}

/** Writes `link`'s fields into `map`, touching only what differs; unknown fields not in `extra` are dropped. */
export function writeLinkFields(map: Y.Map<unknown>, link: LinkData): void {
  for (const key of [...map.keys()]) {
    if (!LINK_FIELDS.has(key) && !Object.hasOwn(link.extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(link.extra)) setIfChanged(map, key, value)
  for (const key of LINK_FIELDS) {
    if (key !== 'label') setIfChanged(map, key, (link as unknown as Record<string, unknown>)[key])
  }
  const label = map.get('label')
  if (label instanceof Y.Text) replaceText(label, link.label)
  else map.set('label', new Y.Text(link.label))
}

/** Adds `link` to the `links` map as a new `Y.Map`. */
export function insertLink(links: Y.Map<unknown>, link: LinkData): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  links.set(link.id, map)
  writeLinkFields(map, link)
  return map
}
