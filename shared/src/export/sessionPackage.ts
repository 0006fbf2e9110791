/**
 * The session package: everything the facilitator keeps from one meeting, in one zip. The board in every
 * analysis format (board.json, elements.csv, links.csv, board.graphml), the minutes (minutes.md), the
 * pictures and tables other modules make (board.svg, board.pdf, participation.csv, passed in by the
 * caller), and a README.md that says what each file is, in the chosen language and in English (the
 * package may reach a researcher who reads no Swedish).
 *
 * One time stamp, `generatedAt`, is used for the JSON's `exportedAt`, the minutes and the zip entries, so
 * the same input gives the same bytes.
 */
import type { Language } from '../i18n/terms.js'
import { elementsCsv, linksCsv } from './csv.js'
import type { CsvOptions } from './csvFormat.js'
import { exportGraphml, type GraphmlOptions } from './graphml.js'
import { exportBoardJson, type BoardJsonExtras } from './json.js'
import { escapeMarkdown, exportMinutes, type MinutesInput } from './markdown.js'
import { streamZip, zipToBytes, type ZipChunkHandler, type ZipEntry } from './zipFiles.js'

/** What a session package is made from: the minutes' input plus how to write the tables and the graph. */
export interface SessionPackageInput extends MinutesInput {
  /** The snapshot the package records, written into board.json. */
  readonly snapshot?: BoardJsonExtras['snapshot']
  readonly csv?: CsvOptions
  readonly graphml?: GraphmlOptions
}

/** Files other modules produce, by name in the package (`board.svg`, `board.pdf`, `participation.csv`). */
export type SessionFiles = Readonly<Record<string, Uint8Array | string>>

/** Names of the files this module writes itself; a caller's file may not replace one. */
export const SESSION_PACKAGE_FILES = [
  'README.md',
  'board.json',
  'elements.csv',
  'links.csv',
  'board.graphml',
  'minutes.md',
] as const

/** What each known file of a package holds, per language, for the README. */
export const ZIP_README: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {
    'README.md': 'This file.',
    'board.json':
      'The complete board (format `circleboard-board`, version 1): every element, link, meeting and person, with provenance and unknown fields. Imports back into circleboard.',
    'elements.csv':
      'One row per element (actor, resource, value outcome, note, barrier, arena): type, kind, label, organisation, arena, tags, position and size, who added and changed it, when, and in which meeting. UTF-8 with a byte order mark; text cells that begin with = + - @ are prefixed with an apostrophe.',
    'links.csv':
      'One row per link: from and to (ids and labels), kind (provides, integrates with, contributes to, collaborates with, coordinates, hinders, relates to), label, whether it is directed, and provenance.',
    'board.graphml':
      'The board as a network for Gephi, yEd, networkx or igraph: elements are nodes, links are edges, every field a typed attribute.',
    'minutes.md':
      'Minutes of the meeting: attendees, agenda, the board by element type, the links, voting results, and what changed since the previous snapshot.',
    'board.svg': 'A picture of the board as vector graphics (opens in any web browser).',
    'board.pdf': 'The board as a PDF, for printing and the record.',
    'board.png': 'A picture of the board.',
    'participation.csv': 'Participation: who contributed to the board, per person.',
  },
  sv: {
    'README.md': 'Den här filen.',
    'board.json':
      'Hela tavlan (formatet `circleboard-board`, version 1): alla element, kopplingar, möten och personer, med ursprungsuppgifter och okända fält. Kan importeras tillbaka till circleboard.',
    'elements.csv':
      'En rad per element (aktör, resurs, värdeutfall, anteckning, hinder, arena): typ, slag, etikett, organisation, arena, taggar, position och storlek, vem som lade till och ändrade det, när och på vilket möte. UTF-8 med byte order mark; textceller som börjar med = + - @ har en apostrof först.',
    'links.csv':
      'En rad per koppling: från och till (id och etikett), typ (bidrar med, integreras med, bidrar till, samverkar med, samordnar, hindrar, hänger ihop med), etikett, om den har riktning, och ursprungsuppgifter.',
    'board.graphml':
      'Tavlan som nätverk för Gephi, yEd, networkx eller igraph: element är noder, kopplingar är kanter och varje fält ett typat attribut.',
    'minutes.md':
      'Minnesanteckningar från mötet: närvarande, dagordning, tavlan per elementtyp, kopplingarna, röstningsresultat och förändringar sedan föregående ögonblicksbild.',
    'board.svg': 'En bild av tavlan som vektorgrafik (öppnas i en webbläsare).',
    'board.pdf': 'Tavlan som PDF, för utskrift och arkiv.',
    'board.png': 'En bild av tavlan.',
    'participation.csv': 'Deltagande: vem som bidrog till tavlan, per person.',
  },
}

