import { describe, expect, it } from 'vitest'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import {
  ELLIPSIS,
  charAdvance,
  ellipsize,
  hasStandardGlyph,
  measureText,
  wrapText,
} from '../../src/visual/index.js'
import { textBlock } from '../../src/visual/index.js'
import { readFixture } from '../export/fixtureBoard.js'

/** Every character WinAnsi encodes: printable Latin-1 and the 0x80-0x9F punctuation. */
function winAnsiChars(): string[] {
  const chars: string[] = []
  for (let c = 0x20; c <= 0xff; c++) if (c < 0x7f || c >= 0xa0) chars.push(String.fromCodePoint(c))
  chars.push(...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
  return chars
}

/** A seeded pseudo-random generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('character widths', () => {
  it('match the Helvetica metrics pdf-lib draws with, for every WinAnsi character', async () => {
    const doc = await PDFDocument.create()
    for (const [name, bold] of [
      [StandardFonts.Helvetica, false],
      [StandardFonts.HelveticaBold, true],
    ] as const) {
      const font = await doc.embedFont(name)
      for (const ch of winAnsiChars()) {
        expect(hasStandardGlyph(ch), ch).toBe(true)
        expect(charAdvance(ch, bold), `${name} ${ch}`).toBeCloseTo(font.widthOfTextAtSize(ch, 1000), 0)
      }
    }
  })

  it('measures Swedish letters like their base letters and wide characters as one em', () => {
    expect(charAdvance('å')).toBe(charAdvance('a'))
    expect(charAdvance('Ö')).toBe(charAdvance('O'))
    expect(charAdvance('ő')).toBe(charAdvance('o'))
    expect(charAdvance('😀')).toBe(1000)
    expect(charAdvance('漢')).toBe(1000)
    expect(charAdvance('\u0301')).toBe(0)
    expect(measureText('Möte', 10)).toBeCloseTo((833 + 556 + 278 + 556) / 100, 6)
    expect(measureText('Möte', 10, true)).toBeGreaterThan(measureText('Möte', 10))
    expect(hasStandardGlyph('ő')).toBe(false)
  })
})

describe('wrapText', () => {
  const labels = readFixture().elements.flatMap((e) => [e.label.sv, e.label.en])

  it('never makes a line wider than the box, for every fixture label at many widths', () => {
    for (const label of labels) {
      for (const maxWidth of [30, 60, 90, 120, 200, 400]) {
        for (const bold of [false, true]) {
          const wrapped = wrapText(label, { maxWidth, size: 13, bold })
          for (const line of wrapped.lines) expect(measureText(line, 13, bold)).toBeLessThanOrEqual(maxWidth)
          expect(wrapped.width).toBeLessThanOrEqual(maxWidth)
        }
      }
    }
  })

  it('never exceeds the width or the line limit on random text (seeded)', () => {
    const next = rng(20240601)
    const alphabet = 'abcdefghijklmnopqrstuvwxyzåäöÅÄÖé   -/MW@😀漢\n'
    for (let round = 0; round < 400; round++) {
      const length = Math.floor(next() * 200)
      const chars = Array.from({ length }, () => [...alphabet][Math.floor(next() * [...alphabet].length)])
      const text = chars.join('')
      const maxWidth = 5 + next() * 250
      const maxLines = 1 + Math.floor(next() * 5)
      const wrapped = wrapText(text, { maxWidth, size: 12, maxLines })
      expect(wrapped.lines.length, `round ${round}`).toBeLessThanOrEqual(maxLines)
      for (const line of wrapped.lines) {
        expect(measureText(line, 12), `round ${round}: ${JSON.stringify(text)}`).toBeLessThanOrEqual(maxWidth)
      }
    }
  })

  it('breaks at spaces and keeps every word when there is room', () => {
    const wrapped = wrapText('Kunskap om den egna livssituationen', { maxWidth: 100, size: 13 })
    expect(wrapped.lines.join(' ')).toBe('Kunskap om den egna livssituationen')
    expect(wrapped.lines.length).toBeGreaterThan(1)
    expect(wrapped.truncated).toBe(false)
    expect(wrapped.brokeWord).toBe(false)
  })

  it('ends the last line with an ellipsis when the text overflows its lines', () => {
    const long = 'Samordnaren kan inte luta sig mot manualer: lösningar skapas tillsammans med brukaren'
    const wrapped = wrapText(long, { maxWidth: 90, size: 13, maxLines: 2 })
    expect(wrapped.lines).toHaveLength(2)
    expect(wrapped.truncated).toBe(true)
    expect(wrapped.lines[1]?.endsWith(ELLIPSIS)).toBe(true)
  })

  it('breaks a word that is wider than the box, after a hyphen when there is one', () => {
    const wrapped = wrapText('Stuprörsfinansieringsproblematiken', { maxWidth: 80, size: 13 })
    expect(wrapped.brokeWord).toBe(true)
    expect(wrapped.lines.join('')).toBe('Stuprörsfinansieringsproblematiken')
    const hyphen = wrapText('arbetsmarknads-och-utbildningsförvaltningen', { maxWidth: 130, size: 13 })
    expect(hyphen.lines[0]?.endsWith('-')).toBe(true)
  })

  it('honours hard line breaks and drops trailing empty lines', () => {
    expect(wrapText('a\nb\n\n', { maxWidth: 100, size: 10 }).lines).toEqual(['a', 'b'])
  })

  it('returns no lines when not even one character fits', () => {
    const wrapped = wrapText('Hinder', { maxWidth: 2, size: 13 })
    expect(wrapped.lines).toEqual([])
    expect(wrapped.truncated).toBe(true)
  })

  it('ellipsize keeps text that fits and shortens text that does not', () => {
    expect(ellipsize('Tid', 100, 12)).toBe('Tid')
    const cut = ellipsize('Nätverksmöte med de fyra myndigheterna', 80, 12)
    expect(cut.endsWith(ELLIPSIS)).toBe(true)
    expect(measureText(cut, 12)).toBeLessThanOrEqual(80)
    expect(ellipsize('abc', 1, 12)).toBe('')
  })
})

describe('textBlock', () => {
  it('shrinks a long compound word rather than breaking it, and stays inside its box', () => {
    const box = { x: 10, y: 5, w: 100, h: 60 }
    const block = textBlock('Stuprörsfinansiering', box, {
      size: 13,
      bold: true,
      color: '#000',
      align: 'middle',
      verticalAlign: 'middle',
    })
    expect(block?.lines.map((l) => l.text)).toEqual(['Stuprörsfinansiering'])
    expect(block?.size).toBeLessThan(13)
    for (const line of block?.lines ?? []) {
      expect(line.x).toBe(60)
      expect(line.y).toBeGreaterThan(box.y)
      expect(line.y).toBeLessThan(box.y + box.h)
    }
  })

  it('returns null for an empty label or a box too small for one line', () => {
    const opts = { size: 13, bold: false, color: '#000', align: 'start', verticalAlign: 'top' } as const
    expect(textBlock('  ', { x: 0, y: 0, w: 100, h: 100 }, opts)).toBeNull()
    expect(textBlock('Tid', { x: 0, y: 0, w: 100, h: 5 }, opts)).toBeNull()
  })
})
