import { describe, expect, it } from 'vitest'
import { connect, destroyAll, eventually, startServer, synced } from './helpers.js'

describe('smoke', () => {
  it('two providers converge', async () => {
    const server = await startServer()
    const board = await server.createBoard()
    const a = connect(server, board.id, board.tokens.participant)
    const b = connect(server, board.id, board.tokens.participant)
    await Promise.all([synced(a), synced(b)])
    expect(a.doc.getMap('meta').get('title')).toBe('Test board')
    a.doc.getMap('elements').set('x', 1)
    await eventually(() => expect(b.doc.getMap('elements').get('x')).toBe(1))
    destroyAll(a, b)
    await server.close(true)
  })
})
