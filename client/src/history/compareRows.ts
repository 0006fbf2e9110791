/**
 * The comparison as table rows: one row per added, removed or changed element or link, with each changed
 * field's old and new value in words, and the orders the table can be sorted in. Plain data, so the
 * table component only draws and the tests read what a person would read.
 */
import {
  ELEMENT_TYPE_NAMES,
  LINK_KIND_NAMES,
  describeElementChange,
  describeLinkChange,
  kindName,
  type BoardData,
  type BoardDiff,
  type ElementData,
  type ElementFieldChange,
  type HighlightState,
  type Language,
  type LinkData,
  type LinkFieldChange,
} from '@circleboard/shared'

/** One changed field, old and new value in words (`null`: none). */
export interface FieldRow {
  readonly field: string
  readonly before: string | null
  readonly after: string | null
}

/** One row of the comparison table. */
export interface CompareRow {
  /** Unique across the table (`e:<id>` or `l:<id>`). */
  readonly key: string
  readonly id: string
  readonly record: 'element' | 'link'
  readonly change: HighlightState
  /** Type name of an element, kind name of a link, in the language. */
  readonly what: string
  /** An element's label; for a link, "from → to" and its label. */
  readonly label: string
  /** Changed fields (changed records only). */
  readonly fields: readonly FieldRow[]
  /** The change in one sentence ("relabelled from “A” to “B”; moved"), for screen readers and tooltips. */
  readonly summary: string
}

/** Columns the table sorts by. */
export type CompareSortKey = 'change' | 'what' | 'label'

/** Order of change kinds when sorting by change. */
export const CHANGE_ORDER: readonly HighlightState[] = ['added', 'changed', 'removed']

const collator = (lang: Language): Intl.Collator =>
  new Intl.Collator(lang === 'sv' ? 'sv-SE' : 'en-GB', { sensitivity: 'base' })

function labelOf(id: string | null, ...boards: readonly (BoardData | null)[]): string | null {
  if (id === null) return null
  for (const b of boards) {
    const e = b?.elements.find((el) => el.id === id)
    if (e) return e.label === '' ? id : e.label
  }
  return id
}

function elementValue(
  change: ElementFieldChange,
  side: 'before' | 'after',
  lang: Language,
  record: ElementData,
  boards: readonly (BoardData | null)[],
): string | null {
  switch (change.field) {
    case 'type':
      return ELEMENT_TYPE_NAMES[lang][change[side]].one
    case 'kind':
      return kindName(lang, record.type, change[side])
    case 'position': {
      const p = change[side]
      return `(${Math.round(p.x)}, ${Math.round(p.y)})`
    }
    case 'size': {
      const s = change[side]
      return `${Math.round(s.w)} × ${Math.round(s.h)}`
    }
    case 'org':
    case 'arena':
      return labelOf(change[side], ...boards)
    case 'tags': {
      const tags = change[side]
      return tags.length === 0 ? null : tags.join(', ')
    }
    case 'extra':
      return JSON.stringify(change[side])
    default: {
      const v = change[side]
      return v === null || v === '' ? null : String(v)
    }
  }
}

function linkValue(
  change: LinkFieldChange,
  side: 'before' | 'after',
  lang: Language,
  boards: readonly (BoardData | null)[],
): string | null {
  switch (change.field) {
    case 'from':
    case 'to':
      return labelOf(change[side], ...boards)
    case 'kind':
      return LINK_KIND_NAMES[lang][change[side]].noun
    case 'extra':
      return JSON.stringify(change[side])
    default: {
      const v = change[side]
      return v === null || v === '' ? null : String(v)
    }
  }
}

function linkLabel(link: LinkData, boards: readonly (BoardData | null)[]): string {
  const ends = `${labelOf(link.from, ...boards)} → ${labelOf(link.to, ...boards)}`
  return link.label === '' ? ends : `${ends} (${link.label})`
}

/** The table rows of `diff` between `before` and `after`, in the diff's own stable order. */
export function compareRows(
  diff: BoardDiff,
  before: BoardData,
  after: BoardData,
  lang: Language,
): CompareRow[] {
  const rows: CompareRow[] = []
  const describe = { lang, before, after }
  const older = [before, after] as const
  const newer = [after, before] as const
  const typeName = (e: ElementData): string => ELEMENT_TYPE_NAMES[lang][e.type].one
  const linkName = (l: LinkData): string => LINK_KIND_NAMES[lang][l.kind].noun
  for (const e of diff.elements.added) rows.push(elementRow(e, 'added', typeName(e), [], ''))
  for (const c of diff.elements.changed) {
    const fields = c.changes.map((f) => ({
      field: f.field,
      before: elementValue(f, 'before', lang, c.before, older),
      after: elementValue(f, 'after', lang, c.after, newer),
    }))
    rows.push(elementRow(c.after, 'changed', typeName(c.after), fields, describeElementChange(c, describe)))
  }
  for (const e of diff.elements.removed) rows.push(elementRow(e, 'removed', typeName(e), [], ''))
  for (const l of diff.links.added) rows.push(linkRow(l, 'added', linkName(l), linkLabel(l, newer), [], ''))
  for (const c of diff.links.changed) {
    const fields = c.changes.map((f) => ({
      field: f.field,
      before: linkValue(f, 'before', lang, older),
      after: linkValue(f, 'after', lang, newer),
    }))
    rows.push(
      linkRow(
        c.after,
        'changed',
        linkName(c.after),
        linkLabel(c.after, newer),
        fields,
        describeLinkChange(c, describe),
      ),
    )
  }
  for (const l of diff.links.removed)
    rows.push(linkRow(l, 'removed', linkName(l), linkLabel(l, older), [], ''))
  return rows
}

function elementRow(
  e: ElementData,
  change: HighlightState,
  what: string,
  fields: FieldRow[],
  summary: string,
): CompareRow {
  return { key: `e:${e.id}`, id: e.id, record: 'element', change, what, label: e.label, fields, summary }
}

function linkRow(
  l: LinkData,
  change: HighlightState,
  what: string,
  label: string,
  fields: FieldRow[],
  summary: string,
): CompareRow {
  return { key: `l:${l.id}`, id: l.id, record: 'link', change, what, label, fields, summary }
}

/**
 * `rows` sorted by `key` (ties keep the diff's stable order, so sorting by change kind groups the rows
 * without shuffling them); `descending` reverses the order of the key only.
 */
export function sortRows(
  rows: readonly CompareRow[],
  key: CompareSortKey,
  descending: boolean,
  lang: Language,
): CompareRow[] {
  const c = collator(lang)
  const order = (r: CompareRow): number => CHANGE_ORDER.indexOf(r.change)
  const cmp = (a: CompareRow, b: CompareRow): number => {
    switch (key) {
      case 'change':
        return order(a) - order(b)
      case 'what':
        return (a.record === b.record ? 0 : a.record === 'element' ? -1 : 1) || c.compare(a.what, b.what)
      case 'label':
        return c.compare(a.label, b.label)
    }
  }
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (descending ? -cmp(a.row, b.row) : cmp(a.row, b.row)) || a.index - b.index)
    .map((x) => x.row)
}
