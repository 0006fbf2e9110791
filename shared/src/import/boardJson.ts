/**
 * Reading the `board` object of a circleboard JSON export (docs/export-formats.md) back into BoardData.
 *
 * Two passes. First the shape: every record is read field by field, with a JSONPath for each problem, and
 * fields this version does not know are kept in the record's `extra`, as the Yjs validator keeps them.
 * Then the model's own rules, through `boardDataProblems` (the check `writeBoard` runs), so the import
 * accepts exactly what can be written to a board: kinds, colours, sizes, meeting numbers, tags, links and
 * comment threads that join elements of the file, an `org` that names an organisation actor, an `arena`
 * that names an arena.
 *
 * A broken record is fatal in `reject` mode (the default), and every problem is listed. In `report` mode
 * it is left out and listed in `board.invalid`, the way the live board shows an invalid element instead of
 * crashing; links and threads that joined it go with it, and an `org` or `arena` that names nothing valid
 * reads as null, exactly as `readBoard` treats a document.
 */
import {
  ELEMENT_TYPES,
  KINDS_BY_TYPE,
  LINK_KINDS,
  type BoardData,
  type BoardMeta,
  type CommentThreadData,
  type ElementData,
  type InvalidRecord,
  type LinkData,
  type MeetingData,
  type PersonData,
} from '../model/types.js'
import { applyModelRules } from './boardRules.js'
import { FieldReader, isJsonObject, show, type ImportError, type JsonObject } from './jsonFields.js'

/** What to do with a record that fails validation. */
export type InvalidRecordMode = 'reject' | 'report'

const PROVENANCE = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'meeting', 'updatedMeeting']
const ELEMENT_FIELDS = new Set([
  ...['id', 'type', 'kind', 'label', 'x', 'y', 'w', 'h', 'org', 'arena', 'color', 'z', 'tags'],
  ...PROVENANCE,
])
const LINK_FIELDS = new Set(['id', 'from', 'to', 'kind', 'label', ...PROVENANCE])
const MEETING_FIELDS = new Set([
  'id',
  'number',
  'title',
  'date',
  'agenda',
  'attendees',
  'startedAt',
  'endedAt',
])
const PERSON_FIELDS = new Set(['id', 'name', 'role', 'org'])
const META_FIELDS = new Set(['schema', 'title', 'template', 'createdAt', 'pseudonymous'])
const COMMENT_FIELDS = new Set(['id', 'element', 'messages', 'resolved'])
const INVALID_COLLECTIONS = ['elements', 'links', 'meetings', 'people', 'comments'] as const
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The outcome of reading a `board` object: the board when nothing was fatal, and every problem. */
export interface BoardReadOutcome {
  readonly board: BoardData | null
  readonly errors: readonly ImportError[]
}

