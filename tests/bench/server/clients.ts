/** Opening and closing groups of simulated clients, and comparing replicas. */
import type * as Y from 'yjs'
import { waitFor } from '../lib/time.js'
import type { SimClient } from './SimClient.js'

/** Clients opened at a time by `connectAll`: a burst of hundreds is the connect scenario's job, not this. */
const CONNECT_BATCH = 50

/** Opens `clients` in batches and waits until every one is synced. */
export async function connectAll(
  clients: readonly SimClient[],
  signal: AbortSignal,
  timeoutMs = 30_000,
): Promise<void> {
  for (let i = 0; i < clients.length; i += CONNECT_BATCH) {
    const batch = clients.slice(i, i + CONNECT_BATCH)
    for (const c of batch) c.connect()
    await waitFor(() => batch.every((c) => c.synced), {
      timeoutMs,
      signal,
      what: `${batch.length} clients to sync (${batch.filter((c) => c.synced).length} did)`,
    })
  }
}

/** Closes every client (in parallel, each bounded). */
export async function closeAll(clients: readonly SimClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.close()))
}

/** JSON of `value` with object keys sorted, so replicas that inserted keys in another order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    )
  }
  return value
}

/** Canonical JSON of a document's `shapes` map. */
export function shapesJson(doc: Y.Doc): string {
  return canonicalJson(doc.getMap('shapes').toJSON())
}
