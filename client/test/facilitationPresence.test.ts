import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { PRESENCE_PALETTE, chooseColor, type ColorClaim } from '../src/facilitation/colors.js'
import {
  PresenceStore,
  peopleKey,
  readCursors,
  readPeople,
  readSelections,
  readViewport,
} from '../src/facilitation/presence.js'
import { LocalPresence } from '../src/facilitation/localPresence.js'
import { CursorSmoother } from '../src/facilitation/cursorSmoother.js'

describe('presence colours', () => {
  /** Runs every person's choice in rounds until nobody changes (as browsers reacting to presence do). */
  function settle(people: ColorClaim[], rounds = 20): ColorClaim[] {
    let current = people
    for (let r = 0; r < rounds; r++) {
      // Everyone decides from the same snapshot, at the same moment: the worst case for collisions.
      const next = current.map((me) => ({ ...me, color: chooseColor(me, current) }))
      if (next.every((p, i) => p.color === current[i]?.color)) return next
      current = next
    }
    throw new Error('colours did not settle')
  }

  it('gives people present at the same time different colours, even when all start equal', () => {
    const people = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, since: 100, color: '#c62828' }))
    const settled = settle(people)
    expect(new Set(settled.map((p) => p.color)).size).toBe(8)
  })

  it('newcomers pick a free colour and nobody already here changes theirs', () => {
    const here = settle(Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, since: i, color: null })))
    const joined = settle([...here, { id: 'late', since: 99, color: null }])
    expect(joined.slice(0, 5).map((p) => p.color)).toEqual(here.map((p) => p.color))
    expect(here.map((p) => p.color)).not.toContain(joined[5]?.color)
  })

  it('a collision is settled deterministically: whoever joined first keeps the colour', () => {
    const a = { id: 'zeta', since: 10, color: PRESENCE_PALETTE[0]! }
    const b = { id: 'alpha', since: 20, color: PRESENCE_PALETTE[0]! }
    expect(chooseColor(a, [b])).toBe(PRESENCE_PALETTE[0])
    expect(chooseColor(b, [a])).not.toBe(PRESENCE_PALETTE[0])
    // Same join time: the smaller id keeps it.
    const c = { ...b, since: 10 }
    expect(chooseColor(c, [a])).toBe(PRESENCE_PALETTE[0])
    expect(chooseColor(a, [c])).not.toBe(PRESENCE_PALETTE[0])
  })

  it('spreads colours evenly beyond the palette (50 people: at most 5 share one)', () => {
    const settled = settle(
      Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, since: i, color: null })),
      60,
    )
    const counts = new Map<string, number>()
    for (const p of settled) counts.set(p.color!, (counts.get(p.color!) ?? 0) + 1)
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(Math.ceil(50 / PRESENCE_PALETTE.length))
  })
})

function state(id: string, extra: Record<string, unknown> = {}) {
  return {
    user: { id, name: `Name ${id}`, color: '#1f5fbf', role: 'participant', org: null, since: 1 },
    ...extra,
  }
}

