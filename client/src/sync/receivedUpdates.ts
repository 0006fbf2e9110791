/**
 * Yjs encodes every transaction a second time for the document's `update` listeners, and applying a
 * received update is a transaction like any other. A board document has two such listeners: the
 * provider's, which ignores what the provider itself applied, and y-indexeddb's, which stores it. For
 * the first sync of a large board (1.7 MB at 3,000 elements) that re-encoding costs some 25 ms of the
 * main thread on the way to the first render, to produce the bytes that just arrived.
 *
 * `storeReceivedAsIs` wraps the provider's sync handler: while a received sync step 2 or update of at
 * least `minBytes` is applied, those two listeners are off (Yjs then encodes nothing), and the cache
 * stores the received bytes themselves. What the cache holds is the same board (y-indexeddb merges what
 * it stored when it loads; bytes the document already had are harmless there).
 *
 * Only the provider's own transaction is kept from the listeners. A transaction of any other origin during
 * the apply (an observer that writes, or a `sync` listener: a person registering on the board at their
 * first sync) reaches both as usual, with its own small update: Yjs emits `afterTransactionCleanup` just
 * before it encodes a transaction for its `update` listeners, and the listeners are put back there for
 * such a transaction and taken off again for the provider's. (Sending the whole state instead, as this
 * once did, sent every first visit's 1.7 MB board back to the server, which echoed it.)
 *
 * The patch steps aside when the document has another `update` listener (it would miss the update): the
 * stock path runs. Like `stopAwarenessRelay`, it reaches the provider's per-instance handler table and its private
 * `_updateHandler`, and y-indexeddb's `_storeUpdate`; a provider or cache without them is left as it is.
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { IndexeddbPersistence } from 'y-indexeddb'
import * as decoding from 'lib0/decoding'
import { MessageType, SyncMessageType } from '@circleboard/shared'

type UpdateListener = (update: Uint8Array, origin: unknown) => void
type SyncHandler = (
  encoder: unknown,
  decoder: decoding.Decoder,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void

/** Received updates below this size take the stock path (their re-encoding is cheap). */
export const STORE_AS_IS_MIN_BYTES = 64 * 1024

/** The document's `update` listeners (lib0's Observable keeps them in `_observers`). */
function updateListeners(doc: Y.Doc): ReadonlySet<unknown> {
  const observers = (doc as unknown as { _observers?: Map<string, Set<unknown>> })._observers
  return observers?.get('update') ?? new Set()
}

/**
 * Makes `provider` apply large received updates without Yjs re-encoding them, `cache` storing the bytes
 * as received. Returns false (and changes nothing) when the provider or cache lacks what it needs.
 */
export function storeReceivedAsIs(
  provider: WebsocketProvider,
  cache: IndexeddbPersistence,
  minBytes = STORE_AS_IS_MIN_BYTES,
): boolean {
  const internals = provider as unknown as {
    messageHandlers?: SyncHandler[]
    _updateHandler?: UpdateListener
  }
  const store = (cache as unknown as { _storeUpdate?: UpdateListener })._storeUpdate
  const handlers = internals.messageHandlers
  const send = internals._updateHandler
  const stock = handlers?.[MessageType.Sync]
  if (typeof stock !== 'function' || typeof send !== 'function' || typeof store !== 'function') return false
  const { doc } = provider
  handlers![MessageType.Sync] = (encoder, decoder, p, emitSynced, messageType) => {
    const received = receivedUpdate(decoder)
    const listeners = updateListeners(doc)
    const ours = listeners.size === 2 && listeners.has(send) && listeners.has(store)
    if (!received || received.length < minBytes || !ours)
      return stock(encoder, decoder, p, emitSynced, messageType)
    let attached = true
    const listen = (on: boolean): void => {
      if (on === attached) return
      attached = on
      if (on) {
        doc.on('update', send)
        doc.on('update', store)
      } else {
        doc.off('update', send)
        doc.off('update', store)
      }
    }
    const route = (tr: Y.Transaction): void => listen(tr.origin !== provider)
    listen(false)
    doc.on('afterTransactionCleanup', route)
    try {
      stock(encoder, decoder, p, emitSynced, messageType)
    } finally {
      doc.off('afterTransactionCleanup', route)
      listen(true)
    }
    store(received.slice(), provider)
  }
  return true
}

/** The update a sync message carries (step 2 or update), read without moving `decoder`; else null. */
function receivedUpdate(decoder: decoding.Decoder): Uint8Array | null {
  try {
    const peek = decoding.clone(decoder)
    const type = decoding.readVarUint(peek)
    if (type !== SyncMessageType.Step2 && type !== SyncMessageType.Update) return null
    return decoding.readVarUint8Array(peek)
  } catch {
    return null // malformed: the stock handler reports it
  }
}
