/**
 * Text measurement and wrapping without a DOM. The canvas, the SVG export and the PDF export must break a
 * label into the same lines, so none of them may ask its own renderer how wide a word is: they all ask this
 * module, which knows the advance widths of Helvetica (the PDF standard font; Arial has the same widths).
 * The widths are the public Adobe AFM metrics, in 1/1000 em, for every character that the PDF standard
 * fonts can encode (WinAnsi: Latin-1 plus the 0x80-0x9F punctuation), which is also the set the PDF export
 * can write without substituting (see `hasStandardGlyph`).
 */

/** Line height as a multiple of the font size, for every text block on the board. */
export const LINE_HEIGHT = 1.2

/** Where the baseline sits below the top of a line box, as a multiple of the font size. Helvetica's cap
 * height is 0.718 em: half a cap height below the middle of the box centres capitals and digits. */
export const BASELINE_OFFSET = (LINE_HEIGHT - 0.718) / 2 + 0.718

/** The ellipsis that ends a label that does not fit (it is in WinAnsi, so the PDF keeps it). */
export const ELLIPSIS = '\u2026'

// Grouped by advance width so that the table stays readable; generated from pdf-lib's copy of the AFMs.
const REGULAR_GROUPS: readonly (readonly [number, string])[] = [
  [191, "'"],
  [222, 'ijl‘’‚'],
  [260, '|¦'],
  [278, ' !,./:;I[\\]ft\u00a0·ÌÍÎÏìíîï'],
  [333, '()-`r¡¨\u00ad¯²³´¸¹“”‹›„ˆ˜'],
  [334, '{}'],
  [350, '•'],
  [355, '"'],
  [365, 'º'],
  [370, 'ª'],
  [389, '*'],
  [400, '°'],
  [469, '^'],
  [500, 'JcksvxyzçýÿšŸž'],
  [537, '¶'],
  [556, '#$0123456789?L_abdeghnopqu¢£¤¥§«µ»àáâãäåèéêëðñòóôõöùúûüþ€–ƒ†‡'],
  [584, '+<=>~¬±×÷'],
  [611, 'FTZ¿ßøŽ'],
  [667, '&ABEKPSVXYÀÁÂÃÄÅÈÉÊËÝÞŠ'],
  [722, 'CDHNRUwÇÐÑÙÚÛÜ'],
  [737, '©®'],
  [778, 'GOQÒÓÔÕÖØ'],
  [833, 'Mm'],
  [834, '¼½¾'],
  [889, '%æ'],
  [944, 'Wœ'],
  [1000, 'Æ…—™Œ‰'],
  [1015, '@'],
]

const BOLD_GROUPS: readonly (readonly [number, string])[] = [
  [238, "'"],
  [278, ' ,./I\\ijl\u00a0·ÌÍÎÏìíîï‘’‚'],
  [280, '|¦'],
  [333, '!()-:;[]`ft¡¨\u00ad¯²³´¸¹‹›ˆ˜'],
  [350, '•'],
  [365, 'º'],
  [370, 'ª'],
  [389, '*r{}'],
  [400, '°'],
  [474, '"'],
  [500, 'z“”ž„'],
  [556, '#$0123456789J_aceksvxy¢£¤¥§«¶»àáâãäåçèéêëýÿ€–šŸƒ†‡'],
  [584, '+<=>^~¬±×÷'],
  [611, '?FLTZbdghnopquµ¿ßðñòóôõöøùúûüþŽ'],
  [667, 'EPSVXYÈÉÊËÝÞŠ'],
  [722, '&ABCDHKNRUÀÁÂÃÄÅÇÐÑÙÚÛÜ'],
  [737, '©®'],
  [778, 'GOQwÒÓÔÕÖØ'],
  [833, 'M'],
  [834, '¼½¾'],
  [889, '%mæ'],
  [944, 'Wœ'],
  [975, '@'],
  [1000, 'Æ…—™Œ‰'],
]

function tableOf(groups: readonly (readonly [number, string])[]): ReadonlyMap<string, number> {
  const table = new Map<string, number>()
  for (const [width, chars] of groups) for (const ch of chars) table.set(ch, width)
  return table
}

const REGULAR = tableOf(REGULAR_GROUPS)
const BOLD = tableOf(BOLD_GROUPS)

/** Width of a character the table does not know (a typical lower-case letter). */
const DEFAULT_ADVANCE = 556
/** Width of wide characters (CJK, emoji): one em, as fallback fonts draw them. */
const WIDE_ADVANCE = 1000

/** Code point ranges (inclusive) drawn with no advance: combining marks, zero-width spaces and joiners,
 * variation selectors. */
const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2060, 0x2060],
  [0xfe00, 0xfe0f],
]
/** Code point ranges drawn one em wide: Hangul jamo, CJK, Hangul syllables, full-width forms. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
]
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi)
}

/** True when the PDF standard fonts (WinAnsi encoding) can draw `ch` as it is. */
export function hasStandardGlyph(ch: string): boolean {
  return REGULAR.has(ch)
}

