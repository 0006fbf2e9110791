/**
 * `readBoard`: the whole document as validated plain data. Every record goes through its validator;
 * what fails is listed in `invalid` with its problems and left out of the data, so exports, analysis and
 * the canvas only ever see consistent records:
 * - every link and comment thread joins elements that are in `elements` (a dangling one is invalid);
 * - an element's `org` names an organisation actor and its `arena` an arena, or they read as `null`
 *   (the element itself is fine; only the relation is gone, e.g. after a concurrent delete);
 * - records come in a canonical order, the same on every peer: elements by stacking order `(z, id)`,
 *   meetings by number then id, everything else by id.
 */
import * as Y from 'yjs'
import { DocName } from './document.js'
import type {
  BoardData,
  CommentThreadData,
  ElementData,
  InvalidRecord,
  LinkData,
  MeetingData,
  PersonData,
} from './types.js'
import type { ReadResult } from './errors.js'
import { readElement } from './elements/element.js'
import { ORGANISATION_KIND } from './elements/actor.js'
import { readLink } from './links.js'
import { readMeeting } from './meetings.js'
import { readPerson } from './people.js'
import { readThread } from './comments.js'
import { parseMeta } from './meta.js'
import { compareKeys, compareStacking } from './zOrder.js'

/** A top-level map of the document, or `null` when that name holds another kind of Yjs type. */
export function rootMap(doc: Y.Doc, name: string): Y.Map<unknown> | null {
  try {
    return doc.getMap<unknown>(name)
  } catch {
    // Yjs throws when the name was first defined locally with another constructor (getArray, getText).
    return null
  }
}

type Collection = InvalidRecord['collection']

function readAll<T>(
  doc: Y.Doc,
  collection: Collection,
  read: (id: string, value: unknown) => ReadResult<T>,
  invalid: InvalidRecord[],
): T[] {
  const map = rootMap(doc, DocName[collection])
  if (map === null) {
    invalid.push({ collection, id: '*', problems: [`the ${collection} collection is not a Y.Map`] })
    return []
  }
  const out: T[] = []
  for (const [id, value] of map.entries()) {
    const result = read(id, value)
    if (result.ok) out.push(result.value)
    else invalid.push(result.invalid)
  }
  return out
}

/** Resolves `org` and `arena` against the valid elements (see the module comment). */
function resolveRelations(elements: readonly ElementData[]): ElementData[] {
  const byId = new Map(elements.map((el) => [el.id, el]))
  return elements.map((el) => {
    const org = el.org === null ? null : byId.get(el.org)
    const arena = el.arena === null ? null : byId.get(el.arena)
    const orgOk =
      el.org === null || (org?.type === 'actor' && org.kind === ORGANISATION_KIND && org.id !== el.id)
    const arenaOk = el.arena === null || (arena?.type === 'arena' && el.type !== 'arena')
    if (orgOk && arenaOk) return el
    return { ...el, org: orgOk ? el.org : null, arena: arenaOk ? el.arena : null }
  })
}

function endProblem(
  end: 'from' | 'to',
  id: string,
  valid: ReadonlySet<string>,
  stored: ReadonlySet<string>,
): string[] {
  if (valid.has(id)) return []
  return [
    stored.has(id)
      ? `dangling: ${end} element '${id}' is invalid`
      : `dangling: ${end} element '${id}' is missing`,
  ]
}

/** The document as validated plain data. Never throws, whatever the document holds. */
export function readBoard(doc: Y.Doc): BoardData {
  const invalid: InvalidRecord[] = []
  const metaMap = rootMap(doc, DocName.meta)
  const meta = parseMeta(metaMap ?? new Y.Map())
  const elements = resolveRelations(readAll(doc, 'elements', readElement, invalid)).sort(compareStacking)
  const valid = new Set(elements.map((el) => el.id))
  const stored = new Set(rootMap(doc, DocName.elements)?.keys() ?? [])

  const links: LinkData[] = []
  for (const link of readAll(doc, 'links', readLink, invalid)) {
    const problems = [
      ...endProblem('from', link.from, valid, stored),
      ...endProblem('to', link.to, valid, stored),
    ]
    if (problems.length > 0) invalid.push({ collection: 'links', id: link.id, problems })
    else links.push(link)
  }
  const comments: CommentThreadData[] = []
  for (const thread of readAll(doc, 'comments', readThread, invalid)) {
    if (valid.has(thread.element)) comments.push(thread)
    else {
      const state = stored.has(thread.element) ? 'invalid' : 'missing'
      invalid.push({
        collection: 'comments',
        id: thread.id,
        problems: [`element '${thread.element}' is ${state}`],
      })
    }
  }
  const meetings: MeetingData[] = readAll(doc, 'meetings', readMeeting, invalid)
  const people: PersonData[] = readAll(doc, 'people', readPerson, invalid)

  const byId = (a: { id: string }, b: { id: string }): number => compareKeys(a.id, b.id)
  const order: Collection[] = ['elements', 'links', 'meetings', 'people', 'comments']
  return {
    meta,
    elements,
    links: links.sort(byId),
    meetings: meetings.sort((a, b) => a.number - b.number || byId(a, b)),
    people: people.sort(byId),
    invalid: invalid.sort((a, b) => order.indexOf(a.collection) - order.indexOf(b.collection) || byId(a, b)),
    comments: comments.sort(byId),
  }
}

/** One element of the document, validated; `null` when it is missing. Relations are not resolved. */
export function readElementById(doc: Y.Doc, id: string): ReadResult<ElementData> | null {
  const map = rootMap(doc, DocName.elements)
  if (map === null || !map.has(id)) return null
  return readElement(id, map.get(id))
}
