// Templates: every template applies cleanly in both languages; the example board equals the fixture.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addElement,
  applyTemplate,
  createUndoManager,
  isModelError,
  ModelErrorCode,
  readBoard,
  TEMPLATE_NAMES,
  templateContent,
  templateInfo,
} from '../../src/model/index.js'
import {
  EXAMPLE_ELEMENTS,
  EXAMPLE_LINKS,
  EXAMPLE_MEETINGS,
  EXAMPLE_TITLE,
} from '../../src/model/templates/exampleData.js'
import { newDoc, overlapping, testContext } from './helpers.js'

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/samordningsforbund.json', import.meta.url)), 'utf8'),
) as {
  title: unknown
  meetings: unknown[]
  elements: unknown[]
  links: unknown[]
  expected: { counts: { elements: number; links: number; by_type: Record<string, number> } }
}

function emptyDoc(): Y.Doc {
  return newDoc('')
}

describe('templates', () => {
  it.each(TEMPLATE_NAMES.flatMap((name) => [[name, 'en'] as const, [name, 'sv'] as const]))(
    '%s (%s) applies as a valid board with texts in that language',
    (name, lang) => {
      const doc = emptyDoc()
      applyTemplate(doc, name, lang, testContext())
      const board = readBoard(doc)
      expect(board.invalid).toEqual([])
      expect(board.meta.template).toBe(name)
      const content = templateContent(name)
      expect(board.elements).toHaveLength(content.elements.length)
      const labels = new Set(board.elements.map((e) => e.label))
      for (const el of content.elements) expect(labels.has(el.label[lang])).toBe(true)
      if (content.title) expect(board.meta.title).toBe(content.title[lang])
      // Every text exists in both languages, and the two differ where a translation is expected.
      for (const el of content.elements) {
        expect(el.label.en.trim()).not.toBe('')
        expect(el.label.sv.trim()).not.toBe('')
      }
      // Nothing overlaps except arenas and what they frame (the stakeholder rings nest by design).
      const free = board.elements.filter((e) => e.type !== 'arena')
      expect(overlapping(new Map(free.map((e) => [e.id, e])), free)).toEqual([])
    },
  )

  it('has a name and description for the create dialog in both languages', () => {
    for (const name of TEMPLATE_NAMES) {
      for (const lang of ['en', 'sv'] as const) {
        expect(templateInfo(name, lang).name).not.toBe('')
        expect(templateInfo(name, lang).description).not.toBe('')
      }
      expect(templateInfo(name, 'sv').name).not.toBe(templateInfo(name, 'en').name)
    }
  })

  it('resource-integration has the four authorities and the service user', () => {
    const doc = emptyDoc()
    applyTemplate(doc, 'resource-integration', 'sv', testContext())
    const actors = readBoard(doc).elements.filter((e) => e.type === 'actor')
    expect(actors.map((a) => a.label).sort()).toEqual(
      [
        'Arbetsförmedlingen',
        'Brukaren',
        'Försäkringskassan',
        'Kommunen',
        'Regionen (hälso- och sjukvården)',
      ].sort(),
    )
    expect(actors.filter((a) => a.kind === 'service-user')).toHaveLength(1)
  })

  it('stakeholder-map stacks inner rings above outer ones, with actors in rings', () => {
    const doc = emptyDoc()
    applyTemplate(doc, 'stakeholder-map', 'en', testContext())
    const board = readBoard(doc)
    expect(board.elements.filter((e) => e.type === 'arena').map((e) => e.id)).toEqual([
      'ring-peripheral',
      'ring-involved',
      'ring-core',
    ])
    const user = board.elements.find((e) => e.kind === 'service-user')!
    expect(user.arena).toBe('ring-core')
  })

  it('keeps template ids when free, makes fresh ones otherwise, and places a second template beside the first', () => {
    const doc = emptyDoc()
    const ctx = testContext()
    applyTemplate(doc, 'resource-integration', 'en', ctx)
    const second = applyTemplate(doc, 'resource-integration', 'en', ctx)
    expect(second.ids.get('municipality')).not.toBe('municipality')
    const board = readBoard(doc)
    expect(board.elements).toHaveLength(2 * templateContent('resource-integration').elements.length)
    expect(board.invalid).toEqual([])
    const firstRight = Math.max(
      ...board.elements.filter((e) => !e.id.startsWith('alice-')).map((e) => e.x + e.w),
    )
    const secondLeft = Math.min(...board.elements.filter((e) => e.id.startsWith('alice-')).map((e) => e.x))
    expect(secondLeft).toBeGreaterThan(firstRight)
  })

  it('adds on top of what is there and can be undone in one step by whoever applied it', () => {
    const doc = emptyDoc()
    const ctx = testContext()
    const existing = addElement(doc, { type: 'note', x: 0, y: 0, label: 'mine' }, ctx)
    const undo = createUndoManager(doc, ctx.origin!, { captureTimeout: 0 })
    applyTemplate(doc, 'value-co-creation', 'en', ctx)
    const board = readBoard(doc)
    expect(board.elements.at(-1)?.id).not.toBe(existing)
    undo.undo()
    expect(readBoard(doc).elements.map((e) => e.id)).toEqual([existing])
  })

  it('refuses unknown templates and languages', () => {
    const doc = emptyDoc()
    const attempt = (fn: () => unknown): string | undefined => {
      try {
        fn()
      } catch (e) {
        return isModelError(e) ? e.code : 'other'
      }
      return undefined
    }
    expect(attempt(() => applyTemplate(doc, 'kanban' as never, 'en', testContext()))).toBe(
      ModelErrorCode.unknownTemplate,
    )
    expect(attempt(() => applyTemplate(doc, 'blank', 'de' as never, testContext()))).toBe(
      ModelErrorCode.invalidInput,
    )
  })
})

