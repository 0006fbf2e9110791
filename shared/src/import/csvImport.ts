/**
 * Importing a person's table of actors, resources and value outcomes as new elements. Each row becomes
 * one element or one row error (`{ row, column, message }`); a bad row never stops the others, so a
 * facilitator can import the 40 good rows and fix the 2 bad ones. Elements come without position, size
 * and stacking: the model's layout places them.
 *
 * A type or kind is read in English or Swedish (csvMapping.ts). When the type column is empty or
 * missing, a kind that belongs to one type decides it ("Finansiering" is a resource), else
 * `defaultType`. An organisation or arena column holds names: each name is linked to the organisation
 * actor or arena of that name (on the board, in the file, or else created once per name).
 */
import { KINDS_BY_TYPE, type ElementData, type ElementType } from '../model/types.js'
import {
  COLOR_PATTERN,
  MAX_LABEL_LENGTH,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  ORGANISATION_KIND,
} from '../model/index.js'
import { guessMapping, kindFromWord, typeFromWord, typeOfKind } from './csvMapping.js'
import type { CsvImportField, CsvMapping } from './csvMapping.js'
import { parseCsv, type CsvInputDelimiter, type CsvRow, type CsvTable, type RowError } from './csvParse.js'
import { err, ok, type Result } from './result.js'

/** An element made from a row, before layout gives it a place. */
export type ElementDraft = Omit<ElementData, 'x' | 'y' | 'w' | 'h' | 'z'>

/** How rows become elements. */
export interface CsvImportOptions {
  /** Makes a new element id (the model's `randomId`, or a counter in tests). */
  readonly newId: () => string
  /** Type of a row that names none and whose kind implies none; default `note`, which anyone can retype. */
  readonly defaultType?: ElementType
  /** The board's elements: organisations and arenas named in the file are linked to these by label. */
  readonly existing?: readonly ElementData[]
  /** Meeting of rows without one (the meeting running during the import). */
  readonly meeting?: number | null
  /** Provenance of the new elements. */
  readonly createdBy?: string | null
  /** Unix ms. */
  readonly now?: number | null
}

/** What an import produces. */
export interface CsvImportResult {
  /** One element per good row, then the organisations and arenas created for names not yet on the board. */
  readonly elements: readonly ElementDraft[]
  /** Ids of the elements created for names (not from a row of their own). */
  readonly created: readonly string[]
  readonly errors: readonly RowError[]
}

interface RowDraft {
  readonly draft: ElementDraft
  readonly row: number
  readonly org: string | null
  readonly arena: string | null
}

/** Turns data rows into element drafts, following `mapping`. Rows given as plain arrays are numbered from 2. */
export function rowsToElements(
  rows: readonly (CsvRow | readonly string[])[],
  mapping: CsvMapping,
  options: CsvImportOptions,
  headers: readonly string[] = [],
): CsvImportResult {
  const errors: RowError[] = []
  const drafts: RowDraft[] = []
  rows.forEach((r, i) => {
    const row: CsvRow = isRow(r) ? r : { row: i + 2, cells: r }
    const result = readRow(row, mapping, options, headers)
    if (result.ok) drafts.push(result.value)
    else errors.push(...result.error)
  })
  const created: ElementDraft[] = []
  const resolve = names(options, drafts, created)
  const elements = drafts.map(({ draft, row, org, arena }) => {
    const orgId = org === null ? null : resolve('organisation', org, draft)
    let arenaId: string | null = null
    if (arena !== null && draft.type === 'arena') {
      errors.push({
        row,
        ...column('arena', mapping, headers),
        message: 'an arena cannot be inside another arena',
      })
    } else if (arena !== null) arenaId = resolve('arena', arena, draft)
    return { ...draft, org: orgId, arena: arenaId }
  })
  errors.sort((a, b) => a.row - b.row)
  return { elements: [...elements, ...created], created: created.map((e) => e.id), errors }
}

/** Parses `text`, guesses the mapping from its headers (unless given) and imports its rows. */
export function importElementsCsv(
  text: string,
  options: CsvImportOptions & { readonly mapping?: CsvMapping; readonly delimiter?: CsvInputDelimiter },
): Result<CsvImportResult & { readonly table: CsvTable; readonly mapping: CsvMapping }, RowError[]> {
  const parsed = parseCsv(text, options.delimiter ? { delimiter: options.delimiter } : {})
  if (!parsed.ok) return parsed
  const table = parsed.value
  const mapping = options.mapping ?? guessMapping(table.headers)
  if (mapping.label === undefined) {
    const known = table.headers.length > 0 ? table.headers.join(', ') : 'none'
    return err([{ row: 1, message: `no column holds the labels (headers: ${known})` }])
  }
  return ok({ ...rowsToElements(table.rows, mapping, options, table.headers), table, mapping })
}

function isRow(r: CsvRow | readonly string[]): r is CsvRow {
  return !Array.isArray(r)
}

function column(field: CsvImportField, mapping: CsvMapping, headers: readonly string[]): { column?: string } {
  const index = mapping[field]
  if (index === undefined) return {}
  return { column: headers[index] ?? field }
}

