/**
 * React bindings for a board connection: each hook subscribes to one small part (status, a map's size,
 * a meta field, presence), so nothing re-renders the whole page on every change.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { BoardConnection, ConnectionStatus } from './BoardConnection.js'

/** The connection status. */
export function useConnectionStatus(conn: BoardConnection): ConnectionStatus {
  return useSyncExternalStore(conn.subscribe, conn.getStatus)
}

/** A value derived from a Y type, recomputed when that type (or anything below it) changes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type: maps, arrays, texts
export function useYValue<T>(type: Y.AbstractType<any>, read: () => T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      type.observeDeep(onChange)
      return () => type.unobserveDeep(onChange)
    },
    [type],
  )
  return useSyncExternalStore(subscribe, read)
}

/** The number of people present (awareness states with a user). */
export function usePresenceCount(awareness: Awareness): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    [awareness],
  )
  return useSyncExternalStore(subscribe, () => countPeople(awareness))
}

function countPeople(awareness: Awareness): number {
  let n = 0
  for (const state of awareness.getStates().values()) if (state.user) n++
  return n
}
