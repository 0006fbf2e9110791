/**
 * Which column of a person's spreadsheet holds what, and what its words mean: header names and cell
 * values in English and Swedish ("Namn", "Typ", "Myndighet"; "aktör", "Resurs", "värde"). Matching is on
 * a folded form (lower case, no diacritics, letters and digits only), so "Möte", "mote" and "MÖTE " are
 * one word. Names from i18n/terms.ts are accepted wherever a type or kind is expected, so a table
 * exported from circleboard in either language imports back.
 */
import { ELEMENT_TYPES, KINDS_BY_TYPE, type ElementType } from '../model/types.js'
import { ELEMENT_TYPE_NAMES, KIND_NAMES, LANGUAGES, VALUE_KIND_NAMES } from '../i18n/terms.js'

/** Element fields a column can hold. */
export const CSV_IMPORT_FIELDS = [
  'label',
  'type',
  'kind',
  'organisation',
  'arena',
  'tags',
  'meeting',
  'color',
] as const
/** An element field a column can hold. */
export type CsvImportField = (typeof CSV_IMPORT_FIELDS)[number]

/** Which column (0-based index) holds each field; a field without a column is left out. */
export type CsvMapping = Partial<Record<CsvImportField, number>>

/** A word folded for matching: lower case, diacritics and everything but letters and digits removed. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

// Header names by field, most specific first: our own export's `organisation_label` wins over the id column.
const HEADER_SYNONYMS: Readonly<Record<CsvImportField, readonly string[]>> = {
  label: ['label', 'name', 'title', 'text', 'namn', 'etikett', 'benämning', 'rubrik', 'titel', 'beskrivning'],
  type: ['type', 'element type', 'category', 'typ', 'elementtyp', 'kategori'],
  kind: ['kind', 'subtype', 'sort', 'slag', 'undertyp', 'art', 'kind name'],
  organisation: [
    'organisation_label',
    'organization_label',
    'organisation',
    'organization',
    'org',
    'myndighet',
    'huvudman',
    'authority',
    'agency',
    'förvaltning',
  ],
  arena: ['arena_label', 'arena', 'forum', 'mötesplats'],
  tags: ['tags', 'tag', 'keywords', 'taggar', 'tagg', 'nyckelord'],
  meeting: ['meeting', 'meeting number', 'session', 'möte', 'mötesnummer', 'mötesnr', 'träff', 'tillfälle'],
  color: ['color', 'colour', 'färg'],
}

/**
 * Guesses which column holds which field from the headers: first exact (folded) names, then headers that
 * begin with a known name ("Namn på aktören"). Each column is used at most once.
 */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const folded = headers.map(fold)
  const used = new Set<number>()
  const mapping: CsvMapping = {}
  for (const pass of ['exact', 'prefix'] as const) {
    for (const field of CSV_IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue
      for (const synonym of HEADER_SYNONYMS[field].map(fold)) {
        const index = folded.findIndex(
          (h, i) =>
            !used.has(i) &&
            h !== '' &&
            (pass === 'exact' ? h === synonym : synonym.length >= 3 && h.startsWith(synonym)),
        )
        if (index !== -1) {
          mapping[field] = index
          used.add(index)
          break
        }
      }
    }
  }
  return mapping
}

function table<T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>()
  // First writer wins: codes and the type names come before looser synonyms.
  for (const [word, value] of entries) if (!map.has(fold(word))) map.set(fold(word), value)
  return map
}

const TYPE_WORDS = table<ElementType>([
  ...ELEMENT_TYPES.map((t) => [t, t] as const),
  ...LANGUAGES.flatMap((lang) =>
    ELEMENT_TYPES.flatMap((t) => [
      [ELEMENT_TYPE_NAMES[lang][t].one, t] as const,
      [ELEMENT_TYPE_NAMES[lang][t].many, t] as const,
    ]),
  ),
  ...(
    [
      ['actors', 'actor'],
      ['aktor', 'actor'],
      ['resources', 'resource'],
      ['värde', 'value'],
      ['värden', 'value'],
      ['values', 'value'],
      ['value outcome', 'value'],
      ['outcome', 'value'],
      ['outcomes', 'value'],
      ['utfall', 'value'],
      ['notering', 'note'],
      ['kommentar', 'note'],
      ['obstacle', 'barrier'],
      ['obstacles', 'barrier'],
    ] as const
  ).map(([w, t]) => [w, t] as const),
])

const KIND_WORDS = table<string>([
  ...Object.values(KINDS_BY_TYPE).flatMap((kinds) => kinds.map((k) => [k, k] as const)),
  ...LANGUAGES.flatMap((lang) => [
    ...Object.entries(KIND_NAMES[lang]).map(([k, name]) => [name, k] as const),
    ...Object.entries(VALUE_KIND_NAMES[lang]).map(([k, name]) => [name, k] as const),
  ]),
  ...(
    [
      ['organization', 'organization'],
      ['myndighet', 'organization'],
      ['authority', 'organization'],
      ['user', 'service-user'],
      ['citizen', 'service-user'],
      ['medborgare', 'service-user'],
      ['brukaren', 'service-user'],
      ['samhälle', 'society'],
      ['pengar', 'funding'],
      ['money', 'funding'],
      ['lokal', 'facilities'],
      ['premises', 'facilities'],
      ['övrigt', 'other'],
      ['annat', 'other'],
    ] as const
  ).map(([w, k]) => [w, k] as const),
])

/** An element type named by a cell (`aktör`, `Resources`, `value outcome`), or null. */
export function typeFromWord(word: string): ElementType | null {
  return TYPE_WORDS.get(fold(word)) ?? null
}

/** A kind code named by a cell (`Finansiering`, `brukare`, `For society`), or null. Not checked against a type. */
export function kindFromWord(word: string): string | null {
  return KIND_WORDS.get(fold(word)) ?? null
}

/**
 * The type a kind implies when no type is given: the one type that has the kind, or `actor` for the kinds
 * actors share with value outcomes (`organization`, `service-user` name actors far more often). Null for
 * `other`, which every type without subtypes has.
 */
export function typeOfKind(kind: string): ElementType | null {
  if (kind === 'other') return null
  const types = ELEMENT_TYPES.filter((t) => KINDS_BY_TYPE[t].includes(kind))
  return types.length === 1 ? (types[0] as ElementType) : types.includes('actor') ? 'actor' : null
}
