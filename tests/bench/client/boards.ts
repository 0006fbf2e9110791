/**
 * The boards the client benchmark opens, and how they get onto the server: a Node y-websocket client (the
 * stock provider) writes the elements and links with the shared model's operations (`addElement`,
 * `connect`) in one transaction, as a person's client would write a pasted board, and the browser opens
 * the board only once a fresh client of the room sees all of it (the server has stored it).
 *
 * The board is seeded, so every run draws the same thing: a wide grid with some jitter, the element
 * types in the proportions of a real resource-integration map (more resources than actors, a few
 * barriers, an arena per hundred elements), labels of one to seven words in Swedish and English, and
 * half as many links as elements, of every kind, mostly between neighbours and some across the board.
 */
import * as Y from 'yjs'
import {
  ACTOR_KINDS,
  LINK_KINDS,
  RESOURCE_KINDS,
  VALUE_KINDS,
  addElement,
  connect,
  localOrigin,
  setElementPositions,
  type EditContext,
  type ElementType,
  type Point,
} from '@circleboard/shared'
import { eventually, provider, synced, type AnyProvider } from '../../support/providers.js'

/** A deterministic PRNG (mulberry32): the same seed, the same board. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = [
  'Samordnare',
  'Kommunen',
  'Region',
  'Försäkringskassan',
  'Arbetsförmedlingen',
  'kunskap',
  'nätverk',
  'mandate',
  'funding',
  'shared',
  'case',
  'meetings',
  'rehabilitation',
  'stöd',
  'tid',
  'data',
  'employment',
  'trust',
  'förtroende',
  'joint',
  'planning',
  'service',
  'user',
  'value',
  'integration',
  'arbete',
  'hälsa',
  'delaktighet',
]

/** Element types by share of the board (an arena is added per hundred elements on top). */
const TYPE_SHARES: readonly (readonly [ElementType, number])[] = [
  ['actor', 0.25],
  ['resource', 0.35],
  ['value', 0.15],
  ['note', 0.15],
  ['barrier', 0.1],
]

const KINDS: Readonly<Record<ElementType, readonly string[]>> = {
  actor: ACTOR_KINDS,
  resource: RESOURCE_KINDS,
  value: VALUE_KINDS,
  note: ['other'],
  barrier: ['other'],
  arena: ['other'],
}

/** Grid pitch in board units (the default sizes are at most 200 x 160). */
const PITCH = { x: 250, y: 190 }

/** Where the benchmark's board puts things: columns of the grid, and the id of an element near its middle. */
export interface BoardLayout {
  readonly elements: number
  readonly links: number
  readonly columns: number
  /** An element near the middle of the board (the one the drag scenarios move). */
  readonly middle: string
}

const elementId = (i: number): string => `e${String(i).padStart(5, '0')}`
// Fractional indices in order ('a0' then digits, never ending in 0), so nothing reads all z keys per add.
const zKey = (i: number): string => `a0${String(i).padStart(5, '0')}1`

/** Writes the benchmark board of `n` elements and `n / 2` links into `doc` (one transaction). */
export function writeBenchBoard(doc: Y.Doc, n: number, ctx: EditContext, seed = 7): BoardLayout {
  const random = prng(seed + n)
  // A wide board (about 16:10), as boards grow sideways on a screen.
  const columns = Math.max(1, Math.round(Math.sqrt(n * 1.6)))
  const rows = Math.ceil(n / columns)
  const arenas = Math.floor(n / 100)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const label = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(WORDS)).join(' ')
  const typeAt = (): ElementType => {
    let r = random()
    for (const [type, share] of TYPE_SHARES) if ((r -= share) < 0) return type
    return 'note'
  }
  const links: { from: string; to: string }[] = []
  doc.transact(() => {
    for (let a = 0; a < arenas; a++) {
      const col = Math.floor(random() * Math.max(1, columns - 3))
      const row = Math.floor(random() * Math.max(1, rows - 2))
      addElement(
        doc,
        {
          id: `arena${String(a).padStart(4, '0')}`,
          type: 'arena',
          x: col * PITCH.x - 30,
          y: row * PITCH.y - 50,
          w: 3 * PITCH.x + 10,
          h: 2 * PITCH.y + 30,
          label: label(),
          z: zKey(a),
        },
        ctx,
      )
    }
    for (let i = 0; i < n - arenas; i++) {
      const type = typeAt()
      addElement(
        doc,
        {
          id: elementId(i),
          type,
          kind: pick(KINDS[type]),
          x: (i % columns) * PITCH.x + Math.round(random() * 30),
          y: Math.floor(i / columns) * PITCH.y + Math.round(random() * 20),
          label: label(),
          z: zKey(arenas + i),
        },
        ctx,
      )
    }
    const count = n - arenas
    const seen = new Set<string>()
    const wanted = Math.floor(n / 2)
    for (let tries = 0; links.length < wanted && tries < wanted * 20; tries++) {
      const from = Math.floor(random() * count)
      // Most links join near neighbours (a few columns or rows away); one in ten crosses the board.
      const to =
        random() < 0.1
          ? Math.floor(random() * count)
          : from + Math.round((random() - 0.5) * 6) + columns * Math.round((random() - 0.5) * 4)
      if (to < 0 || to >= count || to === from) continue
      const key = from < to ? `${from}-${to}` : `${to}-${from}`
      if (seen.has(key)) continue
      seen.add(key)
      const k = links.length
      connect(
        doc,
        {
          id: `l${String(k).padStart(5, '0')}`,
          from: elementId(from),
          to: elementId(to),
          kind: LINK_KINDS[k % LINK_KINDS.length] as (typeof LINK_KINDS)[number],
          label: k % 5 === 0 ? label().split(' ').slice(0, 2).join(' ') : '',
        },
        ctx,
      )
      links.push({ from: elementId(from), to: elementId(to) })
    }
  }, ctx.origin)
  const middleIndex = Math.floor(rows / 2) * columns + Math.floor(columns / 2)
  return {
    elements: n,
    links: links.length,
    columns,
    middle: elementId(Math.min(middleIndex, n - arenas - 1)),
  }
}

