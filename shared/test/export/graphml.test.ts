import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { GRAPHML_KEYS, exportGraphml } from '../../src/export/graphml.js'
import { HOSTILE_LABELS, emptyBoard, fixtureBoard, fixtureFile, hostileBoard } from './fixtureData.js'

interface XmlData {
  '@_key': string
  '#text'?: string
}
interface XmlItem {
  '@_id': string
  '@_source'?: string
  '@_target'?: string
  '@_directed'?: string
  data?: XmlData[]
}
interface XmlKey {
  '@_id': string
  '@_for': string
  '@_attr.name': string
  '@_attr.type': string
}

function parseGraphml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: false,
    // Decode character references (`&#13;` keeps a CR that a parser would otherwise normalise away).
    htmlEntities: true,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  })
  const doc = parser.parse(xml) as {
    graphml: {
      key: XmlKey[]
      graph: { '@_edgedefault': string; node?: XmlItem[]; edge?: XmlItem[]; data?: XmlData[] }
    }
  }
  const keys = new Map(doc.graphml.key.map((k) => [k['@_id'], k]))
  /** An item's data as `{ attr.name: text }`, checking that each key is declared for that scope. */
  const attrs = (item: { data?: XmlData[] }, scope: string): Record<string, string> =>
    Object.fromEntries(
      (item.data ?? []).map((d) => {
        const k = keys.get(d['@_key'])
        expect(k?.['@_for'], `key ${d['@_key']}`).toBe(scope)
        return [k?.['@_attr.name'] as string, d['#text'] ?? '']
      }),
    )
  return { doc: doc.graphml, keys, attrs }
}

describe('exportGraphml', () => {
  it('declares every attribute as a typed key, one type per attribute name', () => {
    const { doc } = parseGraphml(exportGraphml(fixtureBoard()))
    expect(doc.key).toHaveLength(GRAPHML_KEYS.length)
    const typeOfName = new Map<string, string>()
    for (const k of doc.key) {
      expect(['string', 'double', 'int', 'boolean']).toContain(k['@_attr.type'])
      expect(['graph', 'node', 'edge']).toContain(k['@_for'])
      const seen = typeOfName.get(k['@_attr.name'])
      if (seen) expect(seen, k['@_attr.name']).toBe(k['@_attr.type'])
      typeOfName.set(k['@_attr.name'], k['@_attr.type'])
    }
    expect(new Set(doc.key.map((k) => k['@_id'])).size).toBe(doc.key.length)
    const declared = doc.key.map((k) => `${k['@_for']}:${k['@_attr.name']}:${k['@_attr.type']}`)
    expect(declared).toEqual(
      expect.arrayContaining([
        'node:type:string',
        'node:kind:string',
        'node:label:string',
        'node:org:string',
        'node:tags:string',
        'node:x:double',
        'node:y:double',
        'node:meeting:int',
        'node:created_by:string',
        'edge:kind:string',
        'edge:directed:boolean',
        'edge:meeting:int',
      ]),
    )
  })

  it('has one node per element and one edge per link, typed and attributed', () => {
    const board = fixtureBoard('sv')
    const { doc, attrs } = parseGraphml(exportGraphml(board, 'sv'))
    const { node = [], edge = [] } = doc.graph
    expect(doc.graph['@_edgedefault']).toBe('directed')
    expect(node).toHaveLength(fixtureFile.expected.counts.elements)
    expect(edge).toHaveLength(fixtureFile.expected.counts.links)
    expect(new Set(node.map((n) => n['@_id'])).size).toBe(node.length)
    const byType: Record<string, number> = {}
    for (const n of node) {
      const t = attrs(n, 'node')['type'] as string
      byType[t] = (byType[t] ?? 0) + 1
    }
    expect(byType).toEqual(fixtureFile.expected.counts.by_type)
    const role = node.find((n) => n['@_id'] === 'p-handlaggare') as XmlItem
    expect(attrs(role, 'node')).toMatchObject({
      type: 'actor',
      kind: 'role',
      kind_name: 'Roll',
      label: 'Handläggare',
      org: 'o-fk',
      org_label: 'Försäkringskassan',
      meeting: '2',
      x: '0',
    })
    expect(attrs(role, 'node')['created_at']).toMatch(/^2021-10-19T/)
    const ids = new Set(node.map((n) => n['@_id']))
    for (const e of edge) {
      expect(ids.has(e['@_source'] as string)).toBe(true)
      expect(ids.has(e['@_target'] as string)).toBe(true)
    }
    expect(attrs(doc.graph, 'graph')).toMatchObject({
      title: board.meta.title,
      language: 'sv',
      pseudonymous: 'false',
    })
  })

  it('marks undirected edges as data, and with directed="false" only for mixed graphs', () => {
    const board = fixtureBoard()
    const plain = parseGraphml(exportGraphml(board))
    const collaborates = (plain.doc.graph.edge ?? []).filter(
      (e) => plain.attrs(e, 'edge')['kind'] === 'collaborates',
    )
    expect(collaborates.length).toBe(board.links.filter((l) => l.kind === 'collaborates').length)
    for (const e of collaborates) {
      expect(plain.attrs(e, 'edge')['directed']).toBe('false')
      expect(e['@_directed']).toBeUndefined()
    }
    const provides = (plain.doc.graph.edge ?? []).find((e) => plain.attrs(e, 'edge')['kind'] === 'provides')
    expect(plain.attrs(provides as XmlItem, 'edge')['directed']).toBe('true')

    const mixed = parseGraphml(exportGraphml(board, 'en', { mixedEdges: true }))
    const marked = (mixed.doc.graph.edge ?? []).filter((e) => e['@_directed'] === 'false')
    expect(marked.map((e) => e['@_id'])).toEqual(collaborates.map((e) => e['@_id']))
  })

  it('escapes labels so that they read back exactly', () => {
    const board = hostileBoard()
    const { doc, attrs } = parseGraphml(exportGraphml(board))
    for (const [name, label] of Object.entries(HOSTILE_LABELS)) {
      const node = (doc.graph.node ?? []).find((n) => n['@_id'] === `el-${name}`) as XmlItem
      expect(attrs(node, 'node')['label'], name).toBe(label)
    }
    const edge = (doc.graph.edge ?? [])[0] as XmlItem
    expect(attrs(edge, 'edge')['label']).toBe('a "label", with\nnewline & <tag>')
    expect(attrs(doc.graph, 'graph')['title']).toBe('Tricky <board> & "friends"')
  })

  it('replaces characters XML cannot hold instead of writing a broken file', () => {
    const board = hostileBoard()
    const el = {
      ...(board.elements[1] as (typeof board.elements)[number]),
      label: 'bell\u0007 and \uD800 lone',
    }
    const xml = exportGraphml({ ...board, elements: [el], links: [] })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('bell\uFFFD and \uFFFD lone')
  })

  it('writes a valid graph for an empty board', () => {
    const { doc } = parseGraphml(exportGraphml(emptyBoard()))
    expect(doc.graph.node).toBeUndefined()
    expect(doc.graph.edge).toBeUndefined()
  })
})

