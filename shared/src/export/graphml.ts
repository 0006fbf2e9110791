/**
 * The board as a GraphML 1.0 graph (docs/export-formats.md) for Gephi, yEd, networkx, igraph and R:
 * elements are nodes, links are edges, every field a declared `<key>` with a fixed type.
 *
 * Choices made for the strictest reader, networkx's `read_graphml`:
 * - each attribute name has one type wherever it is used (`label` is a string on nodes and on edges);
 * - a missing value (no organisation, no meeting) is left out rather than written as an empty number;
 * - the graph is directed (`edgedefault="directed"`), and undirected relations (collaborates, relates)
 *   carry `directed` = false as data. networkx refuses a per-edge `directed="false"` attribute inside a
 *   directed graph, so that attribute, which Gephi reads to build a mixed graph, is written only on
 *   request (`mixedEdges`);
 * - no yEd `y:ShapeNode` graphics: yEd lays out and labels the plain graph through its Properties Mapper,
 *   and networkx would copy the graphics' geometry over our `x`/`y` attributes.
 */
import type { BoardData } from '../model/types.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, kindName, type Language } from '../i18n/terms.js'
import { UNDIRECTED_LINK_KINDS, personResolver, resourceClassOf, TAG_SEPARATOR } from './csv.js'
import { isoTimestamp } from './csvFormat.js'
import { escapeXmlAttribute, escapeXmlText } from './xmlEscape.js'

/** GraphML attribute types used here. */
export type GraphmlType = 'string' | 'double' | 'int' | 'boolean'

/** One declared attribute. */
export interface GraphmlKey {
  readonly id: string
  readonly for: 'graph' | 'node' | 'edge'
  readonly name: string
  readonly type: GraphmlType
}

/** Options of the GraphML export. */
export interface GraphmlOptions {
  /** Also mark undirected edges with GraphML's `directed="false"` (Gephi mixed graphs; networkx refuses it). */
  readonly mixedEdges?: boolean
  /** ISO 8601 time written as the graph's `exported_at`; left out when not given. */
  readonly exportedAt?: string
}

type Value = string | number | boolean | null

const key = (scope: GraphmlKey['for'], name: string, type: GraphmlType): GraphmlKey => ({
  id: `${scope[0]}_${name}`,
  for: scope,
  name,
  type,
})

/** Every key the export declares, in the order written. */
export const GRAPHML_KEYS: readonly GraphmlKey[] = [
  key('graph', 'title', 'string'),
  key('graph', 'schema', 'int'),
  key('graph', 'pseudonymous', 'boolean'),
  key('graph', 'language', 'string'),
  key('graph', 'exported_at', 'string'),
  ...(
    ['type', 'kind', 'type_name', 'kind_name', 'label', 'org', 'org_label', 'arena', 'arena_label'] as const
  ).map((name) => key('node', name, 'string')),
  ...(['color', 'tags', 'resource_class'] as const).map((name) => key('node', name, 'string')),
  ...(['x', 'y', 'w', 'h'] as const).map((name) => key('node', name, 'double')),
  key('node', 'meeting', 'int'),
  key('node', 'updated_meeting', 'int'),
  ...(['created_by', 'created_at', 'updated_by', 'updated_at'] as const).map((name) =>
    key('node', name, 'string'),
  ),
  ...(['kind', 'kind_name', 'label'] as const).map((name) => key('edge', name, 'string')),
  key('edge', 'directed', 'boolean'),
  key('edge', 'meeting', 'int'),
  key('edge', 'updated_meeting', 'int'),
  ...(['created_by', 'created_at', 'updated_by', 'updated_at'] as const).map((name) =>
    key('edge', name, 'string'),
  ),
]

function format(value: Value, type: GraphmlType): string | null {
  // Empty text is left out like a missing value: networkx reads an empty <data> as no value anyway.
  if (value === null || value === '') return null
  if (type === 'boolean') return value === true ? 'true' : 'false'
  if (type === 'string') return String(value)
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null
}

/** `<data>` lines for the attributes of one scope, missing values left out. */
function dataLines(
  scope: GraphmlKey['for'],
  values: Readonly<Record<string, Value>>,
  indent: string,
): string[] {
  const lines: string[] = []
  for (const k of GRAPHML_KEYS) {
    if (k.for !== scope || !(k.name in values)) continue
    const text = format(values[k.name] ?? null, k.type)
    if (text !== null) lines.push(`${indent}<data key="${k.id}">${escapeXmlText(text)}</data>`)
  }
  return lines
}

/** The board as a GraphML document (UTF-8 text). */
export function exportGraphml(board: BoardData, lang: Language = 'en', options: GraphmlOptions = {}): string {
  const byId = new Map(board.elements.map((e) => [e.id, e]))
  const person = personResolver(board)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]
  for (const k of GRAPHML_KEYS) {
    out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`)
  }
  out.push('  <graph id="board" edgedefault="directed">')
  out.push(
    ...dataLines(
      'graph',
      {
        title: board.meta.title,
        schema: board.meta.schema,
        pseudonymous: board.meta.pseudonymous,
        language: lang,
        exported_at: options.exportedAt ?? null,
      },
      '    ',
    ),
  )
  for (const e of board.elements) {
    out.push(`    <node id="${escapeXmlAttribute(e.id)}">`)
    const values: Record<string, Value> = {
      type: e.type,
      kind: e.kind,
      type_name: ELEMENT_TYPE_NAMES[lang][e.type].one,
      kind_name: kindName(lang, e.type, e.kind),
      label: e.label,
      org: e.org,
      org_label: e.org === null ? null : (byId.get(e.org)?.label ?? null),
      arena: e.arena,
      arena_label: e.arena === null ? null : (byId.get(e.arena)?.label ?? null),
      color: e.color,
      tags: e.tags.length > 0 ? e.tags.join(TAG_SEPARATOR) : null,
      resource_class: resourceClassOf(e),
      x: e.x,
      y: e.y,
      w: e.w,
      h: e.h,
      meeting: e.meeting,
      updated_meeting: e.updatedMeeting,
      created_by: person(e.createdBy),
      created_at: isoTimestamp(e.createdAt),
      updated_by: person(e.updatedBy),
      updated_at: isoTimestamp(e.updatedAt),
    }
    out.push(...dataLines('node', values, '      '), '    </node>')
  }
  for (const l of board.links) {
    const undirected = UNDIRECTED_LINK_KINDS.has(l.kind)
    const mixed = options.mixedEdges === true && undirected ? ' directed="false"' : ''
    out.push(
      `    <edge id="${escapeXmlAttribute(l.id)}" source="${escapeXmlAttribute(l.from)}" target="${escapeXmlAttribute(l.to)}"${mixed}>`,
    )
    const values: Record<string, Value> = {
      kind: l.kind,
      kind_name: LINK_KIND_NAMES[lang][l.kind].noun,
      label: l.label,
      directed: !undirected,
      meeting: l.meeting,
      updated_meeting: l.updatedMeeting,
      created_by: person(l.createdBy),
      created_at: isoTimestamp(l.createdAt),
      updated_by: person(l.updatedBy),
      updated_at: isoTimestamp(l.updatedAt),
    }
    out.push(...dataLines('edge', values, '      '), '    </edge>')
  }
  out.push('  </graph>', '</graphml>', '')
  return out.join('\n')
}
