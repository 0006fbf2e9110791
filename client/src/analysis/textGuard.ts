/**
 * The rules of the personal-data warning, as plain functions (the guard that applies them to the board is
 * `PersonalDataGuard.ts`; docs/analysis.md explains them for people):
 *
 * - **What is personal data here**: what shared `findPersonalData` finds, except identity numbers whose
 *   check digit is wrong (precision first: a warning on every mistyped number teaches people to ignore
 *   it; the server does not refuse those either). Only what a change *adds* counts: text already on the
 *   board (shared by someone who chose to, or before the check existed) does not warn again.
 * - **Typed, not yet whole**: labels are shared keystroke by keystroke, so "19121212-121" would reach
 *   everyone before the last digit made it a personal identity number (and leak all but a check digit
 *   anyone can compute). So a run of digits (with the separators numbers are written with) or a word with
 *   an `@` that is being typed stays in the typist's browser until it ends (a letter, punctuation, the
 *   editor closes); then it is shared if it is not personal data, or the warning appears if it is.
 * - **Held changes and others' typing**: a held change is kept as "replace this stretch of the shared
 *   text with what was typed" and moved along when others change the text elsewhere, so sharing it later
 *   never undoes their words.
 */
import { findPersonalData, type PersonalDataFinding } from '@circleboard/shared'
import { textDelta } from '../canvas/LabelEditor.js'

/** A finding the warning is about. */
export type GuardFinding = PersonalDataFinding

/** Whether a finding is personal data the warning is about (see the module comment). */
export function isWarned(finding: PersonalDataFinding): boolean {
  if (finding.kind === 'personnummer' || finding.kind === 'samordningsnummer') {
    return finding.checksumValid === true
  }
  return true
}

/** True for a personnummer or samordningsnummer (what the server refuses while the board's check is on). */
export function isIdentityNumber(finding: PersonalDataFinding): boolean {
  return finding.kind === 'personnummer' || finding.kind === 'samordningsnummer'
}

/** The personal data in `after` that `before` does not already hold (same kind and text, counted). */
export function newFindings(before: string, after: string): GuardFinding[] {
  const found = findPersonalData(after).filter(isWarned)
  if (found.length === 0) return []
  const existing = new Map<string, number>()
  for (const f of findPersonalData(before).filter(isWarned)) {
    const key = `${f.kind}\u0000${f.text}`
    existing.set(key, (existing.get(key) ?? 0) + 1)
  }
  return found.filter((f) => {
    const key = `${f.kind}\u0000${f.text}`
    const left = existing.get(key) ?? 0
    if (left === 0) return true
    existing.set(key, left - 1)
    return false
  })
}

const DIGIT = /\p{Nd}/u
const WHITESPACE = /\s/u
// What people write numbers with: dashes of every kind, +, parentheses, dots and spaces between groups.
const NUMBER_SEPARATOR = /[-+()./\u2010\u2011\u2013\u2212 ]/u

/** Longest digit run that can still be a phone number with its prefix (+46 and up to 10 more digits). */
const MAX_PERSONAL_DIGITS = 13

/** Where the typed text ends in `after`: the end of what `before` -> `after` inserted, or -1 when nothing was. */
export function insertionEnd(before: string, after: string): number {
  let start = 0
  for (const op of textDelta(before, after)) {
    if ('retain' in op) start = op.retain
    else if ('insert' in op) return start + op.insert.length
  }
  return -1
}

/**
 * True while the person is in the middle of typing something that may become personal data, at the end of
 * what `before` -> `after` inserted: a run of digits and number separators (at most 13 digits; longer runs
 * are codes, not people) or a word with an `@`. Deleting never starts such a run.
 */
export function typingPersonalData(before: string, after: string): boolean {
  const end = insertionEnd(before, after)
  if (end <= 0) return false
  const last = after[end - 1]!
  if (WHITESPACE.test(last) && last !== ' ') return false
  // A word with an @ (an e-mail address being typed), up to the caret.
  let wordStart = end
  while (wordStart > 0 && !WHITESPACE.test(after[wordStart - 1]!)) wordStart--
  let wordEnd = end
  while (wordEnd < after.length && !WHITESPACE.test(after[wordEnd]!)) wordEnd++
  if (last !== ' ' && after.slice(wordStart, wordEnd).includes('@')) return true
  // A run of digits and separators reaching the caret, with a digit in it.
  if (!DIGIT.test(last) && !NUMBER_SEPARATOR.test(last)) return false
  let runStart = end
  while (runStart > 0 && (DIGIT.test(after[runStart - 1]!) || NUMBER_SEPARATOR.test(after[runStart - 1]!)))
    runStart--
  let runEnd = end
  while (runEnd < after.length && (DIGIT.test(after[runEnd]!) || NUMBER_SEPARATOR.test(after[runEnd]!)))
    runEnd++
  const run = after.slice(runStart, runEnd)
  // Two spaces in a row end a number (nobody writes one that way): the run before them is over.
  if (after.slice(runStart, end).includes('  ')) return false
  const digits = run.replace(/\D/gu, '').length
  return digits > 0 && digits <= MAX_PERSONAL_DIGITS
}

/** A change held back: replace `[start, end)` of `base` with `insert`. */
export interface HeldEdit {
  /** The shared text the edit was made against. */
  readonly base: string
  readonly start: number
  readonly end: number
  readonly insert: string
}

/** The edit that turns `before` into `after`, as one replaced stretch (common prefix and suffix kept). */
export function heldEdit(before: string, after: string): HeldEdit {
  let start = 0
  let removed = 0
  let insert = ''
  for (const op of textDelta(before, after)) {
    if ('retain' in op) start = op.retain
    else if ('delete' in op) removed = op.delete
    else insert = op.insert
  }
  return { base: before, start, end: start + removed, insert }
}

/**
 * The held edit moved onto `shared`, the text as it is now (others may have typed since). Their change is
 * read as one replaced stretch of `base`: positions before it stay, positions after it move by its change
 * in length, and where the two stretches touch or overlap ours gives way, so sharing it never deletes
 * what they typed.
 */
export function rebase(edit: HeldEdit, shared: string): HeldEdit {
  if (shared === edit.base) return edit
  const theirs = heldEdit(edit.base, shared)
  const { start: ts, end: te } = theirs
  const length = theirs.insert.length
  const map = (p: number, side: 'start' | 'end'): number => {
    if (p < ts) return p
    if (p > te) return p + length - (te - ts)
    // At an insertion of theirs: our start goes after it, our end before it (it stays outside ours).
    if (ts === te) return side === 'start' ? p + length : p
    if (p === ts) return ts
    return ts + length
  }
  const start = map(edit.start, 'start')
  const end = Math.max(start, map(edit.end, 'end'))
  return { base: shared, start, end, insert: edit.insert }
}

/** The text the held edit makes of its base. */
export function applyHeld(edit: HeldEdit): string {
  return edit.base.slice(0, edit.start) + edit.insert + edit.base.slice(edit.end)
}

/**
 * `text` without the findings (by their offsets, which must be `text`'s); where a removal leaves two
 * spaces, or a space at either end, one goes too.
 */
export function removeFindings(text: string, findings: readonly GuardFinding[]): string {
  let out = text
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    if (out.slice(f.start, f.end) !== f.text) continue
    let start = f.start
    let end = f.end
    if ((start === 0 || out[start - 1] === ' ') && out[end] === ' ') end++
    else if (end === out.length && start > 0 && out[start - 1] === ' ') start--
    out = out.slice(0, start) + out.slice(end)
  }
  return out
}
