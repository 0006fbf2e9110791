/**
 * Finds personal data in free text (labels, comments, notes) so the UI can warn before it is shared, and
 * so the server can refuse to store a Swedish identity number: circle boards are shown on a shared screen
 * and exported for research, and should not carry anyone's personnummer, e-mail address or phone number.
 *
 * Decisions (precision first: a false alarm on every date or order number would teach people to ignore
 * the warning):
 * - Identity numbers: YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDDNNNC, also with a
 *   typographic dash or one space as separator, not inside a longer run of digits; the century written
 *   must be 18, 19 or 20. The date must be a calendar date (a samordningsnummer: day + 60). Organisation
 *   numbers (month digits >= 20, or a `16` prefix) fail the date check and are not identity numbers.
 * - Checksum: a number whose Luhn digit is right is reported with `checksumValid: true`. One whose digit
 *   is wrong is reported (with `checksumValid: false`: a mistyped or made-up number still looks like
 *   personal data) only when written with a dash or `+` separator; a bare run of digits with a wrong
 *   check digit is far more often an order, case or phone number, and is not an identity number.
 * - Phone numbers: Swedish numbers, national (0 + area code, 8-10 digits: 070-123 45 67, 08-123 456 78,
 *   010-...) or international (+46 / 0046, optional "(0)", 7-9 digits). Digit groups after the area
 *   code have at least two digits, so "0 1 2 3 4 5" is not a phone number, and dd-mm-yyyy dates are not.
 *   Ten digits starting with 0 that are also a valid identity number are reported as the identity number
 *   (a 2000s birth date whose check digit is right; the server must refuse it either way); when the
 *   identity reading has a wrong check digit, the phone reading wins.
 * - E-mail: a pragmatic subset of RFC 5322 (dot-atom local part, dotted domain labels, a letter TLD),
 *   with Unicode letters allowed (åsa@kommun.se).
 */
import { readIdentityNumber } from './identityNumber.js'

/** What kind of personal data a finding is. */
export const PERSONAL_DATA_KINDS = ['personnummer', 'samordningsnummer', 'email', 'phone'] as const
/** One of `PERSONAL_DATA_KINDS`. */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number]

/** One piece of personal data in a text. */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind
  /** UTF-16 offsets into the text: `text.slice(start, end)` is the match. */
  readonly start: number
  readonly end: number
  readonly text: string
  /** Identity numbers only: whether the Luhn check digit is right. */
  readonly checksumValid?: boolean
}

const DASHES = '\\-\u2010\u2011\u2013\u2212'
const IDENTITY_12 = new RegExp(`(?<!\\d)(18|19|20)(\\d{6})([${DASHES} ]?)(\\d{4})(?!\\d)`, 'g')
const IDENTITY_10 = new RegExp(`(?<!\\d)(\\d{6})([${DASHES}+ ]?)(\\d{4})(?!\\d)`, 'g')

