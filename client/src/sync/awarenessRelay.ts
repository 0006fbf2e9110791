/**
 * The stock y-websocket provider (3.x, like 1.x and 2.x) sends every awareness change to the server,
 * including the changes it has just *received* from the server: each browser echoes everyone else's
 * cursor back. In a room of N people moving their pointers at 15 Hz, every browser then sends
 * 15 × (N − 1) messages a second that the server must parse and drop (server/SPEC.md S8: an id owned by
 * another connection is never taken over without a newer clock). Measured in Chromium (docs/performance.md):
 * with 19 others the page sent 285 messages a second and spent a third of its main thread on it; with
 * 49 others the server closed the page's connection for too many messages (4429) within seconds.
 *
 * `stopAwarenessRelay` replaces the provider's awareness listener with one that forwards only this
 * browser's own state (its client id); everything else the server already sent to everyone. The
 * provider's private handler is the only way in; the patch is applied once per provider and checked, so a
 * provider without it (another version) is left as it is.
 */
import type { WebsocketProvider } from 'y-websocket'

/** An awareness change as y-protocols reports it. */
interface AwarenessChanges {
  readonly added: number[]
  readonly updated: number[]
  readonly removed: number[]
}

type Handler = (changes: AwarenessChanges, origin: unknown) => void

const patched = new WeakSet<object>()

/** Stops `provider` from sending other clients' awareness states back to the server. Idempotent. */
export function stopAwarenessRelay(provider: WebsocketProvider): boolean {
  if (patched.has(provider)) return true
  const original = (provider as unknown as { _awarenessUpdateHandler?: Handler })._awarenessUpdateHandler
  if (typeof original !== 'function') return false
  const { awareness } = provider
  const own = (ids: readonly number[]): number[] => ids.filter((id) => id === awareness.clientID)
  const filtered: Handler = ({ added, updated, removed }, origin) => {
    const changes = { added: own(added), updated: own(updated), removed: own(removed) }
    if (changes.added.length + changes.updated.length + changes.removed.length === 0) return
    original(changes, origin)
  }
  awareness.off('update', original)
  awareness.on('update', filtered)
  // The provider removes `_awarenessUpdateHandler` when destroyed: point it at the filter, so it does.
  ;(provider as unknown as { _awarenessUpdateHandler: Handler })._awarenessUpdateHandler = filtered
  patched.add(provider)
  return true
}