/** Reads and validates a `board` object found at `path` (e.g. `$.board`). */
export function readBoardObject(value: unknown, path: string, mode: InvalidRecordMode): BoardReadOutcome {
  if (!isJsonObject(value)) {
    const error: ImportError = {
      code: 'NOT_A_BOARD',
      path,
      message: `board must be an object, not ${show(value)}`,
    }
    return { board: null, errors: [error] }
  }
  const errors: ImportError[] = []
  const invalid: InvalidRecord[] = []
  const meta = readMeta(value['meta'], `${path}.meta`, errors)

  // A broken record is fatal in `reject` mode; in `report` mode it becomes an invalid record.
  const keep = <T>(
    collection: InvalidRecord['collection'],
    id: string,
    reader: FieldReader,
    record: T,
  ): T | null => {
    if (reader.problems.length === 0) return record
    if (mode === 'reject') errors.push(...reader.problems)
    else invalid.push({ collection, id, problems: reader.problems.map((p) => p.message) })
    return null
  }
  const list = (key: string, optional = false): { items: unknown[]; at: string } | null => {
    const v = value[key]
    const at = `${path}.${key}`
    if (optional && v === undefined) return null
    if (Array.isArray(v)) return { items: v, at }
    errors.push({ code: 'NOT_A_BOARD', path: at, message: `board.${key} must be an array, not ${show(v)}` })
    return { items: [], at }
  }

  const elements = readAll(list('elements'), 'element', (r) =>
    keep('elements', r.id, r.reader, readElement(r)),
  )
  // In `reject` mode a link to an element that is itself broken is not reported twice.
  const endIds = new Set(mode === 'report' ? elements.map((e) => e.id) : idsOf(value['elements']))
  const links = readAll(list('links'), 'link', (r) => keep('links', r.id, r.reader, readLink(r, endIds)))
  const meetings = readAll(list('meetings'), 'meeting', (r) =>
    keep('meetings', r.id, r.reader, readMeeting(r)),
  )
  const people = readAll(list('people'), 'person', (r) => keep('people', r.id, r.reader, readPerson(r)))
  const commentList = list('comments', true)
  const comments = commentList
    ? readAll(commentList, 'comment thread', (r) => keep('comments', r.id, r.reader, readComment(r)))
    : null
  const earlier = readInvalid(list('invalid', true), errors)

  for (const [items, what] of [
    [elements, 'element'],
    [links, 'link'],
    [meetings, 'meeting'],
    [people, 'person'],
  ] as const) {
    errors.push(...duplicates(items, what, path))
  }
  const numbers = new Set<number>()
  for (const m of meetings) {
    if (numbers.has(m.number)) {
      errors.push({
        code: 'DUPLICATE_ID',
        path: `${path}.meetings`,
        message: `two meetings have the number ${m.number}`,
      })
    }
    numbers.add(m.number)
  }
  if (errors.length > 0 || meta === null) return { board: null, errors }
  const board: BoardData = {
    meta,
    elements,
    links,
    meetings,
    people,
    invalid: [...earlier, ...invalid],
    ...(comments ? { comments } : {}),
  }
  return applyModelRules(board, value, path, mode)
}

interface RawRecord {
  readonly reader: FieldReader
  readonly id: string
}

/** Reads every item of a list with `read`, skipping the ones it refuses. */
function readAll<T>(
  list: { items: unknown[]; at: string } | null,
  what: string,
  read: (raw: RawRecord) => T | null,
): T[] {
  if (list === null) return []
  const out: T[] = []
  list.items.forEach((item, i) => {
    const path = `${list.at}[${i}]`
    const record: JsonObject = isJsonObject(item) ? item : {}
    const id = typeof record['id'] === 'string' && record['id'] !== '' ? record['id'] : `#${i}`
    const reader = new FieldReader(record, path, `${what} ${JSON.stringify(id)}`)
    if (!isJsonObject(item)) reader.fail(null, `must be an object, not ${show(item)}`)
    else reader.string('id', true)
    const value = read({ reader, id })
    if (value !== null) out.push(value)
  })
  return out
}

function idsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list.flatMap((e) => (isJsonObject(e) && typeof e['id'] === 'string' ? [e['id']] : []))
}

function duplicates(items: readonly { id: string }[], what: string, path: string): ImportError[] {
  const seen = new Set<string>()
  const out: ImportError[] = []
  for (const { id } of items) {
    if (seen.has(id)) {
      const message = `two ${what === 'person' ? 'people' : `${what}s`} have the id ${JSON.stringify(id)}`
      out.push({ code: 'DUPLICATE_ID', path, message })
    }
    seen.add(id)
  }
  return out
}

function readProvenance(r: FieldReader) {
  return {
    createdBy: r.stringOrNull('createdBy'),
    createdAt: r.numberOrNull('createdAt'),
    updatedBy: r.stringOrNull('updatedBy'),
    updatedAt: r.numberOrNull('updatedAt'),
    meeting: r.numberOrNull('meeting', { integer: true, min: 0 }),
    updatedMeeting: r.numberOrNull('updatedMeeting', { integer: true, min: 0 }),
  }
}

function readElement({ reader: r, id }: RawRecord): ElementData {
  const type = r.oneOf('type', ELEMENT_TYPES, 'type')
  const kinds = KINDS_BY_TYPE[type]
  const kind = r.string('kind')
  if (r.problems.every((p) => !p.path.endsWith('.type')) && !kinds.includes(kind)) {
    r.fail('kind', `kind ${show(kind)} is not a kind of ${type} (${kinds.join(', ')})`)
  }
  const w = r.number('w', { min: 0 })
  const h = r.number('h', { min: 0 })
  return {
    id,
    type,
    kind,
    x: r.number('x'),
    y: r.number('y'),
    w,
    h,
    label: r.string('label'),
    org: r.stringOrNull('org'),
    arena: r.stringOrNull('arena'),
    color: r.stringOrNull('color'),
    z: r.string('z'),
    tags: r.strings('tags'),
    ...readProvenance(r),
    extra: r.extra(ELEMENT_FIELDS),
  }
}

