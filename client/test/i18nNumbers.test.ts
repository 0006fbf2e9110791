/**
 * Numbers in texts: whole numbers skip the Intl format (see i18n/I18n.tsx) and must read exactly as the
 * locale's format would write them; every other number goes through the format.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loadMessages, translate } from '../src/i18n/index.js'

const LOCALES = { en: 'en-GB', sv: 'sv-SE' } as const
const SUFFIX = { en: ' here', sv: ' här' } as const

describe('numbers in translated texts', () => {
  beforeAll(async () => {
    await Promise.all([loadMessages('en'), loadMessages('sv')])
  })

  for (const lang of ['en', 'sv'] as const) {
    it(`reads as Intl.NumberFormat(${LOCALES[lang]}) writes them, in ${lang}`, () => {
      const format = new Intl.NumberFormat(LOCALES[lang])
      const numbers = [0, 1, 7, 42, 999, 1000, 3000, 12345, 123456, 1234567, -1, -3, -999, -1000, -1234567]
      numbers.push(1.5, 0.25, 999.5, -0.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 60, -0)
      for (let n = 1; n < 1e15; n = n * 7 + 3) numbers.push(n, -n)
      for (const n of numbers) {
        expect(translate(lang, 'board.people', { count: n })).toBe(`${format.format(n)}${SUFFIX[lang]}`)
      }
    })
  }

  it('groups large numbers in each language', () => {
    expect(translate('en', 'board.people', { count: 12345 })).toBe('12,345 here')
    expect(translate('sv', 'board.people', { count: 12345 })).toMatch(/^12\s345 här$/u)
  })
})
