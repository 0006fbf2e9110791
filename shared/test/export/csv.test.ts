import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import {
  ELEMENT_CSV_COLUMNS,
  LINK_CSV_COLUMNS,
  elementsCsv,
  exportCsvZip,
  linksCsv,
} from '../../src/export/csv.js'
import { csvField, guardFormula } from '../../src/export/csvFormat.js'
import { HOSTILE_LABELS, emptyBoard, fixtureBoard, fixtureFile, hostileBoard } from './fixtureData.js'

/** Parses CSV text the way a consumer does: papaparse, header row, no type guessing. */
function parse(text: string, delimiter = ',') {
  expect(text.startsWith('\uFEFF')).toBe(true)
  const result = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    delimiter,
    skipEmptyLines: true,
  })
  expect(result.errors).toEqual([])
  return result
}

describe('elementsCsv', () => {
  it('has one row per element and the documented columns, read back by papaparse', () => {
    const board = fixtureBoard('sv')
    const { data, meta } = parse(elementsCsv(board, 'sv'))
    expect(meta.fields).toEqual([...ELEMENT_CSV_COLUMNS])
    expect(data).toHaveLength(fixtureFile.expected.counts.elements)
    const role = data.find((r) => r['id'] === 'p-arbetsterapeut')
    expect(role).toMatchObject({
      type: 'actor',
      kind: 'role',
      label: 'Arbetsterapeut',
      organisation: 'o-region',
      organisation_label: 'Region Skåne (primärvård och psykiatri)',
      meeting: '2',
      updated_meeting: '2',
      type_name: 'Aktör',
      kind_name: 'Roll',
      created_by: expect.stringMatching(/^(Anna Lindqvist|Björn Åkesson|Saga Öhman)$/),
      created_at: expect.stringMatching(/^2021-10-19T09:\d\d:00\.000Z$/),
    })
    const money = data.find((r) => r['id'] === 'r-bistand')
    expect(money).toMatchObject({ tags: 'operand', resource_class: 'operand', kind_name: 'Finansiering' })
    const brukaren = data.find((r) => r['id'] === 'u-brukaren')
    expect(brukaren?.['tags']?.split(';')).toEqual(['brukarperspektiv', 'unga vuxna'])
    const inArena = data.find((r) => r['id'] === 'p-samordnare')
    expect(inArena).toMatchObject({
      arena: 'a-natverksmote',
      arena_label: fixtureFile.elements.find((e) => e.id === 'a-natverksmote')?.label.sv,
    })
  })

  it('writes RFC 4180: CRLF record ends, quoted fields with delimiter, quote, CR or LF', () => {
    const text = elementsCsv(hostileBoard())
    expect(text.split('\r\n').at(-1)).toBe('')
    expect(text).toContain('"He said ""yes"", then ""no"""')
    expect(text).toContain('"Time, money, rooms"')
    expect(text).toContain('"First line\nsecond line\r\nthird line"')
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a;b', { delimiter: ';' })).toBe('"a;b"')
    expect(csvField('a;b')).toBe('a;b')
    expect(csvField(-12.5)).toBe('-12.5')
  })

  it('reads back every hostile label exactly, except the formula guard', () => {
    const { data } = parse(elementsCsv(hostileBoard()))
    const label = (name: keyof typeof HOSTILE_LABELS) => data.find((r) => r['id'] === `el-${name}`)?.['label']
    for (const name of [
      'quote',
      'comma',
      'newline',
      'markup',
      'emoji',
      'swedish',
      'markdown',
      'list',
    ] as const) {
      expect(label(name)).toBe(HOSTILE_LABELS[name])
    }
    expect(label('formula')).toBe(`'${HOSTILE_LABELS.formula}`)
    expect(label('plus')).toBe("'+46 40 123 45")
    expect(label('minus')).toBe("'-2 staff")
    expect(label('at')).toBe("'@SUM(A1:A2)")
    expect(label('tab')).toBe("'\tindented")
    const org = data.find((r) => r['id'] === 'org-1')
    expect(org).toMatchObject({
      label: 'Kommunen, "socialtjänsten"',
      x: '-120.5',
      tags: 'tag;with;semicolons;=tag',
    })
    // A pseudonym that looks like a formula is guarded like any other text.
    expect(org?.['created_by']).toBe(`'=Pseudonym "X"`)
    expect(org?.['updated_by']).toBe('')
  })

  it('can leave formulas unguarded for analysis tools, and use ; for Swedish Excel', () => {
    const text = elementsCsv(hostileBoard(), 'en', { guardFormulas: false, delimiter: ';' })
    const { data } = parse(text, ';')
    expect(data.find((r) => r['id'] === 'el-formula')?.['label']).toBe(HOSTILE_LABELS.formula)
    expect(data.find((r) => r['id'] === 'el-comma')?.['label']).toBe(HOSTILE_LABELS.comma)
    expect(text).toContain('Time, money, rooms;')
  })

  it('writes only the header for an empty board', () => {
    expect(elementsCsv(emptyBoard())).toBe('\uFEFF' + ELEMENT_CSV_COLUMNS.join(',') + '\r\n')
    expect(linksCsv(emptyBoard())).toBe('\uFEFF' + LINK_CSV_COLUMNS.join(',') + '\r\n')
  })
})