/** A board open from Node through the stock provider: the writer, and later the remote dragger. */
export interface RemoteClient {
  readonly doc: Y.Doc
  readonly layout: BoardLayout
  /**
   * Moves element `id` round a circle of `radius` board units about where it is now, `hz` times a
   * second, for `ms`; resolves with the number of moves written.
   */
  drag(id: string, radius: number, hz: number, ms: number): Promise<number>
  /** Counts the changes this client receives to element `id` from now on; the result stops and reads it. */
  watch(id: string): () => number
  close(): void
}

/** Opens the board with `token`, writes the benchmark board of `n` elements and waits until it is stored. */
export async function fillBoard(
  ws: string,
  boardId: string,
  token: string,
  n: number,
): Promise<RemoteClient> {
  const p: AnyProvider = provider('y-websocket 3.1', ws, boardId, token)
  try {
    await synced(p, 30_000)
    const ctx: EditContext = { personId: null, meeting: null, origin: localOrigin(null, 'bench-writer') }
    const layout = writeBenchBoard(p.doc, n, ctx)
    await stored(ws, p, token)
    return {
      doc: p.doc,
      layout,
      async drag(id, radius, hz, ms) {
        const el = p.doc.getMap<Y.Map<unknown>>('elements').get(id)
        const origin: Point = { x: Number(el?.get('x') ?? 0), y: Number(el?.get('y') ?? 0) }
        const t0 = performance.now()
        let moves = 0
        for (let next = t0; performance.now() - t0 < ms; next += 1000 / hz) {
          const a = (2 * Math.PI * (performance.now() - t0)) / 1500
          const x = Math.round(origin.x + radius * Math.sin(a))
          const y = Math.round(origin.y + radius * (1 - Math.cos(a)))
          setElementPositions(p.doc, [{ id, x, y }], ctx, { carryMembers: false })
          moves++
          const wait = next + 1000 / hz - performance.now()
          if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        }
        setElementPositions(p.doc, [{ id, x: origin.x, y: origin.y }], ctx, { carryMembers: false })
        return moves
      },
      watch(id) {
        const el = p.doc.getMap<Y.Map<unknown>>('elements').get(id)
        let changes = 0
        const count = (): void => {
          changes++
        }
        el?.observe(count)
        return () => {
          el?.unobserve(count)
          return changes
        }
      },
      close: () => p.destroy(),
    }
  } catch (err) {
    p.destroy()
    throw err
  }
}

/** Resolves once a fresh client of the room sees everything `p` wrote (the server has stored it). */
async function stored(ws: string, p: AnyProvider, token: string): Promise<void> {
  const probe = provider('y-websocket 3.1', ws, p.roomname, token)
  try {
    await synced(probe, 30_000)
    await eventually(() => {
      const theirs = Y.decodeStateVector(Y.encodeStateVector(probe.doc))
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(p.doc))) {
        if ((theirs.get(client) ?? 0) < clock) throw new Error('the server has not stored the board yet')
      }
    }, 60_000)
  } finally {
    probe.destroy()
  }
}
