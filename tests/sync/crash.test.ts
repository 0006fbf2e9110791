/**
 * Crash and restart with real processes: `kill -9` loses nothing any client received (server/SPEC.md S2),
 * a graceful restart keeps everything (S10), and a client that edited while the server was down merges
 * its edits when it reconnects.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startServerProcess } from '../support/serverProcess.js'
import { eventually, provider, synced } from '../support/providers.js'

describe('crash recovery', () => {
  it('[S2] kill -9 loses nothing that any client had received', async () => {
    const server = await startServerProcess()
    const board = await server.createBoard('Crash')
    const writer = provider('y-websocket 3.1', server.ws, board.id, board.tokens.participant)
    const reader = provider('y-websocket 3.1', server.ws, board.id, board.tokens.viewer)
    await Promise.all([synced(writer), synced(reader)])
    // A steady stream of edits; the reader notes every key it has received.
    const received = new Set<string>()
    reader.doc.getMap('elements').observe((e) => e.keysChanged.forEach((k) => received.add(k)))
    let i = 0
    const timer = setInterval(() => {
      writer.doc.getMap('elements').set(`k${i++}`, i)
    }, 2)
    await eventually(() => expect(received.size).toBeGreaterThan(200))
    // Kill while edits are flowing: no shutdown, no flush.
    await server.stop('SIGKILL')
    clearInterval(timer)
    const seenByReader = [...received]
    writer.destroy()
    reader.destroy()
    const restarted = await startServerProcess({ dataDir: server.dataDir })
    const check = provider('y-websocket 3.1', restarted.ws, board.id, board.tokens.viewer)
    await synced(check)
    const stored = check.doc.getMap('elements')
    const missing = seenByReader.filter((k) => !stored.has(k))
    expect(missing).toEqual([])
    check.destroy()
    await restarted.stop()
  })

  it('[S10] a graceful restart (SIGTERM) keeps everything and exits 0', async () => {
    const server = await startServerProcess()
    const board = await server.createBoard('Graceful')
    const writer = provider('y-websocket 3.1', server.ws, board.id, board.tokens.participant)
    await synced(writer)
    writer.doc.transact(() => {
      for (let k = 0; k < 500; k++) writer.doc.getMap('elements').set(`g${k}`, k)
    })
    // Wait until the server has it (echo of the last update is not observable; a second client is).
    const reader = provider('y-websocket 3.1', server.ws, board.id, board.tokens.viewer)
    await synced(reader)
    await eventually(() => expect(reader.doc.getMap('elements').get('g499')).toBe(499))
    expect(await server.stop('SIGTERM')).toBe(0)
    writer.destroy()
    reader.destroy()
    const again = await startServerProcess({ dataDir: server.dataDir })
    const check = provider('y-websocket 3.1', again.ws, board.id, board.tokens.viewer)
    await synced(check)
    expect(check.doc.getMap('elements').size).toBe(500)
    check.destroy()
    await again.stop()
  })

  it('a client that edited while the server was down merges on reconnect', async () => {
    const server = await startServerProcess()
    const board = await server.createBoard('Offline')
    const a = provider('y-websocket 3.1', server.ws, board.id, board.tokens.participant)
    const b = provider('y-websocket 3.1', server.ws, board.id, board.tokens.participant)
    await Promise.all([synced(a), synced(b)])
    a.doc.getText('label').insert(0, 'Kommunen')
    await eventually(() => expect(b.doc.getText('label').toString()).toBe('Kommunen'))
    await server.stop('SIGKILL')
    // Both edit while the server is gone.
    a.doc.getText('label').insert(8, ' och regionen')
    b.doc.getMap('elements').set('offline-b', true)
    // The same port, so the providers find it again by themselves.
    const back = await startServerProcess({ dataDir: server.dataDir, port: server.port })
    await eventually(() => {
      for (const p of [a, b]) {
        expect(p.doc.getText('label').toString()).toBe('Kommunen och regionen')
        expect(p.doc.getMap('elements').get('offline-b')).toBe(true)
      }
    }, 30_000)
    a.destroy()
    b.destroy()
    const check = provider('y-websocket 3.1', back.ws, board.id, board.tokens.viewer, new Y.Doc())
    await synced(check)
    expect(check.doc.getText('label').toString()).toBe('Kommunen och regionen')
    check.destroy()
    await back.stop()
  })
})
