/**
 * React bindings the panels share. Each subscribes to the smallest part of the board it shows: one
 * element, the selection, the filter, one person's name. Board-wide views (outline, filters) subscribe
 * through their own models, once.
 */
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { DocName, readPerson, type ElementData, type LinkData } from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'
import type { SelectionState } from '../board/Selection.js'
import type { FilterState } from '../board/Filter.js'

/** One element's validated data (re-renders when that element changes, and only then). */
export function useElementData(id: string): ElementData | undefined {
  const { store } = useBoardModel()
  const subscribe = useCallback((l: () => void) => store.subscribeElement(id, l), [store, id])
  return useSyncExternalStore(subscribe, () => store.element(id))
}

/** One link's validated data (links have no per-record subscription; the store's is filtered here). */
export function useLinkData(id: string): LinkData | undefined {
  const { store } = useBoardModel()
  const subscribe = useCallback(
    (l: () => void) =>
      store.subscribe((change) => {
        if (change.links.has(id)) l()
      }),
    [store, id],
  )
  return useSyncExternalStore(subscribe, () => store.link(id))
}

/** The board's revision: for views that show board-wide facts (counts, lists of organisations). */
export function useBoardRevision(): number {
  const { store } = useBoardModel()
  const subscribe = useCallback((l: () => void) => store.subscribe(() => l()), [store])
  return useSyncExternalStore(subscribe, () => store.revision)
}

/** This browser's selection. */
export function useSelectionState(): SelectionState {
  const { selection } = useBoardModel()
  return useSyncExternalStore(selection.subscribe, selection.get)
}

/** This browser's filter. */
export function useFilterState(): FilterState {
  const { filter } = useBoardModel()
  return useSyncExternalStore(filter.subscribe, filter.get)
}

/** The display name of a person id through the board's `people` map, or `null` when unknown. */
export function usePersonName(personId: string | null): string | null {
  const { doc } = useBoardModel()
  const people = doc.getMap<unknown>(DocName.people)
  const subscribe = useCallback(
    (l: () => void) => {
      const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
        if (events.some((e) => e.path[0] === personId || (e.target === people && personId !== null))) l()
      }
      people.observeDeep(onChange)
      return () => people.unobserveDeep(onChange)
    },
    [people, personId],
  )
  return useSyncExternalStore(subscribe, () => {
    if (personId === null) return null
    const read = readPerson(personId, people.get(personId))
    return read.ok ? read.value.name : null
  })
}
