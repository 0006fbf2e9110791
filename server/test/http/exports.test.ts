/**
 * Exports over HTTP (server/SPEC.md H5, H6, P4): every format downloaded from a real server and read back
 * by a real consumer (JSON by shared's importer, zips by Python's zipfile, CSV by Python's csv, GraphML by
 * networkx, SVG by ElementTree, PDF by its structure), snapshots as the source, the minutes' "what
 * changed", pseudonymous boards, and a big board exported while the rooms keep being served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addElement, importBoardJsonFile } from '@circleboard/shared'
import {
  connect,
  destroyAll,
  eventually,
  startServer,
  synced,
  type TestBoard,
  type TestServer,
} from '../helpers.js'
import { PEOPLE, fillBoard, writeStored } from '../boards.js'
import { csvRows, readGraphml, readPdf, readXml, unzip } from '../consumers.js'

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Samverkan för unga vuxna')
  await writeStored(server, board.id, (doc) => fillBoard(doc))
})
afterAll(async () => {
  await server.close(true)
})

/** GET an export with a token; the body as bytes. */
async function download(
  boardId: string,
  query: string,
  token: string | null,
): Promise<{ status: number; type: string; disposition: string; body: Buffer }> {
  const res = await fetch(`${server.http}/api/boards/${boardId}/export?${query}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  }
}

describe('export formats', () => {
  it('[H5] json: the whole board, importable again', async () => {
    const res = await download(board.id, 'format=json', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/json; charset=utf-8')
    expect(res.disposition).toMatch(
      /^attachment; filename="Samverkan-for-unga-vuxna-\d{4}-\d\d-\d\d\.json"; filename\*=UTF-8''Samverkan-f%C3%B6r-unga-vuxna-\d{4}-\d\d-\d\d\.json$/,
    )
    const file = importBoardJsonFile(res.body.toString('utf8'))
    expect(file.ok).toBe(true)
    if (!file.ok) return
    expect(file.value.board.elements.map((e) => e.label).sort()).toEqual([
      'Bättre hälsa för unga vuxna',
      'Finansiering',
      'Kommunen',
    ])
    expect(file.value.board.people.map((p) => p.name)).toContain('Anna Lindqvist')
    expect(file.value.snapshot).toBeNull()
  })

  it('[H5] csv: a zip of elements.csv and links.csv that a CSV reader reads', async () => {
    const res = await download(board.id, 'format=csv', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/zip')
    expect(res.disposition).toMatch(/filename="Samverkan-for-unga-vuxna-[\d-]+-csv\.zip"/)
    const files = unzip(res.body)
    expect(Object.keys(files)).toEqual(['elements.csv', 'links.csv'])
    const elements = csvRows(files['elements.csv'] as Buffer)
    expect(elements[0]?.slice(0, 4)).toEqual(['id', 'type', 'kind', 'label'])
    expect(elements).toHaveLength(4)
    expect(elements.map((r) => r[3])).toContain('Bättre hälsa för unga vuxna')
    expect(elements.flat()).toContain('Anna Lindqvist')
    expect(csvRows(files['links.csv'] as Buffer)).toHaveLength(3)
  })

  it('[H5] graphml: typed nodes and edges networkx reads', async () => {
    const res = await download(board.id, 'format=graphml', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/graphml+xml; charset=utf-8')
    const g = readGraphml(res.body)
    expect(g).toMatchObject({ directed: true, nodes: 3, edges: 2, title: 'Samverkan för unga vuxna' })
    expect(g.nodeKeys).toEqual(expect.arrayContaining(['type', 'kind', 'label', 'x', 'y']))
  })

  it('[H5] svg: a drawing an XML reader reads, with the labels', async () => {
    const res = await download(board.id, 'format=svg', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.type).toBe('image/svg+xml; charset=utf-8')
    const svg = readXml(res.body)
    expect(svg.root).toBe('{http://www.w3.org/2000/svg}svg')
    expect(svg.text).toContain('Kommunen')
  })

  it('[H5] pdf: A4 or A3, the board and a list of elements', async () => {
    for (const paper of ['A4', 'A3']) {
      const res = await download(board.id, `format=pdf&paper=${paper}`, board.tokens.facilitator)
      expect(res.status).toBe(200)
      expect(res.type).toBe('application/pdf')
      expect(res.disposition).toMatch(/\.pdf"/)
      const pdf = readPdf(res.body)
      expect(pdf.header).toBe('%PDF-')
      expect(pdf.pages).toBeGreaterThanOrEqual(2)
      expect(res.body.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/)
    }
  })

  it('[H5] md: the minutes of the latest meeting, in English or Swedish', async () => {
    const en = await download(board.id, 'format=md', board.tokens.facilitator)
    expect(en.status).toBe(200)
    expect(en.type).toBe('text/markdown; charset=utf-8')
    expect(en.disposition).toMatch(/-minutes\.md"/)
    const text = en.body.toString('utf8')
    expect(text).toMatch(/^# Minutes: Samverkan för unga vuxna/)
    expect(text).toContain('Resurser')
    const sv = (await download(board.id, 'format=md&lang=sv', board.tokens.facilitator)).body.toString('utf8')
    expect(sv).toMatch(/^# Minnesanteckningar: /)
  })

  it('[H5] zip: the session package with every file, README first', async () => {
    const res = await download(board.id, 'format=zip', board.tokens.facilitator)
    expect(res.status).toBe(200)
    expect(res.type).toBe('application/zip')
    expect(res.disposition).toMatch(/-session\.zip"/)
    const files = unzip(res.body)
    expect(Object.keys(files)).toEqual([
      'README.md',
      'board.json',
      'elements.csv',
      'links.csv',
      'board.graphml',
      'minutes.md',
      'board.svg',
      'board.pdf',
      'participation.csv',
    ])
    expect(importBoardJsonFile((files['board.json'] as Buffer).toString('utf8')).ok).toBe(true)
    expect(readGraphml(files['board.graphml'] as Buffer).nodes).toBe(3)
    expect(readPdf(files['board.pdf'] as Buffer).pages).toBeGreaterThanOrEqual(2)
    expect(readXml(files['board.svg'] as Buffer).root).toMatch(/svg$/)
    const participation = csvRows(files['participation.csv'] as Buffer)
    expect(participation[0]).toEqual(expect.arrayContaining(['meeting', 'group_by', 'group']))
    // The participation table groups by role and organisation, never by person.
    expect(participation.map((r) => r[1])).not.toContain('person')
  })
})

describe('export requests', () => {
  it('[H5] an unknown format is a 400 that lists the formats', async () => {
    const res = await download(board.id, 'format=docx', board.tokens.facilitator)
    expect(res.status).toBe(400)
    const body = JSON.parse(res.body.toString('utf8'))
    expect(body.error.code).toBe('BOARD_ERR_BAD_REQUEST')
    expect(body.formats).toEqual(['json', 'csv', 'graphml', 'svg', 'pdf', 'md', 'zip'])
    expect((await download(board.id, '', board.tokens.facilitator)).status).toBe(400)
  })

  it('[H2] only the facilitator (or a delegate) exports; a token is needed', async () => {
    expect((await download(board.id, 'format=json', board.tokens.participant)).status).toBe(403)
    expect((await download(board.id, 'format=json', board.tokens.viewer)).status).toBe(403)
    expect((await download(board.id, 'format=json', null)).status).toBe(401)
    const other = await server.createBoard('Other')
    expect((await download(board.id, 'format=json', other.tokens.facilitator)).status).toBe(403)
    expect((await download('nosuchboard0', 'format=json', other.tokens.facilitator)).status).toBe(403)
  })

  it('[H5] a snapshot exports as it was; an unknown snapshot is a 404', async () => {
    const b = await server.createBoard('Snapshot export')
    await writeStored(server, b.id, (doc) => fillBoard(doc))
    const taken = await fetch(`${server.http}/api/boards/${b.id}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${b.tokens.facilitator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Före ändringen' }),
    })
    expect(taken.status).toBe(201)
    const snap = (await taken.json()) as { id: string; meeting: number | null; createdAt: string }
    // The meeting running on the board (2) is the snapshot's.
    expect(snap.meeting).toBe(2)
    const p = connect(server, b.id, b.tokens.facilitator)
    await synced(p)
    const first = [...p.doc.getMap('elements').keys()][0] as string
    p.doc.getMap('elements').delete(first)
    await eventually(async () => {
      const now = importBoardJsonFile(
        (await download(b.id, 'format=json', b.tokens.facilitator)).body.toString('utf8'),
      )
      expect(now.ok && now.value.board.elements).toHaveLength(2)
    })
    const then = await download(b.id, `format=json&snapshot=${snap.id}`, b.tokens.facilitator)
    expect(then.disposition).toContain(snap.createdAt.slice(0, 10))
    const file = importBoardJsonFile(then.body.toString('utf8'))
    expect(file.ok && file.value.board.elements).toHaveLength(3)
    expect(file.ok && file.value.snapshot).toMatchObject({ id: snap.id, label: 'Före ändringen', meeting: 2 })
    expect((await download(b.id, 'format=json&snapshot=nope', b.tokens.facilitator)).status).toBe(404)
    expect((await download(b.id, 'format=json&snapshot=..%2Fx', b.tokens.facilitator)).status).toBe(404)
    destroyAll(p)
  })

  it('[H5] the minutes say what changed since the newest snapshot of the previous meeting', async () => {
    const b = await server.createBoard('Changes')
    await writeStored(server, b.id, (doc) => fillBoard(doc))
    const before = await download(b.id, 'format=md', b.tokens.facilitator)
    expect(before.body.toString('utf8')).toContain('No earlier snapshot to compare with.')
    const snapshots = server.app.circleboard.snapshots
    await snapshots.take(b.id, { label: 'early in meeting 1', by: null, meeting: 1 })
    await snapshots.take(b.id, { label: 'end of meeting 1', by: null, meeting: 1 })
    const p = connect(server, b.id, b.tokens.facilitator)
    await synced(p)
    addElement(
      p.doc,
      { type: 'actor', kind: 'organization', x: 900, y: 0, label: 'Arbetsförmedlingen' },
      {
        personId: null,
        meeting: 2,
      },
    )
    await eventually(async () => {
      const md = (await download(b.id, 'format=md', b.tokens.facilitator)).body.toString('utf8')
      const changes = md.slice(md.indexOf('## Changes since the previous snapshot'))
      expect(changes).toContain('Arbetsförmedlingen')
    })
    destroyAll(p)
  })
})

