/**
 * Meeting minutes in Markdown (CommonMark with GFM tables), in English or Swedish: the meeting, who
 * attended, the agenda, the board by element type, the links as sentences, voting results ranked, and
 * what changed since the previous snapshot. Domain words come from i18n/terms.ts and history/describe.ts;
 * the few words only the minutes need are in the dictionary below.
 *
 * Every piece of board text is escaped (`escapeMarkdown`): labels are typed by participants, and an
 * unescaped `*`, `[`, `|` or a leading `1.` would change the document's structure, not just its looks.
 */
import type { BoardData, ElementData, LinkData, MeetingData } from '../model/types.js'
import { ELEMENT_TYPES, LINK_KINDS } from '../model/types.js'
import { ELEMENT_TYPE_NAMES, LINK_KIND_NAMES, kindName, type Language } from '../i18n/terms.js'
import { compareBoards, type BoardDiff } from '../history/compare.js'
import {
  describeElement,
  describeElementChange,
  describeLink,
  describeLinkChange,
  type DescribeOptions,
} from '../history/describe.js'

/** One voting round and its results (from the facilitator's control document). */
export interface VoteRound {
  readonly title: string
  readonly results: readonly { readonly elementId: string; readonly votes: number }[]
}

/** What the minutes are made from. */
export interface MinutesInput {
  readonly board: BoardData
  readonly lang: Language
  /** The meeting the minutes are of; without one, the minutes cover the board only. */
  readonly meeting?: MeetingData | null
  readonly votes?: readonly VoteRound[]
  /** The previous meeting's snapshot, for "what changed"; without one, the section says so. */
  readonly previous?: BoardData | null
  /** Defaults to now. */
  readonly generatedAt?: Date
}

/** One ranked result of a voting round. */
export interface RankedVote {
  /** Competition ranking: equal votes share a rank, the next rank skips (1, 2, 2, 4). */
  readonly rank: number
  readonly elementId: string
  /** The element, or null when it is no longer on the board. */
  readonly element: ElementData | null
  readonly votes: number
}

const WORDS = {
  en: {
    minutes: 'Minutes',
    meeting: 'Meeting',
    date: 'Date',
    generated: 'Generated',
    pseudonymous: 'Names on this board are pseudonyms.',
    attendees: 'Attendees',
    agenda: 'Agenda',
    board: 'The board',
    counts: (e: number, l: number) => `${e} elements and ${l} links.`,
    empty: 'The board is empty.',
    invalid: (n: number) =>
      n === 1
        ? '1 record could not be read and is left out.'
        : `${n} records could not be read and are left out.`,
    organisation: 'organisation',
    arena: 'arena',
    tags: 'tags',
    noLabel: '(no label)',
    links: 'Links',
    votes: 'Voting results',
    rank: 'Rank',
    element: 'Element',
    voteCount: 'Votes',
    noVotes: 'No votes were cast.',
    removedElement: '(removed element)',
    changes: 'Changes since the previous snapshot',
    noPrevious: 'No earlier snapshot to compare with.',
    noChanges: 'Nothing has changed.',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    linksAdded: 'Links added',
    linksRemoved: 'Links removed',
    linksChanged: 'Links changed',
  },
  sv: {
    minutes: 'Minnesanteckningar',
    meeting: 'Möte',
    date: 'Datum',
    generated: 'Skapad',
    pseudonymous: 'Namnen på tavlan är pseudonymer.',
    attendees: 'Närvarande',
    agenda: 'Dagordning',
    board: 'Tavlan',
    counts: (e: number, l: number) => `${e} element och ${l} kopplingar.`,
    empty: 'Tavlan är tom.',
    invalid: (n: number) =>
      n === 1
        ? '1 post kunde inte läsas och är utelämnad.'
        : `${n} poster kunde inte läsas och är utelämnade.`,
    organisation: 'organisation',
    arena: 'arena',
    tags: 'taggar',
    noLabel: '(utan etikett)',
    links: 'Kopplingar',
    votes: 'Röstningsresultat',
    rank: 'Plats',
    element: 'Element',
    voteCount: 'Röster',
    noVotes: 'Inga röster lades.',
    removedElement: '(borttaget element)',
    changes: 'Förändringar sedan föregående ögonblicksbild',
    noPrevious: 'Det finns ingen tidigare ögonblicksbild att jämföra med.',
    noChanges: 'Inget har ändrats.',
    added: 'Tillagt',
    removed: 'Borttaget',
    changed: 'Ändrat',
    linksAdded: 'Tillagda kopplingar',
    linksRemoved: 'Borttagna kopplingar',
    linksChanged: 'Ändrade kopplingar',
  },
} as const