describe('linksCsv', () => {
  it('has one row per link, with both ends labelled and direction marked', () => {
    const { data, meta } = parse(linksCsv(fixtureBoard('en'), 'en'))
    expect(meta.fields).toEqual([...LINK_CSV_COLUMNS])
    expect(data).toHaveLength(fixtureFile.expected.counts.links)
    expect(data[0]).toMatchObject({
      id: 'l-01',
      from: 'o-kommun',
      from_label: 'Municipality (social services)',
      to: 'r-bistand',
      to_label: 'Social assistance',
      kind: 'provides',
      kind_name: 'Provides',
      directed: 'true',
      from_type: 'actor',
      to_type: 'resource',
    })
    expect(data.find((r) => r['kind'] === 'collaborates')?.['directed']).toBe('false')
    expect(data.find((r) => r['from'] === 'b-sekretess')?.['label']).toBe('not shared')
  })

  it('quotes link labels with newlines and keeps Swedish kind names', () => {
    const { data } = parse(linksCsv(hostileBoard(), 'sv'))
    expect(data[0]).toMatchObject({ label: 'a "label", with\nnewline & <tag>', kind_name: 'Bidrar med' })
    expect(data[1]).toMatchObject({ kind_name: 'Samverkar med', created_by: '', created_at: '', meeting: '' })
  })
})

describe('guardFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j -> %j', (input, output) => expect(guardFormula(input)).toBe(output))
})

describe('exportCsvZip', () => {
  it('holds elements.csv and links.csv, unzipped by fflate to the same text', () => {
    const board = fixtureBoard('sv')
    const zip = exportCsvZip(board, 'sv', { modifiedAt: new Date(2024, 0, 2) })
    const files = unzipSync(zip)
    expect(Object.keys(files).sort()).toEqual(['elements.csv', 'links.csv'])
    // Bytes, not text: a UTF-8 decoder drops the BOM that Excel needs, and it must be in the file.
    expect(files['elements.csv']).toEqual(strToU8(elementsCsv(board, 'sv')))
    expect(files['links.csv']).toEqual(strToU8(linksCsv(board, 'sv')))
    expect([...(files['elements.csv'] as Uint8Array).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(strFromU8(files['links.csv'] as Uint8Array)).toContain('Försäkringskassan')
  })

  it('is reproducible with a fixed modification time', () => {
    const at = new Date(2024, 0, 2, 3, 4, 6)
    expect(exportCsvZip(fixtureBoard(), 'en', { modifiedAt: at })).toEqual(
      exportCsvZip(fixtureBoard(), 'en', { modifiedAt: at }),
    )
  })
})
