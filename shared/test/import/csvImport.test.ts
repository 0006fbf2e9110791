import { describe, expect, it } from 'vitest'
import { importElementsCsv, rowsToElements, type ElementDraft } from '../../src/import/csvImport.js'
import { guessMapping, typeFromWord, kindFromWord } from '../../src/import/csvMapping.js'
import { detectDelimiter, parseCsv } from '../../src/import/csvParse.js'
import { ELEMENT_CSV_COLUMNS, elementsCsv } from '../../src/export/csv.js'
import { boardDataProblems } from '../../src/model/index.js'
import { HOSTILE_LABELS, emptyBoard, fixtureBoard, hostileBoard } from '../export/fixtureData.js'

/** Ids `new-1`, `new-2`, ... */
function counter(): () => string {
  let n = 0
  return () => `new-${++n}`
}

/** What Swedish Excel writes on "Save as CSV (UTF-8)": BOM, `;`, CRLF, quotes only where needed. */
const SWEDISH_EXCEL = [
  '\uFEFFNamn;Typ;Slag;Myndighet;Taggar;Möte',
  'Kommunen;Aktör;Organisation;;;1',
  'Samordnare;aktör;Roll;Samordningsförbundet;"nyckel;person";1',
  '"Kunskap om ""livet""\r\noch arbetet";Resurs;Kunskap;;operant;2',
  'Egen försörjning;värde;För brukaren;;;möte 3',
  ';Resurs;Tid;;;',
  'Okänd sak;Widget;;;;',
  'Pengar;Resurs;Brukare;;;',
  '',
  'Ekonomiskt bistånd;;Finansiering;kommunen;;',
  'Handläggare;Roll;;Försäkringskassan;;',
  'Tid;Resurs;Tid;;;x',
  '',
].join('\r\n')

describe('parseCsv', () => {
  it('reads Swedish Excel: BOM, semicolons, quoted line breaks and doubled quotes, spreadsheet row numbers', () => {
    const result = parseCsv(SWEDISH_EXCEL)
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const { delimiter, headers, rows } = result.value
    expect(delimiter).toBe(';')
    expect(headers).toEqual(['Namn', 'Typ', 'Slag', 'Myndighet', 'Taggar', 'Möte'])
    expect(rows[2]).toEqual({
      row: 4,
      cells: ['Kunskap om "livet"\r\noch arbetet', 'Resurs', 'Kunskap', '', 'operant', '2'],
    })
    // Row 9 is blank: skipped, but the next row keeps the number a spreadsheet shows.
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12])
  })

  it('detects comma, semicolon and tab, not fooled by a delimiter inside quotes', () => {
    expect(detectDelimiter('label,type\r\nA,actor\r\n')).toBe(',')
    expect(detectDelimiter('"Namn; fullständigt",Typ\nA,aktör\n')).toBe(',')
    expect(detectDelimiter('Namn;Typ;"Taggar, flera"\nA;aktör;x\n')).toBe(';')
    expect(detectDelimiter('label\ttype\nA\tactor\n')).toBe('\t')
    expect(detectDelimiter('label\nA\n')).toBe(',')
  })

  it('reads old Mac line ends, a last line without a line end, and an empty file', () => {
    const result = parseCsv('a,b\r1,2\r3,"4"')
    expect(result.ok && result.value.rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ])
    expect(parseCsv('')).toEqual({ ok: true, value: { delimiter: ',', headers: [], rows: [] } })
  })

  it('fails on a quoted field that never closes, naming the row', () => {
    expect(parseCsv('label,type\nA,actor\n"B,actor\nC,actor\n')).toEqual({
      ok: false,
      error: [{ row: 3, message: 'a quoted field is never closed: a " is missing' }],
    })
  })
})