describe('reading presence', () => {
  it('merges tabs of one person, puts oneself first and sorts the rest by name', () => {
    const states = new Map<number, unknown>([
      [1, state('me')],
      [2, { ...state('b'), away: true }],
      [3, state('b')],
      [4, { user: { id: 'a', name: 'Anna', color: 'red', role: 'facilitator' } }],
      [5, { cursor: { x: 1, y: 2 } }],
      [6, { user: { name: 'no id' } }],
    ])
    const people = readPeople(states, 1)
    expect(people.map((p) => p.id)).toEqual(['me', 'a', 'b'])
    expect(people[0]?.self).toBe(true)
    // One tab active: the person is here.
    expect(people[2]?.away).toBe(false)
    expect(people[2]?.clientIds).toEqual([2, 3])
    // A colour that is not #rrggbb is replaced (it goes into canvas styles).
    expect(people[1]?.color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('reads cursors of others only, not of people away, and validates numbers', () => {
    const states = new Map<number, unknown>([
      [1, state('me', { cursor: { x: 5, y: 5 } })],
      [2, state('b', { cursor: { x: 10, y: 20 } })],
      [3, state('c', { cursor: { x: 10, y: 20 }, away: true })],
      [4, state('d', { cursor: { x: 'a', y: 20 } })],
      [5, state('e', { cursor: null })],
    ])
    expect(readCursors(states, 1).map((c) => [c.personId, c.x, c.y])).toEqual([['b', 10, 20]])
    expect(readSelections(new Map([[2, state('b', { selection: ['x', 3, 'y'] })]]), 1)).toEqual([
      { clientId: 2, color: '#1f5fbf', ids: ['x', 'y'] },
    ])
    expect(readViewport({ viewport: { x: 1, y: 2, scale: 0.5, w: 100, h: 50 } })).toEqual({
      x: 1,
      y: 2,
      scale: 0.5,
      w: 100,
      h: 50,
    })
    expect(readViewport({ viewport: { x: 1, y: 2, scale: 0 } })).toBeNull()
  })

  it('the people key ignores cursor moves', () => {
    const a = readPeople(new Map([[2, state('b', { cursor: { x: 1, y: 1 } })]]), 1)
    const b = readPeople(new Map([[2, state('b', { cursor: { x: 9, y: 9 } })]]), 1)
    expect(peopleKey(a)).toBe(peopleKey(b))
  })
})

describe('presence over awareness', () => {
  function pair() {
    const local = new Awareness(new Y.Doc())
    const remote = new Awareness(new Y.Doc())
    remote.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...added!, ...updated!, ...removed!]
      applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, changed), 'remote')
    })
    return { local, remote }
  }

  it('a remote cursor moving wakes the cursor layer, never the people list', () => {
    const { local, remote } = pair()
    const store = new PresenceStore(local)
    let people = 0
    let motion = 0
    store.subscribePeople(() => people++)
    store.subscribeMotion(() => motion++)
    remote.setLocalState(state('b', { cursor: { x: 0, y: 0 } }))
    expect(people).toBe(1)
    for (let i = 1; i <= 30; i++) remote.setLocalState(state('b', { cursor: { x: i, y: i } }))
    expect(people).toBe(1)
    expect(motion).toBe(31)
    remote.setLocalState({ ...state('b'), away: true })
    expect(people).toBe(2)
    expect(store.getPeople().find((p) => p.id === 'b')?.away).toBe(true)
  })

  it('the local side sends one message per throttle interval with every field in it', () => {
    const awareness = new Awareness(new Y.Doc())
    let sent = 0
    awareness.on('update', () => sent++)
    let now = 0
    const queue: (() => void)[] = []
    const local = new LocalPresence(awareness, {
      now: () => now,
      setTimeout: (fn) => queue.push(fn),
      clearTimeout: () => undefined,
    })
    local.setUser({ id: 'me', name: 'Me', color: '#1f5fbf', role: 'participant', org: null, since: 0 })
    expect(sent).toBe(1)
    now = 10
    local.setCursor({ x: 1.234, y: 5 })
    local.setViewport({ x: 0, y: 0, scale: 1, w: 800, h: 600 })
    local.setSelection(['a'])
    expect(sent).toBe(1)
    now = 70
    queue.shift()?.()
    expect(sent).toBe(2)
    expect(awareness.getLocalState()).toMatchObject({
      user: { id: 'me' },
      cursor: { x: 1.2, y: 5 },
      viewport: { w: 800 },
      selection: ['a'],
    })
  })
})

describe('cursor smoothing', () => {
  it('eases toward the latest position and snaps when close; removes cursors that left', () => {
    const s = new CursorSmoother()
    const c = { clientId: 1, personId: 'b', x: 0, y: 0, name: 'B', role: 'participant', color: '#000000' }
    s.update([c], (x) => x.name, 1)
    s.update([{ ...c, x: 100 }], (x) => x.name, 1)
    expect(s.step(16, 1)).toBe(true)
    const mid = [...s.all()][0]!
    expect(mid.x).toBeGreaterThan(0)
    expect(mid.x).toBeLessThan(100)
    for (let i = 0; i < 40; i++) s.step(16, 1)
    expect([...s.all()][0]!.x).toBe(100)
    expect(s.step(16, 1)).toBe(false)
    s.update([], (x) => x.name, 1)
    expect(s.size).toBe(0)
  })
})
