/**
 * Elements and links as two CSV tables (docs/export-formats.md), for spreadsheets, pandas, R and NVivo.
 * Codes (`actor`, `provides`) stay stable across languages so that scripts keep working; the `*_name`
 * columns carry the same in the chosen language for people reading the table. Person ids are resolved to
 * names through `board.people` (a pseudonymous board stores pseudonyms there), times are ISO 8601 UTC.
 */
import type { BoardData, ElementData, LinkData } from '../model/types.js'
import { resourceClass } from '../model/index.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, kindName, type Language } from '../i18n/terms.js'
import { csvDocument, isoTimestamp, type CsvCell, type CsvOptions } from './csvFormat.js'
import { zipToBytes, type ZipWriteOptions } from './zipFiles.js'

/** Link kinds drawn without an arrow: the relation reads the same both ways. */
export const UNDIRECTED_LINK_KINDS: ReadonlySet<string> = new Set(['collaborates', 'relates'])

/** Columns of `elements.csv`, in order. */
export const ELEMENT_CSV_COLUMNS = [
  'id',
  'type',
  'kind',
  'label',
  'organisation',
  'organisation_label',
  'arena',
  'tags',
  'x',
  'y',
  'w',
  'h',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'meeting',
  'updated_meeting',
  'arena_label',
  'color',
  'resource_class',
  'type_name',
  'kind_name',
] as const

/** Columns of `links.csv`, in order. */
export const LINK_CSV_COLUMNS = [
  'id',
  'from',
  'from_label',
  'to',
  'to_label',
  'kind',
  'label',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'meeting',
  'updated_meeting',
  'directed',
  'from_type',
  'to_type',
  'kind_name',
] as const

/** Separator of the tags in one cell. */
export const TAG_SEPARATOR = ';'

/** `operant` or `operand` for a resource (the model's distinction), `null` for `other` and other types. */
export function resourceClassOf(element: Pick<ElementData, 'type' | 'kind'>): 'operant' | 'operand' | null {
  return element.type === 'resource' ? resourceClass(element.kind) : null
}

/** A person id as a name (or pseudonym); the id itself when the person is unknown. */
export function personResolver(board: BoardData): (id: string | null) => string | null {
  const names = new Map(board.people.map((p) => [p.id, p.name]))
  return (id) => (id === null ? null : (names.get(id) ?? id))
}

/** `elements.csv`: one row per element, in board order. */
export function elementsCsv(board: BoardData, lang: Language = 'en', options: CsvOptions = {}): string {
  const byId = new Map(board.elements.map((e) => [e.id, e]))
  const person = personResolver(board)
  const rows = board.elements.map((e): CsvCell[] => [
    e.id,
    e.type,
    e.kind,
    e.label,
    e.org,
    e.org === null ? null : (byId.get(e.org)?.label ?? null),
    e.arena,
    e.tags.join(TAG_SEPARATOR),
    e.x,
    e.y,
    e.w,
    e.h,
    person(e.createdBy),
    isoTimestamp(e.createdAt),
    person(e.updatedBy),
    isoTimestamp(e.updatedAt),
    e.meeting,
    e.updatedMeeting,
    e.arena === null ? null : (byId.get(e.arena)?.label ?? null),
    e.color,
    resourceClassOf(e),
    ELEMENT_TYPE_NAMES[lang][e.type].one,
    kindName(lang, e.type, e.kind),
  ])
  return csvDocument(ELEMENT_CSV_COLUMNS, rows, options)
}

/** `links.csv`: one row per link, in board order, with both ends' labels for reading without a join. */
export function linksCsv(board: BoardData, lang: Language = 'en', options: CsvOptions = {}): string {
  const byId = new Map(board.elements.map((e) => [e.id, e]))
  const person = personResolver(board)
  const rows = board.links.map((l: LinkData): CsvCell[] => [
    l.id,
    l.from,
    byId.get(l.from)?.label ?? null,
    l.to,
    byId.get(l.to)?.label ?? null,
    l.kind,
    l.label,
    person(l.createdBy),
    isoTimestamp(l.createdAt),
    person(l.updatedBy),
    isoTimestamp(l.updatedAt),
    l.meeting,
    l.updatedMeeting,
    UNDIRECTED_LINK_KINDS.has(l.kind) ? 'false' : 'true',
    byId.get(l.from)?.type ?? null,
    byId.get(l.to)?.type ?? null,
    LINK_KIND_NAMES[lang][l.kind].noun,
  ])
  return csvDocument(LINK_CSV_COLUMNS, rows, options)
}

/** A zip holding `elements.csv` and `links.csv`. */
export function exportCsvZip(
  board: BoardData,
  lang: Language = 'en',
  options: CsvOptions & ZipWriteOptions = {},
): Uint8Array {
  return zipToBytes(
    [
      { name: 'elements.csv', data: elementsCsv(board, lang, options) },
      { name: 'links.csv', data: linksCsv(board, lang, options) },
    ],
    options,
  )
}
