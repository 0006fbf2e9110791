/**
 * The personal token (client/src/sync/personalToken.ts): asked for once per board and link, remembered,
 * asked again after a request that got no answer or a server that could not answer then, and not after a
 * refusal. Without one the link token is used, and provenance then has no person to name, so a lost
 * request must not cost the person their identity. `fetch` and `localStorage` are stand-ins here; the
 * browser tests use the real ones.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { personalToken } from '../src/sync/personalToken.js'

const BOARD = 'abcdefghijkl'
const LINK = 'link-token'

type Answer = { status: number; body?: unknown } | 'no answer'

/** Stubs `fetch` with `answers`, in order; returns the calls made. */
function serverAnswers(...answers: Answer[]): string[] {
  const calls: string[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push(`${init.method} ${url}`)
    const answer = answers.shift()
    if (answer === undefined) throw new Error('more requests than the test expected')
    if (answer === 'no answer') throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status })
  })
  return calls
}

const identity = { status: 201, body: { personId: 'p1', token: 'personal-token' } }

beforeEach(() => {
  const stored = new Map<string, string>()
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => void stored.set(k, v),
    removeItem: (k: string) => void stored.delete(k),
  })
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('personalToken', () => {
  it('asks once, then remembers the token for this board and link', async () => {
    const calls = serverAnswers(identity)
    expect(await personalToken(BOARD, LINK)).toBe('personal-token')
    expect(await personalToken(BOARD, LINK)).toBe('personal-token')
    expect(calls).toEqual([`POST /api/boards/${BOARD}/identity`])
  })

  it('asks again after a request that got no answer, or a server that could not answer then', async () => {
    const calls = serverAnswers('no answer', { status: 503 }, identity)
    const token = personalToken(BOARD, LINK)
    await vi.runAllTimersAsync()
    expect(await token).toBe('personal-token')
    expect(calls).toHaveLength(3)
  })

  it('uses the link token after a refusal, without asking again', async () => {
    const calls = serverAnswers({ status: 404 })
    const token = personalToken(BOARD, LINK)
    await vi.runAllTimersAsync()
    expect(await token).toBe(LINK)
    expect(calls).toHaveLength(1)
  })

  it('uses the link token when no attempt gets an answer, and asks again on the next visit', async () => {
    const calls = serverAnswers('no answer', 'no answer', 'no answer', identity)
    const first = personalToken(BOARD, LINK)
    await vi.runAllTimersAsync()
    expect(await first).toBe(LINK)
    expect(calls).toHaveLength(3)
    expect(await personalToken(BOARD, LINK)).toBe('personal-token')
    expect(calls).toHaveLength(4)
  })

  it('asks again for a remembered token whose person id the board would refuse, and keeps the new one', async () => {
    // What a server gave before 2026-11-29 one time in 32: a base64url id beginning with '-'.
    localStorage.setItem(
      `circleboard.identity.${BOARD}`,
      JSON.stringify({ linkToken: LINK, token: 'old-token', personId: '-OsJkJp8b2DbwqPU' }),
    )
    const calls = serverAnswers(identity)
    expect(await personalToken(BOARD, LINK)).toBe('personal-token')
    expect(await personalToken(BOARD, LINK)).toBe('personal-token')
    expect(calls).toHaveLength(1)
  })
})
