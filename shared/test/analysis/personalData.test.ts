import { describe, expect, it } from 'vitest'
import { luhnValid, readIdentityNumber } from '../../src/analysis/identityNumber.js'
import { findPersonalData, hasVerifiedIdentityNumber } from '../../src/analysis/personalData.js'

/** The Luhn check digit of nine digits, written independently of the code under test. */
function checkDigit(nine: string): string {
  const sum = [...nine].reduce((s, c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1)
    return s + Math.floor(d / 10) + (d % 10)
  }, 0)
  return String((10 - (sum % 10)) % 10)
}
/** A ten-digit number YYMMDDNNN + the right check digit. */
const valid = (yymmdd: string, nnn: string): string => yymmdd + nnn + checkDigit(yymmdd + nnn)
/** The same with a wrong check digit. */
const wrong = (yymmdd: string, nnn: string): string =>
  yymmdd + nnn + String((Number(checkDigit(yymmdd + nnn)) + 1) % 10)

const kinds = (text: string): [string, string, boolean | undefined][] =>
  findPersonalData(text).map((f) => [f.kind, f.text, f.checksumValid])

describe('Luhn and dates', () => {
  it('agrees with Skatteverket test numbers and with an independent check digit', () => {
    expect(luhnValid('1212121212')).toBe(true)
    expect(luhnValid('8112189876')).toBe(true)
    expect(luhnValid('8112189875')).toBe(false)
    expect(checkDigit('121212121')).toBe('2')
    expect(checkDigit('811218987')).toBe('6')
    expect(luhnValid('')).toBe(false)
  })

  it('accepts calendar dates only, with 29 February in leap years', () => {
    expect(readIdentityNumber(valid('000229', '123'), 20, false)?.kind).toBe('personnummer')
    expect(readIdentityNumber(valid('000229', '123'), 19, false)).toBeNull()
    // Without the century, 2000 (a leap year) is a possible birth year.
    expect(readIdentityNumber(valid('000229', '123'), null, false)).not.toBeNull()
    // With `+`, the candidates are 1800 and 1900, neither a leap year.
    expect(readIdentityNumber(valid('000229', '123'), null, true)).toBeNull()
    expect(readIdentityNumber(valid('840229', '123'), null, false)).not.toBeNull()
    expect(readIdentityNumber(valid('850229', '123'), null, false)).toBeNull()
    for (const date of ['851301', '850001', '850100', '850132', '850431', '850230']) {
      expect(readIdentityNumber(valid(date, '123'), null, false)).toBeNull()
    }
    expect(readIdentityNumber('12345', null, false)).toBeNull()
  })
})

