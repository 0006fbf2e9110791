/**
 * Comment threads anchored to elements. Yjs layout (a `Y.Map` in the top-level `comments` map, keyed by
 * thread id):
 *
 * | field | stored as | why |
 * | --- | --- | --- |
 * | `element` | string | the element the thread is about; deleting the element deletes its threads |
 * | `messages` | `Y.Array` of `{ id, author, text, at }` | a Y.Array so that two replies posted at once are both kept; a message is a plain object, replaced whole when edited |
 * | `resolved` | boolean | resolved threads are hidden by default, kept for the record |
 *
 * A thread whose element is missing or invalid is reported as invalid, like a dangling link.
 */
import * as Y from 'yjs'
import type { CommentMessageData, CommentThreadData } from './types.js'
import type { ReadResult } from './errors.js'
import {
  describe,
  extraFields,
  extraProblems,
  plainEqual,
  rawOfMap,
  readBoolean,
  readId,
  setIfChanged,
  type Raw,
} from './fields.js'

/** The thread fields this version knows. */
export const COMMENT_FIELDS: ReadonlySet<string> = new Set(['element', 'messages', 'resolved'])

/** Longest comment message an operation writes. */
export const MAX_COMMENT_LENGTH = 5_000

function parseMessage(value: unknown, index: number, problems: string[]): CommentMessageData | null {
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    value instanceof Y.AbstractType
  ) {
    problems.push(`messages[${index}] is ${describe(value)}, not a message`)
    return null
  }
  const m = value as Record<string, unknown>
  const before = problems.length
  if (typeof m.id !== 'string' || m.id === '') problems.push(`messages[${index}].id is not an id`)
  if (m.author !== null && typeof m.author !== 'string')
    problems.push(`messages[${index}].author is not a string or null`)
  if (typeof m.text !== 'string') problems.push(`messages[${index}].text is not a string`)
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) problems.push(`messages[${index}].at is not a time`)
  if (problems.length > before) return null
  return { id: m.id as string, author: m.author as string | null, text: m.text as string, at: m.at as number }
}

/** Validates one stored thread's own fields (whether its element exists is `readBoard`'s part). */
export function parseThread(id: string, raw: Raw): ReadResult<CommentThreadData> {
  const problems: string[] = []
  const element = readId(raw, 'element', problems)
  const stored = raw.get('messages')
  const list: unknown = stored instanceof Y.Array ? stored.toArray() : stored === undefined ? [] : stored
  const messages: CommentMessageData[] = []
  if (!Array.isArray(list)) problems.push(`messages is ${describe(stored)}, not a list`)
  else {
    list.forEach((value, i) => {
      const message = parseMessage(value, i, problems)
      if (message) messages.push(message)
    })
  }
  const resolved = readBoolean(raw, 'resolved', problems, false)
  if (problems.length > 0) return { ok: false, invalid: { collection: 'comments', id, problems } }
  return { ok: true, value: { id, element, messages, resolved, extra: extraFields(raw, COMMENT_FIELDS) } }
}

/** Validates one entry of the `comments` map. Never throws. */
export function readThread(id: string, value: unknown): ReadResult<CommentThreadData> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      invalid: { collection: 'comments', id, problems: [`is ${describe(value)}, not a Y.Map`] },
    }
  }
  return parseThread(id, rawOfMap(value as Y.Map<unknown>))
}

/** Problems with a plain thread that is to be written. */
export function threadDataProblems(thread: CommentThreadData): string[] {
  const raw = new Map<string, unknown>([
    ['element', thread.element],
    ['messages', thread.messages],
    ['resolved', thread.resolved],
  ])
  const result = parseThread(String(thread.id), raw)
  const problems = result.ok ? [] : [...result.invalid.problems]
  if (typeof thread.resolved !== 'boolean') problems.push('resolved is missing')
  problems.push(...extraProblems(thread.extra, COMMENT_FIELDS))
  return problems
}

/** Writes `thread`'s fields into `map`, touching only what differs (messages are rewritten if any differs). */
export function writeThreadFields(map: Y.Map<unknown>, thread: CommentThreadData): void {
  for (const key of [...map.keys()]) {
    if (!COMMENT_FIELDS.has(key) && !Object.hasOwn(thread.extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(thread.extra)) setIfChanged(map, key, value)
  setIfChanged(map, 'element', thread.element)
  setIfChanged(map, 'resolved', thread.resolved)
  const wanted = thread.messages.map((m) => ({ id: m.id, author: m.author, text: m.text, at: m.at }))
  const stored = map.get('messages')
  if (stored instanceof Y.Array) {
    if (!plainEqual(stored.toArray(), wanted)) {
      stored.delete(0, stored.length)
      stored.push(wanted)
    }
  } else {
    const array = new Y.Array<unknown>()
    map.set('messages', array)
    array.push(wanted)
  }
}
