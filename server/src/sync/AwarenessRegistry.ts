/**
 * The awareness (presence) states of one room, kept as the JSON text clients sent, so the server never
 * parses or re-serialises presence beyond the validity check in `readAwarenessUpdate`.
 *
 * Semantics follow y-protocols' awareness: a state replaces the known one when its clock is higher, or
 * when the clock is equal and the new state is `null` (removal). Beyond y-protocols, each client id is
 * owned by one connection (DESIGN.md, "Limits"): a connection may speak only for the ids it owns. An id is
 * owned by the first connection that announces it; another connection takes it over only with a strictly
 * higher clock (a client that reconnected before the server noticed its old socket was dead).
 */
import type { AwarenessEntry } from '@circleboard/shared'

/** Something that can own awareness client ids (a connection). */
export interface AwarenessOwner {
  readonly ownedClientIds: Set<number>
}

interface Known {
  clock: number
  /** JSON text; `'null'` once removed. */
  state: string
  owner: AwarenessOwner | null
  /** When another process last renewed it (scale-out, X3); absent for this process's own connections. */
  remoteAt?: number
}

/** Outcome of applying an update from one connection. */
export type AwarenessApply =
  | { readonly ok: true; readonly accepted: AwarenessEntry[]; readonly all: boolean }
  | { readonly ok: false; readonly reason: 'too-large' | 'too-many-clients' }

/** The awareness states of one room. */
export class AwarenessRegistry {
  private readonly known = new Map<number, Known>()

  constructor(
    private readonly maxStateChars: number,
    private readonly maxClientsPerOwner: number,
  ) {}

  /** Number of clients with a live (non-null) state. */
  get size(): number {
    let n = 0
    for (const k of this.known.values()) if (k.state !== 'null') n++
    return n
  }

  /**
   * Applies the entries of one update sent by `owner`. `accepted` are the entries to forward; `all` says
   * every entry was accepted (the original message can then be forwarded byte for byte).
   */
  apply(owner: AwarenessOwner, entries: readonly AwarenessEntry[]): AwarenessApply {
    for (const e of entries)
      if (e.state.length > this.maxStateChars) return { ok: false, reason: 'too-large' }
    const accepted: AwarenessEntry[] = []
    for (const e of entries) {
      const k = this.known.get(e.clientId)
      const fresh =
        !k || e.clock > k.clock || (e.clock === k.clock && e.state === 'null' && k.state !== 'null')
      if (!fresh) continue
      if (k && k.owner !== null && k.owner !== owner) {
        // Someone else's id: only a strictly newer clock moves it to this connection.
        if (!(e.clock > k.clock)) continue
        k.owner.ownedClientIds.delete(e.clientId)
        k.owner = null
      }
      if (!owner.ownedClientIds.has(e.clientId)) {
        if (owner.ownedClientIds.size >= this.maxClientsPerOwner)
          return { ok: false, reason: 'too-many-clients' }
        owner.ownedClientIds.add(e.clientId)
      }
      this.known.set(e.clientId, { clock: e.clock, state: e.state, owner })
      accepted.push(e)
    }
    return { ok: true, accepted, all: accepted.length === entries.length }
  }

  /**
   * Removes every state `owner` owns (it disconnected) and returns the removal entries to broadcast.
   * The clock is bumped so that the removal wins over the last state, as y-protocols does.
   */
  removeOwner(owner: AwarenessOwner): AwarenessEntry[] {
    const removed: AwarenessEntry[] = []
    for (const clientId of owner.ownedClientIds) {
      const k = this.known.get(clientId)
      if (!k || k.owner !== owner) continue
      const clock = k.clock + 1
      if (k.state !== 'null') removed.push({ clientId, clock, state: 'null' })
      this.known.set(clientId, { clock, state: 'null', owner: null })
    }
    owner.ownedClientIds.clear()
    return removed
  }

  /**
   * [X3] Applies presence that another server process accepted from its connections (`owner` stands for
   * that process). Its limits were checked there; here only y-protocols' clock rule applies, and the ids
   * move to `owner` (from a connection of this process too: the client moved).
   */
  applyRemote(owner: AwarenessOwner, entries: readonly AwarenessEntry[], now: number): AwarenessEntry[] {
    const accepted: AwarenessEntry[] = []
    for (const e of entries) {
      const k = this.known.get(e.clientId)
      const fresh =
        !k || e.clock > k.clock || (e.clock === k.clock && e.state === 'null' && k.state !== 'null')
      if (!fresh) continue
      if (k?.owner && k.owner !== owner) k.owner.ownedClientIds.delete(e.clientId)
      if (e.state === 'null') {
        owner.ownedClientIds.delete(e.clientId)
        this.known.set(e.clientId, { clock: e.clock, state: 'null', owner: null })
      } else {
        owner.ownedClientIds.add(e.clientId)
        this.known.set(e.clientId, { clock: e.clock, state: e.state, owner, remoteAt: now })
      }
      accepted.push(e)
    }
    return accepted
  }

  /**
   * [X3] Removes presence of other processes not renewed since `before` (the process died: stock clients
   * renew every 15 s), and returns the removals to broadcast.
   */
  removeStaleRemote(before: number): AwarenessEntry[] {
    const removed: AwarenessEntry[] = []
    for (const [clientId, k] of this.known) {
      if (k.remoteAt === undefined || k.remoteAt >= before || k.state === 'null') continue
      k.owner?.ownedClientIds.delete(clientId)
      const clock = k.clock + 1
      removed.push({ clientId, clock, state: 'null' })
      this.known.set(clientId, { clock, state: 'null', owner: null })
    }
    return removed
  }

  /** Every live state, for a client that joins or asks (query-awareness). */
  liveEntries(): AwarenessEntry[] {
    const out: AwarenessEntry[] = []
    for (const [clientId, k] of this.known)
      if (k.state !== 'null') out.push({ clientId, clock: k.clock, state: k.state })
    return out
  }
}