describe('findPersonalData: identity numbers', () => {
  it('finds the classic test numbers in every written form', () => {
    for (const text of [
      '19121212-1212',
      '191212121212',
      '121212-1212',
      '1212121212',
      '121212+1212',
      '121212\u20131212',
      '121212 1212',
      '811218-9876',
      '8112189876',
      '19811218-9876',
      '198112189876',
    ]) {
      expect(kinds(text), text).toEqual([['personnummer', text, true]])
      expect(hasVerifiedIdentityNumber(text), text).toBe(true)
    }
  })

  it('finds numbers built with an independent Luhn over many dates, in all five forms', () => {
    for (const [yymmdd, century] of [
      ['450101', '19'],
      ['991231', '19'],
      ['050615', '20'],
      ['120229', '20'],
      ['960229', '19'],
      ['010131', '20'],
    ] as const) {
      const ten = valid(yymmdd, '384')
      const date = ten.slice(0, 6)
      const tail = ten.slice(6)
      for (const text of [
        `${date}-${tail}`,
        `${date}+${tail}`,
        ten,
        `${century}${ten}`,
        `${century}${date}-${tail}`,
      ]) {
        expect(kinds(text), text).toEqual([['personnummer', text, true]])
      }
    }
  })

  it('reports a wrong check digit only when written with a separator, and never as verified', () => {
    const bad = wrong('850709', '123')
    const dashed = `${bad.slice(0, 6)}-${bad.slice(6)}`
    expect(kinds(dashed)).toEqual([['personnummer', dashed, false]])
    expect(kinds(`19${dashed}`)).toEqual([['personnummer', `19${dashed}`, false]])
    expect(kinds(`${bad.slice(0, 6)}+${bad.slice(6)}`)).toEqual([
      ['personnummer', `${bad.slice(0, 6)}+${bad.slice(6)}`, false],
    ])
    expect(hasVerifiedIdentityNumber(dashed)).toBe(false)
    // Bare digits or a space: not an identity number (nor a phone number: it does not start with 0).
    expect(kinds(bad)).toEqual([])
    expect(kinds(`19${bad}`)).toEqual([])
    expect(kinds(`${bad.slice(0, 6)} ${bad.slice(6)}`)).toEqual([])
  })

  it('recognises samordningsnummer (day + 60), with and without century', () => {
    const ten = valid('850763', '217') // 3 July 1985
    expect(kinds(`${ten.slice(0, 6)}-${ten.slice(6)}`)).toEqual([
      ['samordningsnummer', `${ten.slice(0, 6)}-${ten.slice(6)}`, true],
    ])
    expect(kinds(`19${ten}`)).toEqual([['samordningsnummer', `19${ten}`, true]])
    expect(kinds(valid('850191', '217'))).toEqual([['samordningsnummer', valid('850191', '217'), true]])
    expect(hasVerifiedIdentityNumber(`Samordningsnummer 19${ten}.`)).toBe(true)
    // Day 60 (0 + 60), day 92 (32 + 60), 31 April + 60: not dates.
    for (const date of ['850160', '850192', '850491']) expect(kinds(valid(date, '217'))).toEqual([])
  })

  it('finds numbers inside text, with exact offsets', () => {
    const text = 'Brukaren (811218-9876) och hennes bror, 19121212-1212, kom till mötet.'
    const found = findPersonalData(text)
    expect(found.map((f) => [f.kind, f.start, f.end, f.text])).toEqual([
      ['personnummer', 10, 21, '811218-9876'],
      ['personnummer', 40, 53, '19121212-1212'],
    ])
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text)
    expect(kinds('pnr:8112189876,')).toEqual([['personnummer', '8112189876', true]])
  })

  it('does not take organisation numbers, dates or longer digit runs for identity numbers', () => {
    // An organisation number: month digits >= 20, Luhn-valid as organisation numbers are.
    const orgNumber = valid('556036', '079')
    for (const text of [
      `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`,
      orgNumber,
      `16${orgNumber}`,
      `16${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}`,
      valid('802500', '123'),
      '2021-10-14',
      '20211014',
      '14/10/2021',
      'Mötet 2021-10-14 kl 13-16',
      `1${valid('811218', '987')}`,
      `${valid('811218', '987')}5`,
      '12345678901234',
      `${valid('811218', '987').slice(0, 6)}-${valid('811218', '987').slice(6)}7`,
    ]) {
      expect(
        kinds(text).filter(([k]) => k === 'personnummer' || k === 'samordningsnummer'),
        text,
      ).toEqual([])
      expect(hasVerifiedIdentityNumber(text), text).toBe(false)
    }
    // The century must be 18, 19 or 20.
    expect(kinds(`21${valid('121212', '121')}`)).toEqual([])
  })
})