describe('guessMapping', () => {
  it('matches English and Swedish header names, whatever the case and accents', () => {
    expect(guessMapping(['Label', 'Type', 'Kind', 'Organisation', 'Tags', 'Meeting'])).toEqual({
      label: 0,
      type: 1,
      kind: 2,
      organisation: 3,
      tags: 4,
      meeting: 5,
    })
    expect(guessMapping(['MÖTE', 'etikett', 'typ', 'sort', 'myndighet', 'taggar', 'Färg'])).toEqual({
      meeting: 0,
      label: 1,
      type: 2,
      kind: 3,
      organisation: 4,
      tags: 5,
      color: 6,
    })
    expect(guessMapping(['Namn på aktören', 'Typ av element', 'Kommentar'])).toEqual({ label: 0, type: 1 })
  })

  it('maps our own elements.csv, preferring the organisation and arena labels to their ids', () => {
    const m = guessMapping(ELEMENT_CSV_COLUMNS)
    const at = (name: string) => ELEMENT_CSV_COLUMNS.indexOf(name as (typeof ELEMENT_CSV_COLUMNS)[number])
    expect(m).toEqual({
      label: at('label'),
      type: at('type'),
      kind: at('kind'),
      organisation: at('organisation_label'),
      arena: at('arena_label'),
      tags: at('tags'),
      meeting: at('meeting'),
      color: at('color'),
    })
  })

  it('reads types and kinds in both languages', () => {
    expect(
      ['aktör', 'Actors', 'AKTÖRER', 'resurs', 'värde', 'Value outcome', 'Hinder', 'anteckning'].map(
        typeFromWord,
      ),
    ).toEqual(['actor', 'actor', 'actor', 'resource', 'value', 'value', 'barrier', 'note'])
    expect(
      ['Finansiering', 'brukare', 'För samhället', 'Lokaler', 'Competence', 'nonsense'].map(kindFromWord),
    ).toEqual(['funding', 'service-user', 'society', 'facilities', 'competence', null])
  })
})

describe('importElementsCsv', () => {
  const result = importElementsCsv(SWEDISH_EXCEL, {
    newId: counter(),
    meeting: 4,
    createdBy: 'person-anna',
    now: 1_000,
  })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  const { elements, created, errors } = result.value
  const byLabel = (label: string) => elements.find((e) => e.label === label) as ElementDraft

  it('makes one element per good row, typed from English or Swedish words', () => {
    expect(elements.map((e) => [e.label, e.type, e.kind])).toEqual([
      ['Kommunen', 'actor', 'organization'],
      ['Samordnare', 'actor', 'role'],
      ['Kunskap om "livet"\r\noch arbetet', 'resource', 'knowledge'],
      ['Egen försörjning', 'value', 'service-user'],
      ['Ekonomiskt bistånd', 'resource', 'funding'],
      ['Handläggare', 'actor', 'role'],
      ['Samordningsförbundet', 'actor', 'organization'],
      ['Försäkringskassan', 'actor', 'organization'],
    ])
    expect(byLabel('Samordnare').tags).toEqual(['nyckel', 'person'])
    expect(byLabel('Egen försörjning')).toMatchObject({ meeting: 3, updatedMeeting: 3 })
    expect(byLabel('Ekonomiskt bistånd')).toMatchObject({
      meeting: 4,
      createdBy: 'person-anna',
      createdAt: 1_000,
    })
    expect(byLabel('Kommunen')).not.toHaveProperty('x')
  })

  it('links organisations by name, creating each missing one once', () => {
    expect(created).toEqual([byLabel('Samordningsförbundet').id, byLabel('Försäkringskassan').id])
    expect(byLabel('Samordnare').org).toBe(byLabel('Samordningsförbundet').id)
    // "kommunen" in lower case is the Kommunen of row 2.
    expect(byLabel('Ekonomiskt bistånd').org).toBe(byLabel('Kommunen').id)
    expect(byLabel('Handläggare').org).toBe(byLabel('Försäkringskassan').id)
  })

  it('reports bad rows with row, column and reason, and imports the rest', () => {
    expect(errors).toEqual([
      { row: 6, column: 'Namn', message: 'the label is empty' },
      {
        row: 7,
        column: 'Typ',
        message: 'unknown type "Widget" (use actor, resource, value, note, barrier or arena)',
      },
      {
        row: 8,
        column: 'Slag',
        message:
          '"Brukare" is not a kind of resource (knowledge, competence, mandate, network, funding, time, facilities, data, systems, other)',
      },
      { row: 12, column: 'Möte', message: '"x" is not a meeting number' },
    ])
  })

  it('makes elements the model accepts once placed, organisations included', () => {
    const placed = elements.map((e, i) => ({ ...e, x: 0, y: i * 100, w: 200, h: 80, z: 'a0' }))
    expect(boardDataProblems({ ...emptyBoard(), elements: placed })).toEqual([])
  })

  it('refuses a table without a label column', () => {
    expect(importElementsCsv('Typ;Slag\naktör;roll\n', { newId: counter() })).toEqual({
      ok: false,
      error: [{ row: 1, message: 'no column holds the labels (headers: Typ, Slag)' }],
    })
  })
})