const README_WORDS = {
  en: {
    title: 'session package',
    meeting: 'Meeting',
    exported: 'Exported',
    pseudonymous: 'People on this board are recorded under pseudonyms.',
    file: 'File',
    contents: 'Contents',
    other: 'Added at export.',
    formats: 'The columns and fields of every format are described in circleboard’s docs/export-formats.md.',
  },
  sv: {
    title: 'sessionspaket',
    meeting: 'Möte',
    exported: 'Exporterat',
    pseudonymous: 'Personerna på tavlan är registrerade under pseudonymer.',
    file: 'Fil',
    contents: 'Innehåll',
    other: 'Tillagd vid exporten.',
    formats: 'Kolumnerna och fälten i varje format beskrivs i circleboards docs/export-formats.md.',
  },
} as const

/** The README of a package holding `names`, in `lang` and then, unless that is English, in English. */
export function sessionReadme(input: SessionPackageInput, names: readonly string[]): string {
  const at = (input.generatedAt ?? new Date()).toISOString()
  const section = (lang: Language): string[] => {
    const w = README_WORDS[lang]
    const meeting = input.meeting
    const lines = [`# ${escapeMarkdown(input.board.meta.title)}: ${w.title}`, '']
    if (meeting) {
      const title = meeting.title.trim() === '' ? '' : `: ${escapeMarkdown(meeting.title)}`
      lines.push(`${w.meeting} ${meeting.number}${title}${meeting.date === '' ? '' : ` (${meeting.date})`}  `)
    }
    lines.push(`${w.exported}: ${at.slice(0, 10)} ${at.slice(11, 16)} UTC`, '')
    if (input.board.meta.pseudonymous) lines.push(w.pseudonymous, '')
    lines.push(`| ${w.file} | ${w.contents} |`, '| --- | --- |')
    for (const name of names) lines.push(`| ${name} | ${ZIP_README[lang][name] ?? w.other} |`)
    lines.push('', w.formats, '')
    return lines
  }
  const parts = input.lang === 'en' ? section('en') : [...section(input.lang), '---', '', ...section('en')]
  return parts.join('\n').trimEnd() + '\n'
}

/** The files of a package in order: ours first, then the caller's in the order given. */
export function sessionPackageEntries(input: SessionPackageInput, files: SessionFiles = {}): ZipEntry[] {
  const reserved = new Set<string>(SESSION_PACKAGE_FILES)
  for (const name of Object.keys(files)) {
    if (reserved.has(name)) throw new RangeError(`${name} is written by the session package itself`)
  }
  const generatedAt = input.generatedAt ?? new Date()
  const withTime = { ...input, generatedAt }
  const { board, lang } = input
  const json = exportBoardJson(board, {
    exportedAt: generatedAt.toISOString(),
    ...(input.snapshot ? { snapshot: input.snapshot } : {}),
  })
  const own: ZipEntry[] = [
    { name: 'board.json', data: json },
    { name: 'elements.csv', data: elementsCsv(board, lang, input.csv) },
    { name: 'links.csv', data: linksCsv(board, lang, input.csv) },
    {
      name: 'board.graphml',
      data: exportGraphml(board, lang, { exportedAt: generatedAt.toISOString(), ...input.graphml }),
    },
    { name: 'minutes.md', data: exportMinutes(withTime) },
  ]
  const theirs = Object.entries(files).map(([name, data]) => ({ name, data }))
  const names = ['README.md', ...own.map((e) => e.name), ...theirs.map((e) => e.name)]
  return [{ name: 'README.md', data: sessionReadme(withTime, names) }, ...own, ...theirs]
}

/** The session package as one zip. */
export function exportSessionPackage(input: SessionPackageInput, files: SessionFiles = {}): Uint8Array {
  const generatedAt = input.generatedAt ?? new Date()
  return zipToBytes(sessionPackageEntries({ ...input, generatedAt }, files), { modifiedAt: generatedAt })
}

/**
 * The session package streamed piece by piece to `onChunk` (synchronously, `final` on the last piece), so
 * a server can write a large board's package to a response without holding the whole archive.
 */
export function streamSessionPackage(
  input: SessionPackageInput,
  files: SessionFiles,
  onChunk: ZipChunkHandler,
): void {
  const generatedAt = input.generatedAt ?? new Date()
  streamZip(sessionPackageEntries({ ...input, generatedAt }, files), onChunk, { modifiedAt: generatedAt })
}