function readRow(
  { row, cells }: CsvRow,
  mapping: CsvMapping,
  options: CsvImportOptions,
  headers: readonly string[],
): Result<RowDraft, RowError[]> {
  const cell = (field: CsvImportField): string => {
    const index = mapping[field]
    // A leading apostrophe before = + - @ is the formula guard of a CSV export (ours or Excel's): drop it.
    return index === undefined ? '' : (cells[index] ?? '').replace(/^'(?=[=+\-@\t\r])/, '').trim()
  }
  const errors: RowError[] = []
  const fail = (field: CsvImportField, message: string): void => {
    errors.push({ row, ...column(field, mapping, headers), message })
  }

  const label = cell('label')
  if (label === '') fail('label', 'the label is empty')
  else if (label.length > MAX_LABEL_LENGTH)
    fail('label', `the label is longer than ${MAX_LABEL_LENGTH} characters`)

  // The type column may also hold a kind ("Organisation", "Roll"): that names the type too.
  const typeCell = cell('type')
  const kindCell = cell('kind')
  let type: ElementType | null = typeCell === '' ? null : typeFromWord(typeCell)
  let kind: string | null = kindCell === '' ? null : kindFromWord(kindCell)
  if (typeCell !== '' && type === null) {
    const implied = kindFromWord(typeCell)
    const impliedType = implied === null ? null : typeOfKind(implied)
    if (impliedType === null)
      fail('type', `unknown type "${typeCell}" (use actor, resource, value, note, barrier or arena)`)
    else {
      type = impliedType
      kind = kind ?? implied
    }
  }
  type ??= (kind === null ? null : typeOfKind(kind)) ?? options.defaultType ?? 'note'
  const kinds = KINDS_BY_TYPE[type]
  if (kindCell !== '' && (kind === null || !kinds.includes(kind))) {
    fail('kind', `"${kindCell}" is not a kind of ${type} (${kinds.join(', ')})`)
  }

  const meetingCell = cell('meeting')
  let meeting = options.meeting ?? null
  if (meetingCell !== '') {
    // "3", "Möte 3", "meeting no. 3", "#3"; not "-1" or "3.5".
    const m = /^[\p{L}.:#\s]*?(\d+)$/u.exec(meetingCell)
    const n = m ? Number(m[1]) : NaN
    if (Number.isSafeInteger(n) && n >= 1) meeting = n
    else fail('meeting', `"${meetingCell}" is not a meeting number`)
  }

  const tags = [
    ...new Set(
      cell('tags')
        .split(/[;,]/)
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ]
  if (tags.length > MAX_TAGS) fail('tags', `more than ${MAX_TAGS} tags`)
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH)
  if (long !== undefined)
    fail('tags', `the tag "${long.slice(0, 20)}..." is longer than ${MAX_TAG_LENGTH} characters`)

  const color = cell('color')
  if (color !== '' && !COLOR_PATTERN.test(color))
    fail('color', `"${color}" is not a colour (#rrggbb or a colour name)`)

  if (errors.length > 0) return err(errors)
  const at = options.now ?? null
  const by = options.createdBy ?? null
  const draft: ElementDraft = {
    id: options.newId(),
    type,
    kind: kind !== null && kinds.includes(kind) ? kind : (kinds[0] as string),
    label,
    org: null,
    arena: null,
    color: color === '' ? null : color,
    tags,
    createdBy: by,
    createdAt: at,
    updatedBy: by,
    updatedAt: at,
    meeting,
    updatedMeeting: meeting,
    extra: {},
  }
  const org = cell('organisation')
  const arena = cell('arena')
  return ok({ draft, row, org: org === '' ? null : org, arena: arena === '' ? null : arena })
}

/**
 * Resolves organisation and arena names to element ids: an element of that label on the board first,
 * then one made from a row of the file, else a new one, made once per name and added to `created`.
 */
/** A name as people mean it: case, spacing and Unicode form do not matter, everything else does. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

function names(options: CsvImportOptions, rows: readonly RowDraft[], created: ElementDraft[]) {
  const isOrg = (e: { type: string; kind: string }): boolean =>
    e.type === 'actor' && e.kind === ORGANISATION_KIND
  const known = { organisation: new Map<string, string>(), arena: new Map<string, string>() }
  for (const e of [...(options.existing ?? []), ...rows.map((r) => r.draft)]) {
    const map = isOrg(e) ? known.organisation : e.type === 'arena' ? known.arena : null
    if (map && !map.has(nameKey(e.label))) map.set(nameKey(e.label), e.id)
  }
  return (what: 'organisation' | 'arena', name: string, self: ElementDraft): string | null => {
    const key = nameKey(name)
    const map = known[what]
    const found = map.get(key)
    if (found !== undefined) return found === self.id ? null : found
    const id = options.newId()
    map.set(key, id)
    created.push({
      ...self,
      id,
      type: what === 'organisation' ? 'actor' : 'arena',
      kind: what === 'organisation' ? ORGANISATION_KIND : 'other',
      label: name,
      color: null,
      tags: [],
      org: null,
      arena: null,
    })
    return id
  }
}
