/**
 * Writing plain `BoardData` into a document: `writeBoard` adds it (templates, the example board, JSON
 * import), `replaceBoard` turns the document into it with as few changes as possible (restoring a snapshot
 * as a new, undoable change). Both validate the whole of `data` first and write nothing when anything is
 * wrong, then run in one transaction with the caller's origin.
 *
 * Round trip: for valid data in canonical order (what `readBoard` returns; see `canonicalBoard`),
 * `readBoard(doc)` after `writeBoard(doc, data)` on an empty document deep-equals `data`, `meta.schema`
 * being `SCHEMA_VERSION` (what is written is laid out in this version's schema).
 */
import * as Y from 'yjs'
import { DocName, SCHEMA_VERSION } from './document.js'
import type { BoardData, CommentThreadData, ElementData, LinkData, MeetingData, PersonData } from './types.js'
import { ModelError, ModelErrorCode } from './errors.js'
import { elementDataProblems, insertElement, writeElementFields } from './elements/element.js'
import { ORGANISATION_KIND } from './elements/actor.js'
import { insertLink, linkDataProblems, writeLinkFields } from './links.js'
import { meetingDataProblems, writeMeetingFields } from './meetings.js'
import { personDataProblems, writePersonFields } from './people.js'
import { threadDataProblems, writeThreadFields } from './comments.js'
import { metaProblems, writeMetaFields } from './meta.js'
import { rootMap } from './readBoard.js'
import { isPlainObject } from './fields.js'
import { compareKeys, compareStacking } from './zOrder.js'

/** The top-level maps of a board document. */
export interface BoardMaps {
  readonly elements: Y.Map<unknown>
  readonly links: Y.Map<unknown>
  readonly meta: Y.Map<unknown>
  readonly meetings: Y.Map<unknown>
  readonly people: Y.Map<unknown>
  readonly comments: Y.Map<unknown>
}

/** The document's top-level maps; throws `BOARD_ERR_INVALID_RECORD` when one is another kind of type. */
export function boardMaps(doc: Y.Doc): BoardMaps {
  const get = (name: string): Y.Map<unknown> => {
    const map = rootMap(doc, name)
    if (map === null) {
      throw new ModelError(
        ModelErrorCode.invalidRecord,
        `the ${name} collection is not a Y.Map: cannot write`,
      )
    }
    return map
  }
  return {
    elements: get(DocName.elements),
    links: get(DocName.links),
    meta: get(DocName.meta),
    meetings: get(DocName.meetings),
    people: get(DocName.people),
    comments: get(DocName.comments),
  }
}

function collectionProblems<T extends { id: string }>(
  name: string,
  records: readonly T[] | undefined,
  check: (record: T) => string[],
): string[] {
  if (!Array.isArray(records)) return [`${name} is not a list`]
  const problems: string[] = []
  const seen = new Set<string>()
  for (const record of records) {
    if (typeof record?.id !== 'string' || record.id === '') {
      problems.push(`${name}: a record has no id`)
      continue
    }
    if (seen.has(record.id)) problems.push(`${name}[${record.id}]: id used twice`)
    seen.add(record.id)
    for (const p of check(record)) problems.push(`${name}[${record.id}]: ${p}`)
  }
  return problems
}

/**
 * Every problem with `data` as something to write: each record's own validity, duplicate ids, and
 * references inside `data` (link ends, comment anchors, `org` naming an organisation actor, `arena` naming
 * an arena). `[]` when it may be written.
 */
export function boardDataProblems(data: BoardData): string[] {
  if (!isPlainObject(data)) return ['the board data must be an object']
  if (!isPlainObject(data.meta)) return ['meta must be an object']
  const problems = [
    ...metaProblems(data.meta),
    ...collectionProblems('elements', data.elements, elementDataProblems),
    ...collectionProblems('links', data.links, linkDataProblems),
    ...collectionProblems('meetings', data.meetings, meetingDataProblems),
    ...collectionProblems('people', data.people, personDataProblems),
    ...collectionProblems('comments', data.comments ?? [], threadDataProblems),
  ]
  if (problems.length > 0) return problems
  const byId = new Map(data.elements.map((el) => [el.id, el]))
  for (const el of data.elements) {
    if (el.org !== null) {
      const org = byId.get(el.org)
      if (org === undefined || org.type !== 'actor' || org.kind !== ORGANISATION_KIND || org.id === el.id) {
        problems.push(`elements[${el.id}]: org '${el.org}' is not an organisation actor of this board`)
      }
    }
    if (el.arena !== null && (byId.get(el.arena)?.type !== 'arena' || el.type === 'arena')) {
      problems.push(
        `elements[${el.id}]: arena '${el.arena}' is not an arena of this board, or it is an arena itself`,
      )
    }
  }
  for (const link of data.links) {
    for (const end of [link.from, link.to]) {
      if (!byId.has(end)) problems.push(`links[${link.id}]: element '${end}' is not in the data`)
    }
  }
  for (const thread of data.comments ?? []) {
    if (!byId.has(thread.element))
      problems.push(`comments[${thread.id}]: element '${thread.element}' is not in the data`)
  }
  return problems
}

