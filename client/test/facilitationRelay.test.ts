import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { stopAwarenessRelay } from '../src/sync/awarenessRelay.js'

type Changes = { added: number[]; updated: number[]; removed: number[] }

describe('awareness relay', () => {
  it('the stock provider echoes remote presence; the patched one sends only its own', () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    })
    const internals = provider as unknown as { _awarenessUpdateHandler: (c: Changes, o: unknown) => void }
    // Record what the provider would send, in place of its socket.
    const sent: number[][] = []
    provider.awareness.off('update', internals._awarenessUpdateHandler)
    internals._awarenessUpdateHandler = (c) => sent.push([...c.added, ...c.updated, ...c.removed])
    provider.awareness.on('update', internals._awarenessUpdateHandler)

    const other = new Awareness(new Y.Doc())
    const remote = (x: number): void => {
      other.setLocalState({ cursor: { x, y: 0 } })
      applyAwarenessUpdate(provider.awareness, encodeAwarenessUpdate(other, [other.clientID]), provider)
    }
    remote(1)
    // Unpatched: the remote state goes out again.
    expect(sent).toEqual([[other.clientID]])

    expect(stopAwarenessRelay(provider)).toBe(true)
    expect(stopAwarenessRelay(provider)).toBe(true)
    sent.length = 0
    remote(2)
    remote(3)
    expect(sent).toEqual([])
    provider.awareness.setLocalState({ cursor: { x: 5, y: 5 } })
    expect(sent).toEqual([[provider.awareness.clientID]])
    // Destroying removes the filter it was given.
    provider.destroy()
    sent.length = 0
    remote(4)
    expect(sent).toEqual([])
  })
})
