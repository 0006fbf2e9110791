/**
 * What a room sees of the scale-out mode (DESIGN.md, "Scale-out"; server/SPEC.md X1-X9): the other
 * processes that have the same room open, reached through one stream per room, and the room's lease.
 * The sync layer only knows this interface; scale/RedisBus.ts implements it on Redis Streams. Without
 * `REDIS_URL` there is no bus at all, and a room behaves exactly as in one process.
 */

/** What a room is told by the bus. */
export interface RemoteSink {
  /**
   * Updates another process accepted and stored (X1): applied with origin `redis` and forwarded to this
   * process's connections, never stored again. `compact`: the sender repaired personal data out of them
   * and asks the lease holder to compact soon (P1).
   */
  remoteUpdates(updates: readonly Uint8Array[], compact: boolean): void
  /** A presence (awareness) update of process `from`'s connections (X3). */
  remotePresence(payload: Uint8Array, from: string): void
  /** The stream no longer holds everything after this process's position (X2): read the store again. */
  resync(): void
  /** This process now holds (`true`) or no longer holds the room's lease (X5). */
  leaseChanged(held: boolean): void
  /** Called on every lease round (a few seconds): drops presence of processes that went silent (X3). */
  tick(now: number): void
}

/** The scale-out bus as the rooms use it. */
export interface RoomBus {
  /** This process's id in stream entries and lease tokens. */
  readonly processId: string
  /**
   * [X2] The position to read the room's stream from after a load that starts now: call it BEFORE
   * reading the store, then `subscribe` with it once the stored document is applied.
   */
  position(room: string): Promise<string>
  /** Starts reading the room's stream after `from` for `sink`, and competing for the room's lease. */
  subscribe(room: string, from: string, sink: RemoteSink): void
  /** Stops reading for `sink` and gives the lease back if this process holds it. */
  unsubscribe(room: string, sink: RemoteSink): void
  /**
   * [X1] Adds this process's stored updates to the room's stream. Resolves once Redis has them, or after
   * a bounded wait when Redis does not answer (then they follow when it is back); never rejects.
   */
  publishUpdates(room: string, updates: readonly Uint8Array[], compact: boolean): Promise<void>
  /** [X3] Adds a presence update of this process's connections to the room's stream (not awaited). */
  publishPresence(room: string, payload: Uint8Array): void
  /** [X5] The fencing token of the room's lease while this process holds it, else `null`. */
  fence(room: string): number | null
  /** [X8] Tells every other process that a board was deleted, so they close its rooms. */
  publishBoardDeleted(boardId: string, reason: string): void
  /** Stops reading, gives every lease back and closes the connections (after the rooms closed). */
  close(): Promise<void>
}
