// Seeded convergence (CONVENTIONS.md habit 10): 2-4 peers run random operations and exchange updates in a
// random order; once everything is delivered, every peer reads the same board and has the same CRDT state.
// A failure names the seed and the operations, so it can be replayed as a named test.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addCommentThread,
  addElement,
  addToArena,
  bringForward,
  bringToFront,
  changeElementType,
  connect,
  deleteElements,
  duplicateElements,
  ELEMENT_TYPES,
  isModelError,
  LINK_KINDS,
  localOrigin,
  migrate,
  moveElements,
  readBoard,
  relabelElement,
  removeFromArena,
  sendToBack,
  type EditContext,
} from '../../src/model/index.js'

/** mulberry32: a small seeded PRNG, enough for choosing operations. */
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

interface Peer {
  doc: Y.Doc
  ctx: EditContext
  inbox: Uint8Array[]
}

function run(seed: number, steps: number): { peers: Peer[]; log: string[] } {
  const rand = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T
  const count = 2 + Math.floor(rand() * 3)
  const peers: Peer[] = []
  const log: string[] = []
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc()
    doc.clientID = i + 1 // fixed client ids keep a seed's run reproducible
    let next = 0
    let clock = 1_700_000_000_000
    const ctx: EditContext = {
      personId: `p${i}`,
      meeting: 1,
      now: () => (clock += 1000),
      newId: () => `p${i}-${++next}`,
      origin: localOrigin(`p${i}`, `s${i}`),
    }
    peers.push({ doc, ctx, inbox: [] })
  }
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return
      for (const other of peers) if (other !== peer) other.inbox.push(update)
    })
  }
  migrate(peers[0]!.doc)

  const ids = (doc: Y.Doc): string[] => [...doc.getMap('elements').keys()].sort()
  for (let step = 0; step < steps; step++) {
    const peer = pick(peers)
    if (rand() < 0.35 && peer.inbox.length > 0) {
      // Deliver one pending update, not necessarily the oldest: Yjs must cope with any order.
      const index = Math.floor(rand() * peer.inbox.length)
      const [update] = peer.inbox.splice(index, 1)
      Y.applyUpdate(peer.doc, update!, 'remote')
      continue
    }
    const { doc, ctx } = peer
    const known = ids(doc)
    const some = (): string[] => known.filter(() => rand() < 0.3)
    const one = (): string => (known.length > 0 ? pick(known) : 'none')
    const ops: [string, () => unknown][] = [
      [
        'add',
        () =>
          addElement(doc, { type: pick(ELEMENT_TYPES), x: Math.round(rand() * 1000), y: 0, label: 'x' }, ctx),
      ],
      ['move', () => moveElements(doc, some(), { dx: 10, dy: -5 }, ctx)],
      ['relabel', () => relabelElement(doc, one(), pick(['Kommunen', 'Region', 'Kommun', '']), ctx)],
      ['delete', () => deleteElements(doc, [one()], ctx, { withMembers: rand() < 0.5 })],
      ['connect', () => connect(doc, { from: one(), to: one(), kind: pick(LINK_KINDS) }, ctx)],
      ['front', () => bringToFront(doc, some(), ctx)],
      ['back', () => sendToBack(doc, some(), ctx)],
      ['forward', () => bringForward(doc, some(), ctx)],
      ['type', () => changeElementType(doc, one(), pick(ELEMENT_TYPES), ctx)],
      ['arena', () => addToArena(doc, [one()], one(), ctx)],
      ['unarena', () => removeFromArena(doc, some(), ctx)],
      ['duplicate', () => duplicateElements(doc, some(), ctx)],
      ['comment', () => addCommentThread(doc, one(), 'why?', ctx)],
    ]
    const [name, op] = pick(ops)
    try {
      op()
      log.push(`${ctx.personId}: ${name}`)
    } catch (error) {
      // Refusals are part of the game (an element deleted by someone else); anything else is a bug.
      if (!isModelError(error)) throw error
      log.push(`${ctx.personId}: ${name} refused (${error.code})`)
    }
  }
  // Deliver everything that is left, each inbox in a shuffled order.
  for (const peer of peers) {
    while (peer.inbox.length > 0) {
      const [update] = peer.inbox.splice(Math.floor(rand() * peer.inbox.length), 1)
      Y.applyUpdate(peer.doc, update!, 'remote')
    }
  }
  return { peers, log }
}

function checkConverged(seed: number, steps: number): void {
  const { peers, log } = run(seed, steps)
  const context = `seed ${seed}, operations:\n${log.join('\n')}`
  const first = peers[0]!
  const board = readBoard(first.doc)
  for (const peer of peers.slice(1)) {
    expect(readBoard(peer.doc), context).toEqual(board)
    // Equal CRDT state: the same state vector and delete set. (Encoded bytes are not compared: Yjs merges
    // and garbage-collects structs as they arrive, so equal documents can encode differently.)
    expect(Y.equalSnapshots(Y.snapshot(peer.doc), Y.snapshot(first.doc)), context).toBe(true)
  }
  // Operations never write malformed records: only concurrent deletes can leave something dangling.
  for (const record of board.invalid) {
    expect(record.problems.join(' '), context).toMatch(/^(dangling: |element '.*' is missing)/)
  }
}

describe('convergence under random operations and delivery order', () => {
  // More seeds for a deeper local run: `MODEL_FUZZ_SEEDS=500 npx vitest run ...`.
  const count = Number(process.env.MODEL_FUZZ_SEEDS ?? 0) || 40
  const seeds = Array.from({ length: count }, (_, i) => 1000 + i * 7919)
  it.each(seeds)('seed %i', (seed) => checkConverged(seed, 80))
  // Seeds that once failed, kept by name: concurrent type and kind changes merged into an invalid pair
  // until operations wrote the two keys together.
  it.each([808738, 2424214])('regression: seed %i', (seed) => checkConverged(seed, 80))
})
