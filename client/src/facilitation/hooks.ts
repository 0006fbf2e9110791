/**
 * React bindings of the facilitation session: each hook subscribes to one store of the session, so a
 * component re-renders only when what it shows changed (a moving cursor re-renders nothing).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/index.js'
import type { FeatureContext } from '../board/features.js'
import { sessionFor, type FacilitationSession } from './FacilitationSession.js'
import type { Store } from './signal.js'
import type { PresentPerson } from './presence.js'

/** The facilitation session of a board view, started while the calling component is mounted. */
export function useFacilitationSession(feature: FeatureContext): FacilitationSession {
  const { t } = useI18n()
  const words = { guest: t('identity.guest'), screen: t('fac.screen.name') }
  // One session per board connection (sessionFor caches it), whatever the language of its words.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const session = useMemo(() => sessionFor(feature, words), [feature])
  useEffect(() => {
    session.retain()
    return () => session.release()
  }, [session])
  return session
}

/** The value of a session store. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}

/** A value derived from a store; re-renders only when the derived value changes (compared with `Object.is`). */
export function useDerived<T, R>(store: Store<T>, derive: (value: T) => R): R {
  return useSyncExternalStore(store.subscribe, () => derive(store.get()))
}

/** The people present. */
export function usePeople(session: FacilitationSession): readonly PresentPerson[] {
  return useSyncExternalStore(session.presence.subscribePeople, session.presence.getPeople)
}

/** A counter that grows with every change of a Y type (deep): a cheap key for memoised reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type: maps, arrays
export function useYVersion(type: Y.AbstractType<any>): number {
  const store = useMemo(() => {
    let version = 0
    return {
      subscribe: (onChange: () => void) => {
        const handler = (): void => {
          version++
          onChange()
        }
        type.observeDeep(handler)
        return () => type.unobserveDeep(handler)
      },
      get: () => version,
    }
  }, [type])
  return useSyncExternalStore(store.subscribe, store.get)
}

/** The board store's revision (grows with every change of elements or links). */
export function useBoardRevision(session: FacilitationSession): number {
  const { store } = session.feature.model
  return useSyncExternalStore(
    (l) => store.subscribe(() => l()),
    () => store.revision,
  )
}
