/**
 * Stock y-websocket providers of every line that still installs (1.x, 2.x, 3.x), configured with nothing
 * beyond `params: { token }` and what Node needs (a WebSocket class; no BroadcastChannel shortcut between
 * providers of one process).
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider as V3 } from 'y-websocket'
import { WebsocketProvider as V2 } from 'y-websocket-v2'
import { WebsocketProvider as V1 } from 'y-websocket-v1'

/** The provider lines under test. */
export const PROVIDERS = { 'y-websocket 1.5': V1, 'y-websocket 2.1': V2, 'y-websocket 3.1': V3 } as const

/** Any of the providers (they share the interface we use). */
export type AnyProvider = InstanceType<typeof V3>

/** Connects a provider of the given line to `<ws>/<room>?token=`. */
export function provider(
  line: keyof typeof PROVIDERS,
  ws: string,
  room: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): AnyProvider {
  const Provider = PROVIDERS[line] as unknown as typeof V3
  return new Provider(ws, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
}

/** Resolves once the provider has synced. */
export function synced(p: AnyProvider, timeoutMs = 15_000): Promise<void> {
  if (p.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('provider did not sync')), timeoutMs)
    p.on('sync', (s: boolean) => {
      if (s) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
}

/** Retries `assertion` until it passes or the time runs out. */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((r) => setTimeout(r, intervalMs))
    }
  }
}