describe('importing circleboard’s own CSV export', () => {
  it('brings back types, kinds, labels, tags, meetings and organisations, linked to the board', () => {
    const board = fixtureBoard('sv')
    const result = importElementsCsv(elementsCsv(board, 'sv'), { newId: counter(), existing: board.elements })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    expect(result.value.errors).toEqual([])
    expect(result.value.created).toEqual([])
    const arenas = new Map(board.elements.filter((e) => e.type === 'arena').map((e) => [e.id, e.label]))
    expect(
      result.value.elements.map((e) => [
        e.type,
        e.kind,
        e.label,
        e.tags,
        e.meeting,
        e.org,
        e.arena && arenas.get(e.arena),
      ]),
    ).toEqual(
      board.elements.map((e) => [
        e.type,
        e.kind,
        e.label,
        e.tags,
        e.meeting,
        e.org,
        e.arena && arenas.get(e.arena),
      ]),
    )
  })

  it('undoes the formula guard, so hostile labels come back as typed', () => {
    const result = importElementsCsv(elementsCsv(hostileBoard()), { newId: counter() })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    const labels = result.value.elements.map((e) => e.label)
    for (const name of [
      'formula',
      'plus',
      'minus',
      'at',
      'quote',
      'comma',
      'newline',
      'emoji',
      'swedish',
    ] as const) {
      expect(labels).toContain(HOSTILE_LABELS[name])
    }
  })
})

describe('rowsToElements', () => {
  it('numbers plain rows from 2, puts elements in arenas by name, refuses an arena in an arena', () => {
    const board = fixtureBoard('en')
    const rows = [
      ['Peer support', 'resource', 'competence', 'The research circle'],
      ['Drop-in', 'arena', '', 'The research circle'],
      ['Lunch meeting', 'resource', 'time', 'New arena'],
    ]
    const { elements, errors, created } = rowsToElements(
      rows,
      { label: 0, type: 1, kind: 2, arena: 3 },
      { newId: counter(), existing: board.elements },
      ['Name', 'Type', 'Kind', 'Arena'],
    )
    expect(elements[0]?.arena).toBe('a-cirkel')
    expect(errors).toEqual([{ row: 3, column: 'Arena', message: 'an arena cannot be inside another arena' }])
    expect(elements.find((e) => e.id === created[0])).toMatchObject({
      type: 'arena',
      kind: 'other',
      label: 'New arena',
    })
  })

  it('uses the default type when neither type nor kind says one', () => {
    const { elements } = rowsToElements([['Something to discuss']], { label: 0 }, { newId: counter() })
    expect(elements[0]).toMatchObject({ type: 'note', kind: 'other' })
    const actors = rowsToElements([['Anna']], { label: 0 }, { newId: counter(), defaultType: 'actor' })
    expect(actors.elements[0]).toMatchObject({ type: 'actor', kind: 'organization' })
  })
})
