/**
 * The display name and organisation a person gives, remembered per browser (the same person on every
 * board this browser opens; the person id stays per board, sync/personalToken.ts). The name is asked on
 * first join; until it is answered the person shows as a generated "Guest 123" (sync/identity.ts) and the
 * question stays offered, in a corner rather than in the way.
 */
import { displayName, setDisplayName } from '../sync/identity.js'

const ORG_KEY = 'circleboard.org'
const ASKED_KEY = 'circleboard.nameAsked'
/** Longest name or organisation (the model's limit is higher; presence labels should stay short). */
export const MAX_PROFILE_TEXT = 60

/** Name and organisation. */
export interface Profile {
  readonly name: string
  readonly org: string | null
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key)
    else localStorage.setItem(key, value)
  } catch {
    // not remembered: asked again next time
  }
}

/** The remembered profile (a generated guest name when none was given). */
export function loadProfile(guestWord: string): Profile {
  const org = read(ORG_KEY)
  return { name: displayName(guestWord), org: org && org.trim() ? org : null }
}

/** True until the person has answered (or dismissed) the name question in this browser. */
export function nameQuestionOpen(): boolean {
  return read(ASKED_KEY) !== '1'
}

/** Cleans what a person typed; `null` when the name is empty. */
export function cleanProfile(name: string, org: string): Profile | null {
  const n = name.trim().replace(/\s+/g, ' ').slice(0, MAX_PROFILE_TEXT)
  const o = org.trim().replace(/\s+/g, ' ').slice(0, MAX_PROFILE_TEXT)
  return n ? { name: n, org: o || null } : null
}

/** Remembers a profile the person gave. */
export function saveProfile(profile: Profile): void {
  setDisplayName(profile.name)
  write(ORG_KEY, profile.org)
  write(ASKED_KEY, '1')
}

/** Remembers that the person dismissed the question (keeping the guest name). */
export function dismissNameQuestion(): void {
  write(ASKED_KEY, '1')
}

/** Initials for an avatar: first letters of the first two words ("Anna Berg" -> "AB"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.slice(0, 2).map((w) => [...w][0] ?? '')
  return letters.join('').toLocaleUpperCase() || '?'
}
