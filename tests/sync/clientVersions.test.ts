/**
 * The unmodified y-websocket client of every line that still installs (1.5, 2.1, 3.1), together in one
 * board: all sync, all converge, presence flows between them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js'
import { PROVIDERS, eventually, provider, synced, type AnyProvider } from '../support/providers.js'

let server: ServerProcess

beforeAll(async () => {
  server = await startServerProcess()
})
afterAll(async () => {
  await server.stop()
})

describe('every y-websocket line is a client', () => {
  it('1.5, 2.1 and 3.1 providers converge on one board, typing into one text', async () => {
    const board = await server.createBoard('Versions')
    const lines = Object.keys(PROVIDERS) as (keyof typeof PROVIDERS)[]
    const ps: AnyProvider[] = lines.map((line) =>
      provider(line, server.ws, board.id, board.tokens.participant),
    )
    await Promise.all(ps.map((p) => synced(p)))
    for (const p of ps) expect(p.doc.getMap('meta').get('title')).toBe('Versions')
    ps.forEach((p, i) => {
      p.doc.getMap('elements').set(`from-${lines[i]}`, i)
      p.doc.getText('shared').insert(0, String(i))
      p.awareness.setLocalStateField('user', { name: lines[i] })
    })
    await eventually(() => {
      const texts = ps.map((p) => p.doc.getText('shared').toString())
      expect(new Set(texts).size).toBe(1)
      expect([...texts[0]!].sort().join('')).toBe('012')
      for (const p of ps) {
        expect(Object.keys(p.doc.getMap('elements').toJSON()).sort()).toEqual(
          lines.map((l) => `from-${l}`).sort(),
        )
        expect(p.awareness.getStates().size).toBe(3)
      }
      const states = ps.map((p) => Buffer.from(Y.encodeStateVector(p.doc)).toString('hex'))
      expect(new Set(states).size).toBe(1)
    })
    for (const p of ps) {
      p.destroy()
      p.doc.destroy()
    }
  })
})
