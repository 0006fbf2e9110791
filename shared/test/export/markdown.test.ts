import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { escapeMarkdown, exportMinutes, rankVotes, type VoteRound } from '../../src/export/markdown.js'
import { HOSTILE_LABELS, boardAtMeeting, emptyBoard, fixtureBoard, hostileBoard } from './fixtureData.js'

const AT = new Date('2021-11-23T12:30:00Z')
const board = fixtureBoard('en')
const meeting = board.meetings.find((m) => m.number === 3)!
const votes: VoteRound[] = [
  {
    title: 'What matters most for the user?',
    results: [
      { elementId: 'r-bistand', votes: 3 },
      { elementId: 'v-halsa', votes: 5 },
      { elementId: 'r-lokal', votes: 3 },
      { elementId: 'gone', votes: 1 },
    ],
  },
  { title: 'Empty round', results: [] },
]

function minutes(lang: 'en' | 'sv' = 'en') {
  const b = fixtureBoard(lang)
  return exportMinutes({
    board: b,
    lang,
    meeting: b.meetings.find((m) => m.number === 4) ?? null,
    votes,
    previous: boardAtMeeting(b, 3),
    generatedAt: AT,
  })
}

/** The lines of `text` under the heading `heading`, up to the next heading of the same or a higher level. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n')
  const start = lines.indexOf(heading)
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0)
  const level = heading.indexOf(' ')
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level)
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l !== '')
}

describe('exportMinutes', () => {
  it('has the title, the meeting, attendees and agenda', () => {
    const text = exportMinutes({ board, lang: 'en', meeting, generatedAt: AT })
    expect(text.split('\n').slice(0, 5)).toEqual([
      `# Minutes: ${board.meta.title}`,
      '',
      '**Meeting 3: Joint resources and mandates**  ',
      'Date: 2021-11-23  ',
      'Generated: 2021-11-23 12:30 UTC',
    ])
    expect(section(text, '## Attendees')).toEqual(['- Anna Lindqvist', '- Björn Åkesson', '- Saga Öhman'])
    expect(section(text, '## Agenda')).toEqual([
      '1. Opening',
      '2. Theme: Joint resources and mandates',
      '3. Summing up',
    ])
  })

  it('lists the elements by type with kind and organisation, and the links as sentences', () => {
    const text = minutes()
    expect(section(text, '## The board')[0]).toBe('48 elements and 45 links.')
    const actors = section(text, '### Actors (16)')
    expect(actors).toHaveLength(16)
    expect(actors).toContain('- **Case officer**: Role; organisation: Social Insurance Agency')
    expect(actors).toContain(
      '- **Coordinator**: Role; organisation: Financial coordination association; arena: Network meeting of the four authorities',
    )
    expect(section(text, '### Value outcomes (7)')).toContain(
      '- **Better health and everyday life**: For the service user',
    )
    expect(section(text, '### Barriers (5)')).toContain('- **Silo funding**')
    expect(section(text, '### Provides (14)')).toContain(
      '- **Municipality (social services)** provides **Social assistance**',
    )
    expect(section(text, '### Hinders (5)')).toContain(
      '- **Secrecy between the authorities** hinders **Follow-up data from four authorities** (not shared)',
    )
  })

  it('ranks votes, ties sharing a rank, removed elements named as such', () => {
    expect(rankVotes(votes[0]!, board).map((r) => [r.rank, r.elementId, r.votes])).toEqual([
      [1, 'v-halsa', 5],
      [2, 'r-lokal', 3],
      [2, 'r-bistand', 3],
      [4, 'gone', 1],
    ])
    const text = minutes()
    expect(section(text, '### What matters most for the user?')).toEqual([
      '| Rank | Element | Votes |',
      '| ---: | --- | ---: |',
      '| 1 | Value outcome: **Better health and everyday life** | 5 |',
      '| 2 | Resource: **Shared premises: one way in** | 3 |',
      '| 2 | Resource: **Social assistance** | 3 |',
      '| 4 | (removed element) gone | 1 |',
    ])
    expect(section(text, '### Empty round')).toEqual(['No votes were cast.'])
  })

  it('says what changed since the previous snapshot', () => {
    const text = minutes()
    expect(section(text, '### Added (4)')).toEqual([
      '- Actor **Service-user association**',
      '- Value outcome **Learning in the network**',
      '- Note **Collective leadership: who takes responsibility when the project ends?**',
      '- Barrier **Staff turnover**',
    ])
    expect(section(text, '### Links added (1)')).toEqual([
      '- **Staff turnover** hinders **Supervision in motivational interviewing**',
    ])
    const none = exportMinutes({ board, lang: 'en', previous: board, generatedAt: AT })
    expect(section(none, '## Changes since the previous snapshot')).toEqual(['Nothing has changed.'])
    const first = exportMinutes({ board, lang: 'en', generatedAt: AT })
    expect(section(first, '## Changes since the previous snapshot')).toEqual([
      'No earlier snapshot to compare with.',
    ])
  })

  it('is all in Swedish when asked', () => {
    const text = minutes('sv')
    expect(text).toMatch(/^# Minnesanteckningar: Unga vuxna/)
    for (const heading of [
      '## Närvarande',
      '## Dagordning',
      '## Tavlan',
      '### Aktörer (16)',
      '## Röstningsresultat',
    ]) {
      expect(text).toContain(`\n${heading}\n`)
    }
    expect(section(text, '### Bidrar med (14)')).toContain(
      '- **Kommunen (socialtjänsten)** bidrar med **Ekonomiskt bistånd**',
    )
    expect(section(text, '## Förändringar sedan föregående ögonblicksbild')).toContain('### Tillagt (4)')
    expect(text).toContain('| Plats | Element | Röster |')
    expect(text).not.toMatch(/\b(Actors|Attendees|Links|Votes)\b/)
  })

  it('escapes Markdown in every piece of board text', () => {
    expect(escapeMarkdown(HOSTILE_LABELS.markdown)).toBe(
      '\\*bold\\* \\_it\\_ \\[link\\](http://x) \\`code\\` # hash \\| pipe \\\\ back',
    )
    expect(escapeMarkdown(HOSTILE_LABELS.list)).toBe('1\\. not a list')
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown(HOSTILE_LABELS.newline)).toBe('First line second line third line')
    expect(escapeMarkdown(HOSTILE_LABELS.markup)).toBe('\\<b\\>Fish \\& chips\\</b\\> "quoted" \'single\'')
    const text = exportMinutes({
      board: hostileBoard(),
      lang: 'en',
      meeting: hostileBoard().meetings[0]!,
      generatedAt: AT,
    })
    expect(text).toContain('# Minutes: Tricky \\<board\\> \\& "friends"')
    expect(text).toContain('- \\=Deltagare B')
    expect(text).toContain('2. \\*Punkt\\* två')
    expect(text).toContain('1 record could not be read and is left out.')
    expect(text).toContain('- **1\\. not a list**: Knowledge; organisation: Kommunen, "socialtjänsten"')
  })

  it('writes minutes of an empty board', () => {
    const text = exportMinutes({ board: emptyBoard(), lang: 'en', generatedAt: AT })
    expect(section(text, '## The board')).toEqual(['The board is empty.'])
    expect(text).not.toContain('## Links')
  })
})

// cmark-gfm comes from Debian (`apt-get install cmark-gfm`, which the README's test command does).
const hasCmark = spawnSync('cmark-gfm', ['--version']).status === 0

/** Renders Markdown to HTML with cmark-gfm, GitHub's CommonMark implementation (tables on). */
function render(markdown: string): string {
  if (!hasCmark) throw new Error('cmark-gfm is not installed: apt-get install cmark-gfm (npm test does)')
  const run = spawnSync('cmark-gfm', ['-e', 'table'], { input: markdown, encoding: 'utf8' })
  expect(run.status).toBe(0)
  return run.stdout
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

describe('exportMinutes rendered by cmark-gfm', () => {
  it('renders every hostile label as typed, with no stray markup', () => {
    const b = hostileBoard()
    const out = render(exportMinutes({ board: b, lang: 'en', meeting: b.meetings[0]!, generatedAt: AT }))
    for (const [name, label] of Object.entries(HOSTILE_LABELS)) {
      const flat = label.replace(/\s+/g, ' ').trim()
      expect(out, name).toContain(`<strong>${html(flat)}</strong>`)
    }
    // The only markup is the minutes' own: one emphasis (pseudonymous note), one agenda list, no links or code.
    expect(out.match(/<em>/g)).toHaveLength(1)
    expect(out.match(/<ol>/g)).toHaveLength(1)
    expect(out).not.toMatch(/<a |<code>|<table>/)
  })

  it('renders the votes as a table and the sections as headings', () => {
    const out = render(minutes())
    expect(out).toContain('<h2>Voting results</h2>')
    expect(out).toContain('<h3>What matters most for the user?</h3>')
    expect(out.match(/<tr>/g)).toHaveLength(5)
    expect(out).toContain('<td>Value outcome: <strong>Better health and everyday life</strong></td>')
    expect(out).toContain('<h2>Changes since the previous snapshot</h2>')
  })
})