/** Advance width of one character (one code point) in 1/1000 em. */
export function charAdvance(ch: string, bold = false): number {
  const table = bold ? BOLD : REGULAR
  const known = table.get(ch)
  if (known !== undefined) return known
  const cp = ch.codePointAt(0) ?? 0
  if (inRanges(cp, ZERO_WIDTH)) return 0
  // Pictographs below U+2000 (#, digits, (c)) have text glyphs of ordinary width; the ones above are emoji.
  if (inRanges(cp, WIDE) || (cp > 0x2000 && PICTOGRAPHIC.test(ch))) return WIDE_ADVANCE
  // A letter with a diacritic WinAnsi lacks (ő, ł is not decomposable) is about as wide as its base letter.
  const base = ch.normalize('NFD')[0]
  if (base !== undefined && base !== ch) return table.get(base) ?? DEFAULT_ADVANCE
  return DEFAULT_ADVANCE
}

/**
 * `text` as it can be shown: tabs become spaces; other control characters, lone surrogates and
 * non-characters (which draw nothing, or a box, and which XML cannot even hold) are dropped. Labels are
 * typed and pasted by people, so they may contain any of these.
 */
export function visibleText(text: string): string {
  let out = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0x9) out += ' '
    else if (cp === 0xa || cp === 0xd) out += ch
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue
    else if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) continue
    else out += ch
  }
  return out
}

/** Width of `text` at font size `size`, in the same units as `size`. */
export function measureText(text: string, size: number, bold = false): number {
  let units = 0
  for (const ch of text) units += charAdvance(ch, bold)
  return (units * size) / 1000
}

/** How to wrap a text. */
export interface WrapOptions {
  /** Widest a line may be (same units as `size`). */
  readonly maxWidth: number
  readonly size: number
  readonly bold?: boolean
  /** Most lines; the last one ends in an ellipsis when the text does not fit. Default: no limit. */
  readonly maxLines?: number
}

/** Wrapped text: every line is at most `maxWidth` wide. */
export interface WrappedText {
  readonly lines: readonly string[]
  /** Some text was cut off (ellipsis) to respect `maxLines` or `maxWidth`. */
  readonly truncated: boolean
  /** A word was too wide for a line and was broken inside. */
  readonly brokeWord: boolean
  /** Width of the widest line. */
  readonly width: number
}

/**
 * Break `text` into lines no wider than `maxWidth`: at spaces, at hard line breaks, and inside a word only
 * when the word alone is too wide (after a hyphen or slash when there is one). When the lines exceed
 * `maxLines`, the last kept line ends in an ellipsis.
 */
export function wrapText(text: string, options: WrapOptions): WrappedText {
  const { maxWidth, size, bold = false } = options
  const maxLines = Math.max(1, Math.floor(options.maxLines ?? Number.POSITIVE_INFINITY))
  const width = (s: string): number => measureText(s, size, bold)
  const lines: string[] = []
  let truncated = false
  let brokeWord = false
  const push = (line: string): void => void lines.push(line)
  outer: for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w.length > 0)
    let line = ''
    for (let word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (width(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line !== '') push(line)
      while (width(word) > maxWidth) {
        const cut = breakWord(word, maxWidth, width)
        if (cut === 0) {
          // Not even one character fits: nothing sensible can be drawn in this box.
          truncated = true
          break outer
        }
        brokeWord = true
        push(word.slice(0, cut))
        word = word.slice(cut)
        if (lines.length > maxLines) break outer
      }
      line = word
      if (lines.length > maxLines) break outer
    }
    push(line)
    if (lines.length > maxLines) break
  }
  // Trailing empty paragraphs add nothing to a label.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  if (lines.length > maxLines) {
    lines.splice(maxLines)
    truncated = true
  }
  if (truncated && lines.length > 0) {
    const last = lines.pop() ?? ''
    const ended = ellipsize(`${last}${ELLIPSIS}`, maxWidth, size, bold)
    if (ended !== '') lines.push(ended)
  }
  return { lines, truncated, brokeWord, width: Math.max(0, ...lines.map(width)) }
}

/** How many code units of `word` fit in `maxWidth`, preferring a break after a hyphen or slash. */
function breakWord(word: string, maxWidth: number, width: (s: string) => number): number {
  const chars = [...word]
  let fit = 0
  let units = 0
  let total = ''
  for (const ch of chars) {
    if (width(total + ch) > maxWidth) break
    total += ch
    units += ch.length
    fit++
  }
  if (fit === 0) return 0
  const soft = Math.max(total.lastIndexOf('-'), total.lastIndexOf('/'))
  // Only a break that keeps a reasonable part of the word on this line.
  if (soft > 0 && soft + 1 < units && soft + 1 >= units / 2) return soft + 1
  return units
}

/**
 * `text` as it is when it fits `maxWidth`, else shortened from the end and ended with an ellipsis; '' when not
 * even the ellipsis fits.
 */
export function ellipsize(text: string, maxWidth: number, size: number, bold = false): string {
  if (measureText(text, size, bold) <= maxWidth) return text
  const chars = [...(text.endsWith(ELLIPSIS) ? text.slice(0, -1) : text).trimEnd()]
  while (chars.length > 0) {
    chars.pop()
    const candidate = `${chars.join('').trimEnd()}${ELLIPSIS}`
    if (measureText(candidate, size, bold) <= maxWidth) return candidate
  }
  return measureText(ELLIPSIS, size, bold) <= maxWidth ? ELLIPSIS : ''
}