describe('findPersonalData: phone numbers and e-mail', () => {
  it('finds Swedish phone numbers in the usual formats', () => {
    for (const phone of [
      '070-123 45 67',
      '070 123 45 67',
      '0701234567',
      '070-1234567',
      '073 - 123 45 67',
      '08-123 456 78',
      '08-12 34 56',
      '031-12 34 56',
      '0470-123 45',
      '010-123 45 67',
      '+46 70 123 45 67',
      '+46701234567',
      '+46-70-123 45 67',
      '+46 (0)8 123 456 78',
      '+46 8 123 456 78',
      '0046 8 123 456 78',
    ]) {
      expect(kinds(`Ring ${phone}.`), phone).toEqual([['phone', phone, undefined]])
      expect(hasVerifiedIdentityNumber(phone)).toBe(false)
    }
  })

  it('separates numbers that follow each other and ignores what is not a phone number', () => {
    expect(kinds('070-123 45 67 08-123 45 67')).toEqual([
      ['phone', '070-123 45 67', undefined],
      ['phone', '08-123 45 67', undefined],
    ])
    // Trailing digit groups that would make it too long are left out of the match.
    expect(kinds('070-123 45 67 89 01')).toEqual([['phone', '070-123 45 67', undefined]])
    for (const text of [
      '0 1 2 3 4 5 6 7',
      '100 000 kr',
      '08-12',
      '123-456 78',
      '01-02-2021',
      '+47 22 12 34 56',
      'version 0.12.3',
      '00123456',
    ]) {
      expect(
        kinds(text).filter(([k]) => k === 'phone'),
        text,
      ).toEqual([])
    }
  })

  it('reads ten digits starting with 0 as an identity number only when its check digit is right', () => {
    // 070123-4567 reads as 23 January 2007 too; with a wrong check digit it is a phone number.
    const asPhone = wrong('070123', '456')
    expect(kinds(asPhone)).toEqual([['phone', asPhone, undefined]])
    // Written 6-4 with a dash it has no phone reading (no area code has six digits): an unverified number.
    expect(kinds(`${asPhone.slice(0, 6)}-${asPhone.slice(6)}`)).toEqual([
      ['personnummer', `${asPhone.slice(0, 6)}-${asPhone.slice(6)}`, false],
    ])
    // Written as a phone number, it is one.
    const spaced = `${asPhone.slice(0, 3)}-${asPhone.slice(3, 6)} ${asPhone.slice(6, 8)} ${asPhone.slice(8)}`
    expect(kinds(spaced)).toEqual([['phone', spaced, undefined]])
    const asIdentity = valid('070123', '456')
    expect(kinds(asIdentity)).toEqual([['personnummer', asIdentity, true]])
    expect(hasVerifiedIdentityNumber(asIdentity)).toBe(true)
  })

  it('finds e-mail addresses, Swedish letters included, without trailing punctuation', () => {
    expect(kinds('Mejla anna.svensson@kommun.se.')).toEqual([['email', 'anna.svensson@kommun.se', undefined]])
    expect(kinds('<åsa.öberg@region.skane.se>')).toEqual([['email', 'åsa.öberg@region.skane.se', undefined]])
    expect(kinds("o'brien+circle@uni-lund.example.org,")).toEqual([
      ['email', "o'brien+circle@uni-lund.example.org", undefined],
    ])
    for (const text of [
      'a@b',
      '@kommun.se',
      'anna@',
      'anna@kommun.s',
      'anna..b@kommun.se',
      'anna@-kommun.se',
    ]) {
      expect(
        kinds(text).filter(([k]) => k === 'email'),
        text,
      ).toEqual([])
    }
  })

  it('reports an identity number inside an e-mail address, and not a phone number inside one', () => {
    expect(kinds('811218-9876@example.se')).toEqual([
      ['email', '811218-9876@example.se', undefined],
      ['personnummer', '811218-9876', true],
    ])
    expect(kinds('0701234567@sms.example.se')).toEqual([['email', '0701234567@sms.example.se', undefined]])
  })

  it('lists everything in order of position and never throws', () => {
    const text = 'Kontakt: 070-123 45 67, a@b.se, pnr 19121212-1212'
    expect(findPersonalData(text).map((f) => f.kind)).toEqual(['phone', 'email', 'personnummer'])
    expect(findPersonalData('')).toEqual([])
    expect(findPersonalData(null as unknown as string)).toEqual([])
    expect(hasVerifiedIdentityNumber(undefined as unknown as string)).toBe(false)
    expect(findPersonalData('9'.repeat(100_000))).toEqual([])
  })

  it('stays linear on long adversarial runs (these hung before the phone pattern was bounded)', () => {
    for (const text of [
      '0 '.repeat(20_000),
      '0-'.repeat(20_000),
      'a'.repeat(50_000),
      'a.'.repeat(20_000) + '@',
    ]) {
      expect(findPersonalData(text)).toEqual([])
      expect(hasVerifiedIdentityNumber(text)).toBe(false)
    }
  })
})
