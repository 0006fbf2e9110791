/**
 * Crash and restart with real processes: `kill -9` loses nothing any client received (server/SPEC.md S2),
 * a graceful restart keeps everything (S10), also through `npm run serve`, and a client that edited while
 * the server was down merges its edits when it reconnects.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { startServerProcess, type ServerProcess } from '../support/serverProcess.js'
import { eventually, provider, synced } from '../support/providers.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The server process that `npm run serve` started (the child of the wrapper that `startServerProcess` ran). */
function servedPid(server: ServerProcess): string {
  const wrapper = server.child.pid as number
  const children = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(' ')
  if (children.length !== 1 || !children[0])
    throw new Error(`expected one child of ${wrapper}: ${children.join()}`)
  return children[0]
}

/** Starts a server on `dataDir` again and counts the board's elements, as a viewer sees them. */
async function storedElements(
  dataDir: string,
  board: { id: string; tokens: { viewer: string } },
): Promise<number> {
  const again = await startServerProcess({ dataDir })
  const check = provider('y-websocket 3.1', again.ws, board.id, board.tokens.viewer)
  await synced(check)
  const size = check.doc.getMap('elements').size
  check.destroy()
  await again.stop()
  return size
}

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
    expect(await storedElements(server.dataDir, board)).toBe(500)
  })

  it('[S10] `npm run serve` runs the built server with the runtime settings, and passes SIGTERM on', async () => {
    const runtime = JSON.parse(readFileSync(join(root, 'scripts/serverRuntime.json'), 'utf8')) as {
      nodeFlags: string[]
      env: Record<string, string>
    }
    const server = await startServerProcess({ via: 'serve' })
    const serverPid = servedPid(server)
    // Whatever fails below, the server (the wrapper's child) does not outlive the test.
    onTestFinished(() => {
      if (existsSync(`/proc/${serverPid}`)) process.kill(Number(serverPid), 'SIGKILL')
    })
    const argv = readFileSync(`/proc/${serverPid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    expect(argv.slice(1)).toEqual([...runtime.nodeFlags, join(root, 'server/dist/main.js')])
    const environ = readFileSync(`/proc/${serverPid}/environ`, 'utf8').split('\0')
    for (const [name, value] of Object.entries(runtime.env)) {
      // A value set by whoever starts it wins over the file's.
      expect(environ).toContain(`${name}=${process.env[name] ?? value}`)
    }
    const board = await server.createBoard('Served')
    const writer = provider('y-websocket 3.1', server.ws, board.id, board.tokens.participant)
    const reader = provider('y-websocket 3.1', server.ws, board.id, board.tokens.viewer)
    await Promise.all([synced(writer), synced(reader)])
    writer.doc.transact(() => {
      for (let k = 0; k < 200; k++) writer.doc.getMap('elements').set(`s${k}`, k)
    })
    await eventually(() => expect(reader.doc.getMap('elements').get('s199')).toBe(199))
    // SIGTERM to the wrapper reaches the server, which stores every board and exits 0.
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(existsSync(`/proc/${serverPid}`)).toBe(false)
    writer.destroy()
    reader.destroy()
    expect(await storedElements(server.dataDir, board)).toBe(200)
  })

  it('`npm run serve` fails (137) when its server is killed, so that a service manager restarts it', async () => {
    const server = await startServerProcess({ via: 'serve' })
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
    process.kill(Number(servedPid(server)), 'SIGKILL')
    expect(await exited).toBe(137)
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