describe('pseudonymous boards', () => {
  it('[P4] exports of a pseudonymous board hold no names, in any format or file', async () => {
    const b = await server.createBoard('Pseudonymous')
    await writeStored(server, b.id, (doc) => fillBoard(doc, { pseudonymous: true }))
    const names = [...PEOPLE.flatMap((p) => [p.name, p.id, p.name.split(' ')[0] as string]), 'Eva Ek']
    const texts: Record<string, string> = {}
    for (const format of ['json', 'csv', 'graphml', 'svg', 'pdf', 'md', 'zip']) {
      const res = await download(b.id, `format=${format}`, b.tokens.facilitator)
      expect(res.status).toBe(200)
      if (format === 'csv' || format === 'zip') {
        for (const [name, bytes] of Object.entries(unzip(res.body))) {
          texts[`${format}/${name}`] = name.endsWith('.pdf') ? readPdf(bytes).text : bytes.toString('utf8')
        }
      } else texts[format] = format === 'pdf' ? readPdf(res.body).text : res.body.toString('utf8')
    }
    expect(Object.keys(texts)).toHaveLength(5 + 2 + 9)
    for (const [file, text] of Object.entries(texts)) {
      for (const name of names) expect(text.includes(name), `${name} in ${file}`).toBe(false)
    }
    expect(texts['csv/elements.csv']).toContain('Participant 1')
    expect(texts.md).toContain('## Attendees\n\n- Participant 3\n')
    const json = importBoardJsonFile(texts.json as string)
    expect(json.ok && json.value.board.people.map((p) => p.name)).toEqual([
      'Participant 1',
      'Participant 2',
      'Participant 3',
    ])
    // Attendees typed as names become the person's pseudonym, or one of their own.
    expect(json.ok && json.value.board.meetings[0]?.attendees).toEqual([
      'Participant 1',
      'Participant 2',
      'Participant 4',
    ])
    // Swedish exports say Deltagare.
    const sv = (await download(b.id, 'format=csv&lang=sv', b.tokens.facilitator)).body
    expect((unzip(sv)['elements.csv'] as Buffer).toString('utf8')).toContain('Deltagare 1')
  })

  it('[P4] a board that is not pseudonymous exports its names (the check above can fail)', async () => {
    const res = await download(board.id, 'format=zip', board.tokens.facilitator)
    const files = unzip(res.body)
    expect((files['elements.csv'] as Buffer).toString('utf8')).toContain('Anna Lindqvist')
  })
})
