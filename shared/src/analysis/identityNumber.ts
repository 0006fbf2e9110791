/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer), as
 * Skatteverket defines them: a birth date YYMMDD (YYYYMMDD with the century), a three-digit birth number
 * and a check digit, the Luhn checksum over the ten digits YYMMDDNNNC. The separator is `-`, or `+`
 * from the year a person turns 100. A samordningsnummer is the same with 60 added to the day (61-91).
 */

/** Which kind of identity number. */
export type IdentityKind = 'personnummer' | 'samordningsnummer'

/** A string of ten digits that passed the date check. */
export interface IdentityNumber {
  readonly kind: IdentityKind
  /** Whether the Luhn check digit is right. */
  readonly checksumValid: boolean
}

/** Luhn (mod 10) over a string of digits, the last of which is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  // Weights 2, 1, 2, 1, ... from the left for the ten-digit form: doubling every second digit from the
  // right, counting the check digit as the first.
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return digits.length > 0 && sum % 10 === 0
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/**
 * Reads ten digits YYMMDDNNNC as an identity number, or `null` when the date part is not a calendar date
 * (nor one with 60 added to the day). `century` is the written century (19 for 1912...), or `null` for the
 * ten-digit form, where any century a living person can have is accepted; `plus` is the `+` separator
 * (born more than 100 years ago). Only 29 February depends on the century.
 */
export function readIdentityNumber(
  ten: string,
  century: number | null,
  plus: boolean,
): IdentityNumber | null {
  if (!/^\d{10}$/.test(ten)) return null
  const yy = Number(ten.slice(0, 2))
  const month = Number(ten.slice(2, 4))
  let day = Number(ten.slice(4, 6))
  let kind: IdentityKind = 'personnummer'
  if (day > 60) {
    kind = 'samordningsnummer'
    day -= 60
  }
  if (month < 1 || month > 12 || day < 1) return null
  const years =
    century !== null ? [century * 100 + yy] : plus ? [1800 + yy, 1900 + yy] : [1900 + yy, 2000 + yy]
  const longest = month === 2 ? (years.some(isLeap) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!
  if (day > longest) return null
  return { kind, checksumValid: luhnValid(ten) }
}
