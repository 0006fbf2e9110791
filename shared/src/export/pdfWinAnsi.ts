/**
 * Text for the PDF standard fonts. Helvetica in a PDF without an embedded font encodes text in WinAnsi
 * (Latin-1 plus some punctuation), and pdf-lib throws on any other character. Swedish (å ä ö é) is in
 * WinAnsi; for the rest, the PDF shows the nearest WinAnsi text (a Polish ł as l, an arrow as ->, a
 * full-width letter as its ASCII form) or '?', and never fails an export over one character.
 */
import { hasStandardGlyph } from '../visual/index.js'

// Characters that neither WinAnsi nor Unicode decomposition covers, with a readable stand-in.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2043': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2116': 'No.',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŋ: 'ng',
  Ŋ: 'NG',
  ŧ: 't',
  Ŧ: 'T',
  ſ: 's',
  ȷ: 'j',
}

const ZERO_WIDTH_JOINER = 0x200d

/** Code points that draw nothing on their own: combining marks, zero-width characters, variation
 * selectors, emoji skin-tone modifiers and tags. */
function isSilent(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  )
}

function isSpace(cp: number): boolean {
  return (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000
}

/** One code point in WinAnsi: itself, a stand-in, its decomposed base letters, or `null` if none. */
function encodable(ch: string): string | null {
  if (hasStandardGlyph(ch)) return ch
  const replacement = REPLACEMENTS[ch]
  if (replacement !== undefined) return replacement
  // NFKD turns ő into o + combining mark and full-width or ligature forms into plain letters.
  const decomposed = [...ch.normalize('NFKD')].filter((c) => !isSilent(c.codePointAt(0) ?? 0)).join('')
  if (decomposed !== '' && decomposed !== ch && [...decomposed].every(hasStandardGlyph)) return decomposed
  return null
}

/**
 * `text` with every character the PDF standard fonts cannot encode replaced: by a close WinAnsi form
 * where there is one, else by '?' (an emoji sequence joined with zero-width joiners becomes one '?').
 * Line breaks are kept; other control characters become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = ''
  let joined = false
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0xa) {
      out += '\n'
      continue
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0 && !hasStandardGlyph(ch))) {
      out += ' '
      continue
    }
    if (cp === ZERO_WIDTH_JOINER) {
      joined = true
      continue
    }
    if (isSilent(cp)) continue
    if (isSpace(cp)) {
      out += ' '
      joined = false
      continue
    }
    const mapped = encodable(ch)
    if (mapped === null) {
      // The second and later members of a joined emoji sequence add nothing to the first one's '?'.
      if (!(joined && out.endsWith('?'))) out += '?'
    } else {
      out += mapped
    }
    joined = false
  }
  return out
}