function readLink({ reader: r, id }: RawRecord, elementIds: ReadonlySet<string>): LinkData {
  const from = r.string('from', true)
  const to = r.string('to', true)
  for (const [key, end] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (end !== '' && !elementIds.has(end)) {
      r.fail(key, `${key} refers to ${show(end)}, which is not an element of this board`, 'MISSING_REFERENCE')
    }
  }
  const label = r.record['label'] === undefined ? '' : r.string('label')
  return {
    id,
    from,
    to,
    kind: r.oneOf('kind', LINK_KINDS, 'kind'),
    label,
    ...readProvenance(r),
    extra: r.extra(LINK_FIELDS),
  }
}

function readMeeting({ reader: r, id }: RawRecord): MeetingData {
  const date = r.string('date')
  if (date !== '' && !ISO_DATE.test(date)) r.fail('date', `date ${show(date)} is not a date like 2021-09-14`)
  return {
    id,
    number: r.number('number', { integer: true, min: 0 }),
    title: r.string('title'),
    date,
    agenda: r.strings('agenda'),
    attendees: r.strings('attendees'),
    startedAt: r.numberOrNull('startedAt'),
    endedAt: r.numberOrNull('endedAt'),
    extra: r.extra(MEETING_FIELDS),
  }
}

function readPerson({ reader: r, id }: RawRecord): PersonData {
  const extra = r.extra(PERSON_FIELDS)
  // `extra` is present on a person only when the stored record had unknown fields (model/types.ts).
  const person: PersonData = {
    id,
    name: r.string('name'),
    role: r.stringOrNull('role'),
    org: r.stringOrNull('org'),
  }
  return Object.keys(extra).length > 0 ? { ...person, extra } : person
}

function readComment({ reader: r, id }: RawRecord): CommentThreadData {
  const raw = r.record['messages']
  const messages: CommentThreadData['messages'][number][] = []
  if (!Array.isArray(raw)) r.fail('messages', `messages must be an array, not ${show(raw)}`)
  else {
    raw.forEach((m, i) => {
      const mr = new FieldReader(isJsonObject(m) ? m : {}, `${r.path}.messages[${i}]`, r.name)
      const message = {
        id: mr.string('id', true),
        author: mr.stringOrNull('author'),
        text: mr.string('text'),
        at: mr.number('at'),
      }
      r.problems.push(...mr.problems)
      messages.push(message)
    })
  }
  return {
    id,
    element: r.string('element', true),
    messages,
    resolved: r.boolean('resolved'),
    extra: r.extra(COMMENT_FIELDS),
  }
}

function readMeta(value: unknown, path: string, errors: ImportError[]): BoardMeta | null {
  if (!isJsonObject(value)) {
    errors.push({ code: 'NOT_A_BOARD', path, message: `board.meta must be an object, not ${show(value)}` })
    return null
  }
  const r = new FieldReader(value, path, 'board meta')
  const meta: BoardMeta = {
    schema: r.number('schema', { integer: true, min: 1 }),
    title: r.string('title'),
    template: r.stringOrNull('template'),
    createdAt: r.stringOrNull('createdAt'),
    pseudonymous: r.boolean('pseudonymous'),
  }
  const extra = r.extra(META_FIELDS)
  errors.push(...r.problems)
  return Object.keys(extra).length > 0 ? { ...meta, extra } : meta
}

function readInvalid(list: { items: unknown[]; at: string } | null, errors: ImportError[]): InvalidRecord[] {
  if (list === null) return []
  return list.items.map((item, i) => {
    const r = new FieldReader(isJsonObject(item) ? item : {}, `${list.at}[${i}]`, `invalid record #${i}`)
    const record: InvalidRecord = {
      collection: r.oneOf('collection', INVALID_COLLECTIONS, 'collection'),
      id: r.string('id'),
      problems: r.strings('problems'),
    }
    errors.push(...r.problems)
    return record
  })
}