describe('the example template', () => {
  it('embeds exactly the fixture', () => {
    expect(EXAMPLE_TITLE).toEqual(fixture.title)
    expect(EXAMPLE_MEETINGS).toEqual(fixture.meetings)
    expect(EXAMPLE_ELEMENTS).toEqual(fixture.elements)
    expect(EXAMPLE_LINKS).toEqual(fixture.links)
  })

  it('makes the board the fixture describes, laid out without overlaps, with its meetings', () => {
    const doc = emptyDoc()
    applyTemplate(doc, 'example', 'sv', testContext('alice', { meeting: null }))
    const board = readBoard(doc)
    const { counts } = fixture.expected
    expect(board.invalid).toEqual([])
    expect(board.elements).toHaveLength(counts.elements)
    expect(board.links).toHaveLength(counts.links)
    const byType: Record<string, number> = {}
    for (const e of board.elements) byType[e.type] = (byType[e.type] ?? 0) + 1
    expect(byType).toEqual(counts.by_type)
    expect(board.meetings.map((m) => [m.number, m.date])).toEqual([
      [1, '2021-09-14'],
      [2, '2021-10-19'],
      [3, '2021-11-23'],
      [4, '2022-01-18'],
    ])
    expect(board.meetings[0]?.title).toBe('Vilka är vi och vad bidrar vi med?')
    expect(board.meta.title).toBe('Unga vuxna långt från arbetsmarknaden: samverkan i ett samordningsförbund')
    expect(overlapping(new Map(board.elements.map((e) => [e.id, e])), board.elements)).toEqual([])
    // Fixture ids and provenance meetings are kept.
    const role = board.elements.find((e) => e.id === 'p-handlaggare')
    expect(role).toMatchObject({ org: 'o-fk', meeting: 2, label: 'Handläggare' })
    const hinder = board.links.find((l) => l.from === 'b-sekretess')
    expect(hinder).toMatchObject({ to: 'r-statistik', kind: 'hinders', label: 'delas inte', meeting: 1 })
  })

  it('does not duplicate meetings the board already has', () => {
    const doc = emptyDoc()
    applyTemplate(doc, 'example', 'en', testContext())
    applyTemplate(doc, 'example', 'en', testContext())
    const board = readBoard(doc)
    expect(board.meetings).toHaveLength(4)
    expect(board.elements).toHaveLength(96)
    expect(board.invalid).toEqual([])
  })
})