/**
 * Board text as inline Markdown that renders as typed: line breaks become spaces (a newline would end a
 * list item or table row), inline markup characters are backslash-escaped, and so is anything at the start
 * that would open a block (`#`, `-`, `+`, `=`, `1.`).
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const inline = flat.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
  return inline.replace(/^([#+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')
}

/** Ranks a round's results, most votes first; ties share a rank and are ordered by label. */
export function rankVotes(round: VoteRound, board: BoardData, lang: Language = 'en'): RankedVote[] {
  const byId = new Map(board.elements.map((e) => [e.id, e]))
  const sorted = [...round.results].sort(
    (a, b) =>
      b.votes - a.votes ||
      (byId.get(a.elementId)?.label ?? '').localeCompare(byId.get(b.elementId)?.label ?? '', lang) ||
      (a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0),
  )
  let rank = 0
  return sorted.map((r, i) => {
    if (i === 0 || r.votes !== sorted[i - 1]?.votes) rank = i + 1
    return { rank, elementId: r.elementId, element: byId.get(r.elementId) ?? null, votes: r.votes }
  })
}

/** The minutes of a meeting as a Markdown document. */
export function exportMinutes(input: MinutesInput): string {
  const { board, lang } = input
  const w = WORDS[lang]
  const label = (text: string): string => (text.trim() === '' ? w.noLabel : escapeMarkdown(text))
  const bold = (text: string): string => `**${label(text)}**`
  const out: string[] = [`# ${w.minutes}: ${label(board.meta.title)}`, '']

  const meeting = input.meeting ?? null
  const facts: string[] = []
  if (meeting) {
    const title = meeting.title.trim() === '' ? '' : `: ${escapeMarkdown(meeting.title)}`
    facts.push(`**${w.meeting} ${meeting.number}${title}**`)
    if (meeting.date !== '') facts.push(`${w.date}: ${meeting.date}`)
  }
  const at = (input.generatedAt ?? new Date()).toISOString()
  facts.push(`${w.generated}: ${at.slice(0, 10)} ${at.slice(11, 16)} UTC`)
  // Two trailing spaces make a hard line break: the facts stay one block without a list.
  out.push(facts.join('  \n'), '')
  if (board.meta.pseudonymous) out.push(`_${w.pseudonymous}_`, '')

  if (meeting) {
    out.push(`## ${w.attendees}`, '', ...list(meeting.attendees.map(escapeMarkdown)), '')
    out.push(
      `## ${w.agenda}`,
      '',
      ...meeting.agenda.map((item, i) => `${i + 1}. ${escapeMarkdown(item)}`),
      '',
    )
  }

  out.push(...boardSection(board, lang, label, bold))
  out.push(...linkSection(board, lang, bold))
  out.push(...voteSection(input.votes ?? [], board, lang, bold))
  out.push(...changeSection(input.previous ?? null, board, lang, bold))
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}

function list(items: readonly string[]): string[] {
  return items.map((item) => `- ${item}`)
}

