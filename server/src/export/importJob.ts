/**
 * What the export worker does for a board import (server/SPEC.md H7, H8): read a `circleboard-board` JSON
 * file with shared's importer (every problem reported, with its JSONPath), take identity numbers out of
 * its texts (P2), and turn it into one Yjs update: a new board's first update, or the records to add to an
 * existing board.
 *
 * Merge rules: elements, links and comment threads are added; one whose id the board already uses gets a
 * new id, and the references to it inside the file (link ends, `org`, `arena`, a thread's element) follow.
 * People are added unless the board has a person of that id (the same person: ids are random). Meetings
 * are not merged: their numbers belong to the other circle's series (the records keep their meeting
 * numbers as provenance). The board's title and settings stay. The added content is placed to the right
 * of what is on the board, so that nothing lands on top of existing work.
 */
import * as Y from 'yjs'
import {
  DocName,
  Origin,
  importBoardJson,
  randomId,
  writeBoard,
  type BoardData,
  type ElementData,
} from '@circleboard/shared'
import { scrubBoardData } from '../privacy/identityText.js'
import { docFrom } from './exportJob.js'
import type { ImportDone, ImportRefused, ImportRequest } from './exportTypes.js'

/** Errors listed in a refusal; the rest are counted. */
export const MAX_LISTED_IMPORT_ERRORS = 50
/** Gap between the board's content and merged content, in board units. */
export const MERGE_GAP = 200

/** Runs one import. */
export function runImport(req: ImportRequest): ImportDone | ImportRefused {
  const parsed = importBoardJson(req.text)
  if (!parsed.ok) {
    return { ok: false, errors: parsed.error.slice(0, MAX_LISTED_IMPORT_ERRORS), total: parsed.error.length }
  }
  const { board: file, removed } = scrubBoardData(parsed.value)
  const doc = req.mode === 'merge' && req.current ? docFrom(req.current) : new Y.Doc()
  try {
    let data: BoardData
    let renamed = 0
    if (req.mode === 'new') {
      const title = req.title ?? (file.meta.title.trim() || 'Imported board')
      data = { ...file, meta: { ...file.meta, title, createdAt: req.createdAt } }
    } else {
      const merged = mergeable(doc, file)
      data = merged.data
      renamed = merged.renamed
    }
    const captured: Uint8Array[] = []
    const capture = (u: Uint8Array): void => {
      captured.push(u)
    }
    doc.on('update', capture)
    try {
      writeBoard(doc, data, Origin.import, { meta: req.mode === 'new' })
    } finally {
      doc.off('update', capture)
    }
    return {
      ok: true,
      update: req.mode === 'new' ? Y.encodeStateAsUpdate(doc) : Y.mergeUpdates(captured),
      title: data.meta.title,
      template: data.meta.template,
      elements: data.elements.length,
      links: data.links.length,
      comments: data.comments?.length ?? 0,
      renamed,
      removedIdentityNumbers: removed,
    }
  } finally {
    doc.destroy()
  }
}

/** The file's records, renamed where the board's ids are taken and moved beside the board's content. */
function mergeable(doc: Y.Doc, file: BoardData): { data: BoardData; renamed: number } {
  let renamed = 0
  const renamer = (taken: Y.Map<unknown>, ids: readonly string[]): Map<string, string> => {
    const used = new Set([...taken.keys(), ...ids])
    const out = new Map<string, string>()
    for (const id of ids) {
      if (!taken.has(id)) continue
      let fresh = randomId()
      while (used.has(fresh)) fresh = randomId()
      used.add(fresh)
      out.set(id, fresh)
      renamed++
    }
    return out
  }
  const el = renamer(
    doc.getMap(DocName.elements),
    file.elements.map((e) => e.id),
  )
  const ln = renamer(
    doc.getMap(DocName.links),
    file.links.map((l) => l.id),
  )
  const th = renamer(
    doc.getMap(DocName.comments),
    (file.comments ?? []).map((c) => c.id),
  )
  const e = (id: string): string => el.get(id) ?? id
  const eOrNull = (id: string | null): string | null => (id === null ? null : e(id))
  const { dx, dy } = offset(doc, file.elements)
  const people = doc.getMap(DocName.people)
  return {
    renamed,
    data: {
      ...file,
      meetings: [],
      people: file.people.filter((p) => !people.has(p.id)),
      elements: file.elements.map((x) => ({
        ...x,
        id: e(x.id),
        org: eOrNull(x.org),
        arena: eOrNull(x.arena),
        x: x.x + dx,
        y: x.y + dy,
      })),
      links: file.links.map((l) => ({ ...l, id: ln.get(l.id) ?? l.id, from: e(l.from), to: e(l.to) })),
      ...(file.comments
        ? { comments: file.comments.map((c) => ({ ...c, id: th.get(c.id) ?? c.id, element: e(c.element) })) }
        : {}),
    },
  }
}

/** Moves imported elements to the right of the board's content, top edges aligned; none on an empty board. */
function offset(doc: Y.Doc, imported: readonly ElementData[]): { dx: number; dy: number } {
  let right = -Infinity
  let top = Infinity
  doc.getMap<unknown>(DocName.elements).forEach((value) => {
    if (!(value instanceof Y.Map)) return
    const x = value.get('x')
    const y = value.get('y')
    const w = value.get('w')
    if (typeof x !== 'number' || typeof y !== 'number' || typeof w !== 'number') return
    right = Math.max(right, x + w)
    top = Math.min(top, y)
  })
  if (imported.length === 0 || right === -Infinity) return { dx: 0, dy: 0 }
  const left = imported.reduce((m, x) => Math.min(m, x.x), Infinity)
  const importedTop = imported.reduce((m, x) => Math.min(m, x.y), Infinity)
  return { dx: Math.round(right + MERGE_GAP - left), dy: Math.round(top - importedTop) }
}