/**
 * A Python with networkx: the one on PATH, else Debian's (`apt-get install python3-networkx`, which the
 * README's test command does). Without either the tests below fail and say why: they are not skipped.
 */
const PYTHON = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0,
)

function python(): string {
  if (!PYTHON) throw new Error('no python3 with networkx: apt-get install python3-networkx (npm test does)')
  return PYTHON
}

/** Reads GraphML with networkx and returns a summary as JSON. */
function readWithNetworkx(xml: string): {
  directed: boolean
  nodes: number
  edges: number
  node: Record<string, unknown>
  edge: Record<string, unknown>
  types: Record<string, string>
  title: string
} {
  const script = `
import io, json, sys, networkx as nx
g = nx.read_graphml(io.BytesIO(sys.stdin.buffer.read()))
n = dict(g.nodes['p-handlaggare'])
e = next(d for _, _, d in g.edges(data=True) if d.get('kind') == 'collaborates')
types = {k: type(v).__name__ for k, v in {**n, **{'edge_' + k: v for k, v in e.items()}}.items()}
print(json.dumps({'directed': g.is_directed(), 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
  'node': n, 'edge': e, 'types': types, 'title': g.graph.get('title')}, ensure_ascii=False))
`
  const run = spawnSync(python(), ['-c', script], { input: xml, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`networkx failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as ReturnType<typeof readWithNetworkx>
}

describe('exportGraphml read by networkx', () => {
  it('read_graphml accepts it, with typed attributes', () => {
    const board = fixtureBoard('sv')
    const g = readWithNetworkx(exportGraphml(board, 'sv'))
    expect(g).toMatchObject({
      directed: true,
      nodes: board.elements.length,
      edges: board.links.length,
      title: board.meta.title,
    })
    expect(g.node).toMatchObject({
      type: 'actor',
      label: 'Handläggare',
      org_label: 'Försäkringskassan',
      meeting: 2,
    })
    expect(g.types).toMatchObject({
      x: 'float',
      meeting: 'int',
      label: 'str',
      edge_directed: 'bool',
      edge_meeting: 'int',
    })
    expect(g.edge['directed']).toBe(false)
  })

  it('reads every hostile label back exactly', () => {
    const script = `
import io, json, sys, networkx as nx
g = nx.read_graphml(io.BytesIO(sys.stdin.buffer.read()))
print(json.dumps({n: d.get('label') for n, d in g.nodes(data=True)}, ensure_ascii=False))
`
    const run = spawnSync(python(), ['-c', script], {
      input: exportGraphml(hostileBoard()),
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    const labels = JSON.parse(run.stdout) as Record<string, string>
    for (const [name, label] of Object.entries(HOSTILE_LABELS)) expect(labels[`el-${name}`], name).toBe(label)
  })
})