function byLabel(lang: Language) {
  return (a: ElementData, b: ElementData): number =>
    a.label.localeCompare(b.label, lang) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function boardSection(
  board: BoardData,
  lang: Language,
  label: (text: string) => string,
  bold: (text: string) => string,
): string[] {
  const w = WORDS[lang]
  const byId = new Map(board.elements.map((e) => [e.id, e]))
  const out = [
    `## ${w.board}`,
    '',
    board.elements.length === 0 ? w.empty : w.counts(board.elements.length, board.links.length),
  ]
  if (board.invalid.length > 0) out.push('', w.invalid(board.invalid.length))
  out.push('')
  for (const type of ELEMENT_TYPES) {
    const elements = board.elements.filter((e) => e.type === type).sort(byLabel(lang))
    if (elements.length === 0) continue
    out.push(`### ${ELEMENT_TYPE_NAMES[lang][type].many} (${elements.length})`, '')
    for (const e of elements) {
      const details: string[] = []
      if (e.kind !== 'other') details.push(kindName(lang, e.type, e.kind))
      const org = e.org === null ? undefined : byId.get(e.org)
      if (org) details.push(`${w.organisation}: ${label(org.label)}`)
      const arena = e.arena === null ? undefined : byId.get(e.arena)
      if (arena) details.push(`${w.arena}: ${label(arena.label)}`)
      if (e.tags.length > 0) details.push(`${w.tags}: ${e.tags.map(escapeMarkdown).join(', ')}`)
      out.push(`- ${bold(e.label)}${details.length > 0 ? `: ${details.join('; ')}` : ''}`)
    }
    out.push('')
  }
  return out
}

function linkSection(board: BoardData, lang: Language, bold: (text: string) => string): string[] {
  if (board.links.length === 0) return []
  const labels = new Map(board.elements.map((e) => [e.id, e.label]))
  const from = (l: LinkData): string => labels.get(l.from) ?? l.from
  const to = (l: LinkData): string => labels.get(l.to) ?? l.to
  const out = [`## ${WORDS[lang].links} (${board.links.length})`, '']
  const options: DescribeOptions = { lang, quote: bold }
  for (const kind of LINK_KINDS) {
    const links = board.links
      .filter((l) => l.kind === kind)
      .sort((a, b) => from(a).localeCompare(from(b), lang) || to(a).localeCompare(to(b), lang))
    if (links.length === 0) continue
    out.push(`### ${LINK_KIND_NAMES[lang][kind].noun} (${links.length})`, '')
    for (const l of links) {
      const note = l.label.trim() === '' ? '' : ` (${escapeMarkdown(l.label)})`
      out.push(`- ${describeLink(l, board, options)}${note}`)
    }
    out.push('')
  }
  return out
}

function voteSection(
  rounds: readonly VoteRound[],
  board: BoardData,
  lang: Language,
  bold: (text: string) => string,
) {
  if (rounds.length === 0) return []
  const w = WORDS[lang]
  const out = [`## ${w.votes}`, '']
  for (const round of rounds) {
    out.push(`### ${escapeMarkdown(round.title)}`, '')
    const ranked = rankVotes(round, board, lang)
    if (ranked.length === 0) {
      out.push(w.noVotes, '')
      continue
    }
    out.push(`| ${w.rank} | ${w.element} | ${w.voteCount} |`, '| ---: | --- | ---: |')
    for (const r of ranked) {
      const what = r.element
        ? `${ELEMENT_TYPE_NAMES[lang][r.element.type].one}: ${bold(r.element.label)}`
        : `${w.removedElement} ${escapeMarkdown(r.elementId)}`
      out.push(`| ${r.rank} | ${what} | ${r.votes} |`)
    }
    out.push('')
  }
  return out
}

function changeSection(
  previous: BoardData | null,
  board: BoardData,
  lang: Language,
  bold: (text: string) => string,
) {
  const w = WORDS[lang]
  const out = [`## ${w.changes}`, '']
  if (previous === null) return [...out, w.noPrevious, '']
  const diff: BoardDiff = compareBoards(previous, board)
  if (diff.summary.total === 0) return [...out, w.noChanges, '']
  const options: DescribeOptions = { lang, before: previous, after: board, quote: bold }
  const part = (title: string, lines: string[]): string[] =>
    lines.length === 0 ? [] : [`### ${title} (${lines.length})`, '', ...list(lines), '']
  return [
    ...out,
    ...part(
      w.added,
      diff.elements.added.map((e) => describeElement(e, options)),
    ),
    ...part(
      w.removed,
      diff.elements.removed.map((e) => describeElement(e, options)),
    ),
    ...part(
      w.changed,
      diff.elements.changed.map((c) => describeElementChange(c, options)),
    ),
    ...part(
      w.linksAdded,
      diff.links.added.map((l) => describeLink(l, board, options)),
    ),
    ...part(
      w.linksRemoved,
      diff.links.removed.map((l) => describeLink(l, previous, options)),
    ),
    ...part(
      w.linksChanged,
      diff.links.changed.map((c) => describeLinkChange(c, options)),
    ),
  ]
}
