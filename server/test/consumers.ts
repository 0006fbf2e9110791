/**
 * Real consumers of the export formats, for the server's HTTP tests. The parsers shared's own tests use
 * (fflate, fast-xml-parser, papaparse, pdfjs-dist) are shared's devDependencies and not resolvable from
 * server/, so these tests read the files with Python's standard library and networkx (what analysts use,
 * and what `npm test` installs: python3-networkx), and PDFs with a small reader over node:zlib.
 */
import { spawnSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'

/** A Python with networkx: the one on PATH, else Debian's. */
const PYTHON = ['python3', '/usr/bin/python3'].find(
  (python) => spawnSync(python, ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0,
)

function python(script: string, input: Buffer | string): string {
  if (!PYTHON) throw new Error('no python3 with networkx: apt-get install python3-networkx (npm test does)')
  const run = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`)
  return run.stdout
}

/** Every file of a zip, read by Python's zipfile (which checks each entry's CRC first). */
export function unzip(bytes: Buffer): Record<string, Buffer> {
  const out = python(
    `
import base64, io, json, sys, zipfile
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
bad = z.testzip()
if bad: raise SystemExit("bad entry " + bad)
print(json.dumps([[i.filename, base64.b64encode(z.read(i)).decode()] for i in z.infolist()]))
`,
    bytes,
  )
  return Object.fromEntries(
    (JSON.parse(out) as [string, string][]).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]),
  )
}

/** Rows of a CSV file (UTF-8 with BOM), read by Python's csv module: header first. */
export function csvRows(bytes: Buffer): string[][] {
  return JSON.parse(
    python(
      `
import csv, io, json, sys
print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))
`,
      bytes,
    ),
  ) as string[][]
}

/** What networkx reads from a GraphML file. */
export interface GraphSummary {
  readonly directed: boolean
  readonly nodes: number
  readonly edges: number
  /** Attribute names of the first node. */
  readonly nodeKeys: string[]
  readonly title: string | null
}

/** A GraphML file read by networkx. */
export function readGraphml(bytes: Buffer): GraphSummary {
  return JSON.parse(
    python(
      `
import io, json, sys, networkx as nx
g = nx.read_graphml(io.BytesIO(sys.stdin.buffer.read()))
first = next(iter(g.nodes(data=True)), (None, {}))[1]
print(json.dumps({"directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "nodeKeys": sorted(first.keys()), "title": g.graph.get("title")}))
`,
      bytes,
    ),
  ) as GraphSummary
}

/** An XML document (SVG) read by Python's ElementTree: the root's tag and how many elements it holds. */
export function readXml(bytes: Buffer): { root: string; elements: number; text: string } {
  return JSON.parse(
    python(
      `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
print(json.dumps({"root": root.tag, "elements": sum(1 for _ in root.iter()), "text": " ".join(t for t in root.itertext())}))
`,
      bytes,
    ),
  ) as { root: string; elements: number; text: string }
}

/**
 * A PDF's page count and the text of its (inflated) streams. pdf-lib writes page objects into compressed
 * object streams, so the count is read after inflating every FlateDecode stream. Not a PDF parser: a
 * check that the file has the structure a reader needs (add pdfjs-dist to server's devDependencies for
 * a real one).
 */
export function readPdf(bytes: Buffer): { header: string; pages: number; text: string } {
  const raw = bytes.toString('latin1')
  const parts: string[] = [raw]
  const re = /(?<!end)stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(raw)) !== null) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'))
    } catch {
      // Not a deflate stream (or trailing bytes before endstream): skipped.
    }
    re.lastIndex = end + 'endstream'.length
  }
  const text = parts.join('\n')
  return {
    header: raw.slice(0, 5),
    pages: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    text,
  }
}
