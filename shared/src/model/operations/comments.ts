/**
 * Operations on comment threads: open a thread on an element, reply, resolve or reopen, delete. Messages
 * are appended to a `Y.Array`, so replies posted at the same moment are all kept, in an order every peer
 * agrees on.
 */
import * as Y from 'yjs'
import type { CommentMessageData } from '../types.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { show } from '../fields.js'
import { checkContext, edit, newIdOf, nowOf, type EditContext } from '../context.js'
import { MAX_COMMENT_LENGTH, readThread } from '../comments.js'
import { isValidId } from '../ids.js'
import { mapsOf, refuse, requireElement, requireId } from './access.js'
import type { BoardMaps } from '../writeBoard.js'

function checkText(text: unknown): void {
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_COMMENT_LENGTH) {
    refuse([`a comment must be non-empty text of at most ${MAX_COMMENT_LENGTH} characters`])
  }
}

function requireThread(maps: BoardMaps, id: string): Y.Map<unknown> {
  requireId(id, 'the comment thread')
  const value = maps.comments.get(id)
  if (value === undefined) throw new ModelError(ModelErrorCode.notFound, `no comment thread '${id}'`)
  const result = readThread(id, value)
  if (!result.ok) {
    throw new ModelError(
      ModelErrorCode.invalidRecord,
      `comment thread '${id}' is invalid`,
      result.invalid.problems,
    )
  }
  return value as Y.Map<unknown>
}

function message(ctx: EditContext, text: string): CommentMessageData {
  return { id: newIdOf(ctx), author: ctx.personId, text, at: nowOf(ctx) }
}

/** Opens a comment thread on an element with its first message; returns the thread's id. */
export function addCommentThread(doc: Y.Doc, elementId: string, text: string, ctx: EditContext): string {
  checkContext(ctx)
  checkText(text)
  const maps = mapsOf(doc)
  requireElement(maps, elementId)
  const id = newIdOf(ctx)
  if (!isValidId(id)) refuse([`id ${show(id)} is not a valid id`])
  if (maps.comments.has(id))
    throw new ModelError(ModelErrorCode.idTaken, `comment thread id '${id}' is taken`)
  const first = message(ctx, text)
  edit(doc, ctx, () => {
    const map = new Y.Map<unknown>()
    maps.comments.set(id, map)
    map.set('element', elementId)
    map.set('resolved', false)
    const messages = new Y.Array<unknown>()
    map.set('messages', messages)
    messages.push([{ ...first }])
  })
  return id
}

/** Adds a reply to a thread; returns the message's id. */
export function replyToThread(doc: Y.Doc, threadId: string, text: string, ctx: EditContext): string {
  checkContext(ctx)
  checkText(text)
  const map = requireThread(mapsOf(doc), threadId)
  const reply = message(ctx, text)
  edit(doc, ctx, () => {
    let messages = map.get('messages')
    if (!(messages instanceof Y.Array)) {
      // A thread written as plain data (an import) gets its Y.Array on first reply.
      const existing = Array.isArray(messages) ? (messages as unknown[]) : []
      messages = new Y.Array<unknown>()
      map.set('messages', messages)
      ;(messages as Y.Array<unknown>).push(existing)
    }
    ;(messages as Y.Array<unknown>).push([{ ...reply }])
  })
  return reply.id
}

/** Resolves or reopens a thread. */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, ctx: EditContext): void {
  checkContext(ctx)
  if (typeof resolved !== 'boolean') refuse(['resolved must be true or false'])
  const map = requireThread(mapsOf(doc), threadId)
  edit(doc, ctx, () => map.set('resolved', resolved))
}

/** Deletes a thread; an id already gone is skipped. Returns whether it deleted one. */
export function deleteCommentThread(doc: Y.Doc, threadId: string, ctx: EditContext): boolean {
  checkContext(ctx)
  const maps = mapsOf(doc)
  if (!maps.comments.has(threadId)) return false
  edit(doc, ctx, () => maps.comments.delete(threadId))
  return true
}