const PHONE_SEPARATOR = `(?: ?[${DASHES}] ?| )`
// Bounded on purpose: at most 10 digit groups of at most 10 digits, none followed by another digit, so
// a long run such as "0 0 0 0 ..." costs linear time instead of rescanning the rest of the text from
// every position (a phone number has at most 13 digits with its prefix).
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}_+])((?:\\+|00)46${PHONE_SEPARATOR}?(?:\\(0\\)${PHONE_SEPARATOR}?)?|(?=0))(\\d{1,10}(?!\\d)(?:${PHONE_SEPARATOR}\\d{1,10}(?!\\d)){0,9})`,
  'gu',
)

const LOCAL_CHARS = "\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~\\-"
const EMAIL = new RegExp(
  `(?<![${LOCAL_CHARS}.])[${LOCAL_CHARS}]+(?:\\.[${LOCAL_CHARS}]+)*@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}(?![\\p{L}\\p{N}\\-])`,
  'gu',
)

/** Identity numbers in `text`, including those with a wrong check digit and a separator. */
function identityNumbers(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = []
  for (const m of text.matchAll(IDENTITY_12)) {
    const [whole, century, date, separator, tail] = m as unknown as [string, string, string, string, string]
    // `date` is YYMMDD after the century; the checksum and date check read the ten digits YYMMDDNNNC.
    const id = readIdentityNumber(date + tail, Number(century), false)
    if (id === null || (!id.checksumValid && (separator === '' || separator === ' '))) continue
    out.push({
      kind: id.kind,
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      checksumValid: id.checksumValid,
    })
  }
  for (const m of text.matchAll(IDENTITY_10)) {
    const [whole, date, separator, tail] = m as unknown as [string, string, string, string]
    const id = readIdentityNumber(date + tail, null, separator === '+')
    if (id === null || (!id.checksumValid && (separator === '' || separator === ' '))) continue
    out.push({
      kind: id.kind,
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      checksumValid: id.checksumValid,
    })
  }
  return out
}

/** Whether a run of phone digit groups (after any +46 prefix) is a Swedish phone number. */
function isPhone(international: boolean, groups: readonly string[]): boolean {
  const digits = groups.join('')
  if (international) {
    // "+46 070..." is a common slip for "+46 70...": read it as the number meant.
    const national = digits.startsWith('0') ? digits.slice(1) : digits
    if (national.length < 7 || national.length > 9 || national.startsWith('0')) return false
    return groups.slice(1).every((g) => g.length >= 2)
  }
  if (digits.length < 8 || digits.length > 10 || !/^0[1-9]/.test(digits)) return false
  if (groups.length === 1) return true
  const [first, second, third] = groups as [string, string, string | undefined]
  if (first.length < 2 || first.length > 4 || groups.slice(1).some((g) => g.length < 2)) return false
  // dd-mm-yyyy is a date, not a number.
  const dayMonthYear =
    groups.length === 3 &&
    first.length === 2 &&
    second.length === 2 &&
    third?.length === 4 &&
    Number(first) <= 31 &&
    Number(second) >= 1 &&
    Number(second) <= 12
  return !dayMonthYear
}

const SEPARATOR_SPLIT = new RegExp(`(${PHONE_SEPARATOR})`, 'u')

function phoneNumbers(text: string): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = []
  PHONE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PHONE.exec(text)) !== null) {
    const prefix = m[1]!
    const parts = m[2]!.split(SEPARATOR_SPLIT)
    const groups = parts.filter((_, i) => i % 2 === 0)
    // The run may continue into the next number ("070-123 45 67 08-..."): take the longest prefix of its
    // digit groups that is a phone number.
    let found = false
    for (let k = groups.length; k >= 1; k--) {
      if (!isPhone(prefix !== '', groups.slice(0, k))) continue
      const length = prefix.length + parts.slice(0, 2 * k - 1).join('').length
      out.push({
        kind: 'phone',
        start: m.index,
        end: m.index + length,
        text: text.slice(m.index, m.index + length),
      })
      PHONE.lastIndex = m.index + length
      found = true
      break
    }
    if (!found) PHONE.lastIndex = m.index + 1
  }
  return out
}

function emails(text: string): PersonalDataFinding[] {
  return Array.from(text.matchAll(EMAIL), (m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }))
}

const overlaps = (a: PersonalDataFinding, b: PersonalDataFinding): boolean =>
  a.start < b.end && b.start < a.end

/** All personal data in `text`, in order of position. Never throws; a non-string finds nothing. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  if (typeof text !== 'string' || text === '') return []
  const phones = phoneNumbers(text)
  const mails = emails(text)
  // Identity readings with a wrong check digit give way to a phone reading of the same digits.
  const identities = identityNumbers(text).filter(
    (id) => id.checksumValid || !phones.some((p) => overlaps(p, id)),
  )
  const kept = [
    ...identities,
    ...mails,
    ...phones.filter((p) => !identities.some((id) => overlaps(id, p)) && !mails.some((e) => overlaps(e, p))),
  ]
  return kept.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * Whether `text` holds a personnummer or samordningsnummer whose check digit is right: what the server
 * refuses to store. Cheaper than `findPersonalData` (no phone or e-mail scan).
 */
export function hasVerifiedIdentityNumber(text: string): boolean {
  if (typeof text !== 'string' || text.length < 10) return false
  return identityNumbers(text).some((id) => id.checksumValid === true)
}
