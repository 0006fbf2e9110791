/**
 * What every element has, whatever its type. Yjs layout of one element (a `Y.Map` in the top-level
 * `elements` map, keyed by the element's id; DESIGN.md "The document"):
 *
 * | field | stored as | why |
 * | --- | --- | --- |
 * | `type` | string | which of the six element types; decides the allowed kinds and how it is drawn |
 * | `kind` | string | subtype (organisation, funding, ...); the first of `KINDS_BY_TYPE[type]` by default; operations write `type` and `kind` together so that concurrent changes merge into one person's valid pair |
 * | `x`, `y` | number | top-left corner in board units; separate keys so two people can move on separate axes |
 * | `w`, `h` | number | size in board units, > 0 |
 * | `label` | `Y.Text` | so two people can type in one label at once |
 * | `org` | string or null | id of the organisation actor it belongs to (a role belongs to an authority) |
 * | `arena` | string or null | id of the arena that frames it; arenas carry their members when moved |
 * | `color` | string or null | `#rgb`/`#rrggbb`/`#rrggbbaa` or a CSS colour name; null = the type's colour |
 * | `z` | string | fractional index for stacking (see `zOrder.ts`) |
 * | `tags` | string[] (plain value) | free labels for filtering and analysis; replaced whole, they are short |
 * | `createdBy`, `updatedBy` | string or null | person ids that resolve in `people` |
 * | `createdAt`, `updatedAt` | number | Unix ms |
 * | `meeting`, `updatedMeeting` | number or null | the meeting it was added / last changed in |
 *
 * Any other key is kept as `extra`: a newer client may have written it.
 */
import type { ElementType, Provenance } from '../types.js'
import { readNullableNumber, readNullableString, type Raw } from '../fields.js'

/** The element fields this version knows; everything else is `extra`. */
export const ELEMENT_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'kind',
  'x',
  'y',
  'w',
  'h',
  'label',
  'org',
  'arena',
  'color',
  'z',
  'tags',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'meeting',
  'updatedMeeting',
])

/** Size of an element in board units. */
export interface Size {
  readonly w: number
  readonly h: number
}

/** What the schema knows about one element type; each type's file defines one. */
export interface ElementSpec {
  readonly type: ElementType
  /** Allowed kinds; the first is the default. */
  readonly kinds: readonly string[]
  /** Size of a new element of this type. */
  readonly defaultSize: Size
  /** Whether an element of this type may sit in an arena (arenas do not nest). */
  readonly canBeInArena: boolean
}

/** The default kind of a spec: its first kind. */
export function defaultKindOf(spec: ElementSpec): string {
  return spec.kinds[0] as string
}

/** Colours the model accepts: hex or a CSS colour name (letters only, so an export cannot be injected into). */
export const COLOR_PATTERN =
  /^(#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,30})$/

/** Longest label an operation writes (a label is a sticky note, not a document). */
export const MAX_LABEL_LENGTH = 10_000
/** Longest tag, and most tags on one element. */
export const MAX_TAG_LENGTH = 64
export const MAX_TAGS = 50
/** Largest coordinate or size an operation writes: far beyond any board, well inside float precision. */
export const MAX_COORDINATE = 1e7

/** Provenance fields, read leniently: missing means unknown (`null`), a wrong type is a problem. */
export function readProvenance(raw: Raw, problems: string[]): Provenance {
  return {
    createdBy: readNullableString(raw, 'createdBy', problems),
    createdAt: readNullableNumber(raw, 'createdAt', problems),
    updatedBy: readNullableString(raw, 'updatedBy', problems),
    updatedAt: readNullableNumber(raw, 'updatedAt', problems),
    meeting: readNullableNumber(raw, 'meeting', problems, { positiveInteger: true }),
    updatedMeeting: readNullableNumber(raw, 'updatedMeeting', problems, { positiveInteger: true }),
  }
}

/** Problems with a list of tags an operation is asked to write. */
export function tagProblems(tags: unknown): string[] {
  if (!Array.isArray(tags)) return ['tags must be a list of strings']
  if (tags.length > MAX_TAGS) return [`at most ${MAX_TAGS} tags`]
  const problems: string[] = []
  tags.forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.trim() === '') problems.push(`tags[${i}] must be a non-empty string`)
    else if (tag.length > MAX_TAG_LENGTH) problems.push(`tags[${i}] is longer than ${MAX_TAG_LENGTH}`)
  })
  return problems
}

/** Tags as stored: trimmed, duplicates removed, first occurrence first. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()))]
}