function assertWritable(data: BoardData): void {
  const problems = boardDataProblems(data)
  if (problems.length > 0) {
    throw new ModelError(
      ModelErrorCode.invalidData,
      `the board data is invalid: ${problems[0] as string}`,
      problems,
    )
  }
}

/** Options of `writeBoard`. */
export interface WriteBoardOptions {
  /** Write `data.meta` too (default true); templates leave the board's meta as it is. */
  readonly meta?: boolean
}

/**
 * Adds `data` to `doc` in one transaction: records keep their ids, provenance and `extra` fields; a record
 * whose id already exists is replaced. Throws `BOARD_ERR_INVALID_DATA` (writing nothing) when `data` is invalid.
 */
export function writeBoard(
  doc: Y.Doc,
  data: BoardData,
  origin: unknown,
  options: WriteBoardOptions = {},
): void {
  assertWritable(data)
  const maps = boardMaps(doc)
  doc.transact(() => {
    if (options.meta !== false) writeMetaFields(maps.meta, data.meta, SCHEMA_VERSION)
    for (const el of data.elements) insertElement(maps.elements, el)
    for (const link of data.links) insertLink(maps.links, link)
    for (const meeting of data.meetings) insertInto(maps.meetings, meeting, writeMeetingFields)
    for (const person of data.people) insertInto(maps.people, person, writePersonFields)
    for (const thread of data.comments ?? []) insertInto(maps.comments, thread, writeThreadFields)
  }, origin)
}

function insertInto<T extends { id: string }>(
  collection: Y.Map<unknown>,
  record: T,
  write: (map: Y.Map<unknown>, record: T) => void,
): void {
  const map = new Y.Map<unknown>()
  collection.set(record.id, map)
  write(map, record)
}

function replaceCollection<T extends { id: string }>(
  collection: Y.Map<unknown>,
  records: readonly T[],
  write: (map: Y.Map<unknown>, record: T) => void,
): void {
  const wanted = new Set(records.map((r) => r.id))
  for (const id of [...collection.keys()]) if (!wanted.has(id)) collection.delete(id)
  for (const record of records) {
    const current = collection.get(record.id)
    if (current instanceof Y.Map) write(current as Y.Map<unknown>, record)
    else insertInto(collection, record, write)
  }
}

/**
 * Turns `doc` into `data` in one transaction with as few changes as possible: records not in `data` are
 * deleted (records this version reads as invalid too), changed fields are set, labels are edited rather
 * than replaced, new records are added. Undoing it (when `origin` is tracked) brings the old board back.
 * Throws `BOARD_ERR_INVALID_DATA` (writing nothing) when `data` is invalid.
 */
export function replaceBoard(doc: Y.Doc, data: BoardData, origin: unknown): void {
  assertWritable(data)
  const maps = boardMaps(doc)
  doc.transact(() => {
    writeMetaFields(maps.meta, data.meta, SCHEMA_VERSION)
    replaceCollection<ElementData>(maps.elements, data.elements, writeElementFields)
    replaceCollection<LinkData>(maps.links, data.links, writeLinkFields)
    replaceCollection<MeetingData>(maps.meetings, data.meetings, writeMeetingFields)
    replaceCollection<PersonData>(maps.people, data.people, writePersonFields)
    replaceCollection<CommentThreadData>(maps.comments, data.comments ?? [], writeThreadFields)
  }, origin)
}

/** `data` with its records in the order `readBoard` returns them (and `comments` always present). */
export function canonicalBoard(data: BoardData): BoardData {
  const byId = (a: { id: string }, b: { id: string }): number => compareKeys(a.id, b.id)
  return {
    ...data,
    elements: [...data.elements].sort(compareStacking),
    links: [...data.links].sort(byId),
    meetings: [...data.meetings].sort((a, b) => a.number - b.number || byId(a, b)),
    people: [...data.people].sort(byId),
    comments: [...(data.comments ?? [])].sort(byId),
  }
}
