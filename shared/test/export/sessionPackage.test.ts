import { describe, expect, it } from 'vitest'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import {
  SESSION_PACKAGE_FILES,
  ZIP_README,
  exportSessionPackage,
  streamSessionPackage,
  type SessionPackageInput,
} from '../../src/export/sessionPackage.js'
import { importBoardJsonFile } from '../../src/export/json.js'
import { elementsCsv } from '../../src/export/csv.js'
import type { BoardData, ElementData } from '../../src/model/types.js'
import { boardAtMeeting, fixtureBoard } from './fixtureData.js'

const AT = new Date('2022-01-18T12:00:00Z')
const board = fixtureBoard('sv')
const input: SessionPackageInput = {
  board,
  lang: 'sv',
  meeting: board.meetings.find((m) => m.number === 4) ?? null,
  previous: boardAtMeeting(board, 3),
  votes: [{ title: 'Viktigast', results: [{ elementId: 'v-halsa', votes: 4 }] }],
  generatedAt: AT,
  snapshot: { id: 'snap-4', label: 'Slut på möte 4', meeting: 4 },
}
const callerFiles = {
  'board.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'board.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46]),
  'participation.csv': '\uFEFFperson,elements\r\nAnna,3\r\n',
}

describe('exportSessionPackage', () => {
  const files = unzipSync(exportSessionPackage(input, callerFiles))
  const text = (name: string) => strFromU8(files[name] as Uint8Array)

  it('holds our files and the caller’s, in order', () => {
    expect(Object.keys(files)).toEqual([
      ...SESSION_PACKAGE_FILES,
      'board.svg',
      'board.pdf',
      'participation.csv',
    ])
    expect(files['board.pdf']).toEqual(callerFiles['board.pdf'])
    expect(text('board.svg')).toBe(callerFiles['board.svg'])
  })

  it('holds a board.json that imports back to the board, with the snapshot', () => {
    const file = importBoardJsonFile(text('board.json'))
    expect(file.ok && file.value.board).toEqual(board)
    expect(file.ok && file.value.snapshot).toMatchObject({ id: 'snap-4', meeting: 4 })
    expect(file.ok && file.value.exportedAt).toBe(AT.toISOString())
  })

  it('holds the CSVs byte for byte, readable by papaparse', () => {
    expect(files['elements.csv']).toEqual(strToU8(elementsCsv(board, 'sv')))
    const links = Papa.parse(text('links.csv'), { header: true, skipEmptyLines: true })
    expect(links.data).toHaveLength(board.links.length)
  })

  it('holds the graph and the minutes in the chosen language', () => {
    expect(text('board.graphml')).toContain(`<data key="g_exported_at">${AT.toISOString()}</data>`)
    expect(text('minutes.md')).toMatch(/^# Minnesanteckningar: /)
    expect(text('minutes.md')).toContain('## Förändringar sedan föregående ögonblicksbild')
  })

  it('has a README describing every file, in Swedish and then English', () => {
    const readme = text('README.md')
    const [sv, en] = readme.split('\n---\n')
    expect(sv).toMatch(/^# Unga vuxna .*: sessionspaket\n/)
    expect(sv).toContain('Möte 4: Vad händer när projektet slutar? (2022-01-18)')
    expect(en).toContain(': session package\n')
    for (const name of Object.keys(files)) {
      expect(sv).toContain(`| ${name} | ${ZIP_README.sv[name]} |`)
      expect(en).toContain(`| ${name} | ${ZIP_README.en[name]} |`)
    }
  })

  it('describes an unknown caller file generically, and writes English only for English', () => {
    const readme = strFromU8(
      unzipSync(exportSessionPackage({ ...input, lang: 'en' }, { 'notes.txt': 'x' }))[
        'README.md'
      ] as Uint8Array,
    )
    expect(readme).toContain('| notes.txt | Added at export. |')
    expect(readme).not.toContain('sessionspaket')
  })

  it('refuses a caller file that replaces one of ours or escapes the folder', () => {
    expect(() => exportSessionPackage(input, { 'board.json': '{}' })).toThrow(RangeError)
    expect(() => exportSessionPackage(input, { '../evil.sh': 'x' })).toThrow(/unsafe file name/)
    expect(() => exportSessionPackage(input, { '/etc/passwd': 'x' })).toThrow(/unsafe file name/)
    expect(() => exportSessionPackage(input, { 'bilder/../../x': 'x' })).toThrow(/unsafe file name/)
    expect(() => exportSessionPackage(input, { 'C:\\x': 'x' })).toThrow(/unsafe file name/)
    const names = Object.keys(
      unzipSync(exportSessionPackage(input, { 'bilder/tavla möte 4.png': 'x', 'deltagande-å.csv': 'y' })),
    )
    expect(names.slice(-2)).toEqual(['bilder/tavla möte 4.png', 'deltagande-å.csv'])
  })

  it('is reproducible for the same input', () => {
    expect(exportSessionPackage(input, callerFiles)).toEqual(exportSessionPackage(input, callerFiles))
  })
})

describe('streamSessionPackage', () => {
  /** A board of `n` resources, large enough to come out in many chunks. */
  function largeBoard(n: number): BoardData {
    const template = board.elements.find((e) => e.type === 'resource') as ElementData
    const elements = Array.from({ length: n }, (_, i) => ({
      ...template,
      id: `bulk-${i}`,
      label: `Resurs nummer ${i}`,
    }))
    return { ...board, elements: [...board.elements, ...elements] }
  }

  it('streams the same bytes as the whole archive, final only on the last chunk', () => {
    const big = { ...input, board: largeBoard(3000) }
    const chunks: Uint8Array[] = []
    const finals: boolean[] = []
    streamSessionPackage(big, callerFiles, (data, final) => {
      chunks.push(data)
      finals.push(final)
    })
    expect(chunks.length).toBeGreaterThan(10)
    expect(finals.indexOf(true)).toBe(finals.length - 1)
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
    chunks.reduce((at, c) => (joined.set(c, at), at + c.length), 0)
    expect(joined).toEqual(exportSessionPackage(big, callerFiles))
    const rows = Papa.parse(strFromU8(unzipSync(joined)['elements.csv'] as Uint8Array), {
      skipEmptyLines: true,
    })
    expect(rows.data).toHaveLength(1 + board.elements.length + 3000)
  })
})
