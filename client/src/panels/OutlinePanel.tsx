/**
 * The outline: every element of the board as a list item (its type in words and its label) with its links
 * beneath it, invalid records listed with their problems; the path to every canvas action without a
 * pointer, and what a screen reader reads of the board.
 *
 * Fast on large boards: the items come from `OutlineModel` (one store subscription, rebuilt only when
 * something shown changed), and only the items in the scrolled view are in the DOM (fixed row heights,
 * so positions are a prefix sum). `aria-setsize` and `aria-posinset` tell assistive technology the whole.
 *
 * Keyboard (roving tabindex: one tab stop in the list): arrows, Home, End, Page Up/Down move between items
 * and link lines; Enter or Space selects and shows on the canvas; F2 renames; T changes the type; C
 * connects; Delete deletes.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { isEmptyFilter } from '../board/Filter.js'
import { revealElement } from '../canvas/cameraActions.js'
import {
  OutlineModel,
  findStop,
  outlineStops,
  stopKey,
  type OutlineElementItem,
  type OutlineItem,
  type OutlineStop,
} from './outlineModel.js'
import { useFilterState, useSelectionState } from './hooks.js'
import { ConnectDialog } from './ConnectDialog.js'
import { OutlineRow } from './OutlineRow.js'
import { deleteRecords, retype } from './editing.js'
import { layoutItems, scrollToStop, visibleRange } from './outlineLayout.js'

type Editing = { readonly mode: 'rename' | 'retype'; readonly id: string } | null

export function OutlinePanel() {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const [outline] = useState(() => new OutlineModel(model.store, model.filter))
  const items = useSyncExternalStore(outline.subscribe, () => outline.get(lang))
  const filter = useFilterState()
  const selection = useSelectionState()
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [connectFrom, setConnectFrom] = useState<string | null>(null)
  const [scroll, setScroll] = useState({ top: 0, height: 600 })
  const scroller = useRef<HTMLDivElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const pendingFocus = useRef<string | null>(null)
  const helpId = useId()

  const layout = useMemo(() => layoutItems(items), [items])
  const stops = useMemo(() => outlineStops(items), [items])
  const active: OutlineStop | null = (activeKey ? findStop(items, activeKey) : null) ?? stops[0] ?? null
  const currentKey = active ? stopKey(items, active) : null
  const [from, to] = visibleRange(layout, scroll.top, scroll.height)
  const shown: number[] = []
  for (let i = from; i < to; i++) shown.push(i)
  if (active && (active.index < from || active.index >= to)) shown.push(active.index)

  // The viewport's height.
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    const ro = new ResizeObserver(() => setScroll((s) => ({ ...s, height: el.clientHeight })))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Focus requested by a key press lands once the item is rendered.
  useLayoutEffect(() => {
    const key = pendingFocus.current
    if (!key) return
    const el = list.current?.querySelector<HTMLElement>(`[data-stop="${CSS.escape(key)}"]`)
    if (el) {
      pendingFocus.current = null
      el.focus({ preventScroll: true })
    }
  })

  // A single element selected elsewhere (the canvas) becomes the outline's current item, scrolled to.
  const latest = useRef({ items, layout })
  useLayoutEffect(() => {
    latest.current = { items, layout }
  })
  useEffect(
    () =>
      model.selection.subscribe(() => {
        const { elements } = model.selection.get()
        if (elements.size !== 1) return
        const [id] = elements
        const stop = findStop(latest.current.items, `e:${id}`)
        if (!stop) return
        setActiveKey(`e:${id}`)
        if (scroller.current)
          scrollToStop(scroller.current, latest.current.items, latest.current.layout, stop)
      }),
    [model],
  )

  const focusStop = (stop: OutlineStop): void => {
    const key = stopKey(items, stop)
    setActiveKey(key)
    pendingFocus.current = key
    if (scroller.current) scrollToStop(scroller.current, items, layout, stop)
    setScroll((s) => ({ ...s, top: scroller.current?.scrollTop ?? s.top }))
  }

  const choose = (stop: OutlineStop): void => {
    const item = items[stop.index]
    if (!item || item.item !== 'element') return
    setActiveKey(stopKey(items, stop))
    if (stop.link === null) {
      model.selection.set([item.id])
      revealElement(model, item.id)
    } else {
      const link = item.links[stop.link]
      if (!link) return
      model.selection.set([], [link.linkId])
      revealElement(model, link.otherId)
    }
  }

  const remove = (stop: OutlineStop): void => {
    const item = items[stop.index]
    if (!item || item.item !== 'element') return
    const pos = stops.findIndex((s) => s.index === stop.index && s.link === stop.link)
    // Focus goes to what comes next (or before, at the end), once the list has the deletion.
    const next = stop.link === null ? stops.find((s) => s.index > stop.index) : stops[pos + 1]
    const fallback = stops[pos - 1]
    const nextKey = next ? stopKey(items, next) : fallback ? stopKey(items, fallback) : null
    const link = stop.link === null ? null : item.links[stop.link]
    const ok = link ? deleteRecords(model, [], [link.linkId]) : deleteRecords(model, [item.id], [])
    if (ok && nextKey) {
      setActiveKey(nextKey)
      pendingFocus.current = nextKey
    }
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    if (!active || editing) return
    const target = e.target as HTMLElement
    if (!target.dataset.stop) return
    const pos = stops.findIndex((s) => s.index === active.index && s.link === active.link)
    const item = items[active.index] as OutlineItem
    const element = item.item === 'element' ? (item as OutlineElementItem) : null
    const move = (to: number): void => {
      const stop = stops[Math.max(0, Math.min(stops.length - 1, to))]
      if (stop) focusStop(stop)
    }
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
    let handled = true
    switch (key) {
      case 'ArrowDown':
        move(pos + 1)
        break
      case 'ArrowUp':
        move(pos - 1)
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(stops.length - 1)
        break
      case 'PageDown':
        move(pos + 10)
        break
      case 'PageUp':
        move(pos - 10)
        break
      case 'Enter':
      case ' ':
        choose(active)
        break
      case 'F2':
        if (element && active.link === null && !model.readOnly) setEditing({ mode: 'rename', id: element.id })
        break
      case 't':
        if (element && active.link === null && !model.readOnly) setEditing({ mode: 'retype', id: element.id })
        break
      case 'c':
        if (element && active.link === null && !model.readOnly) setConnectFrom(element.id)
        break
      case 'Delete':
      case 'Backspace':
        remove(active)
        break
      default:
        handled = false
    }
    if (handled) {
      e.preventDefault()
      e.stopPropagation()
    }
  }

  const endEditing = (): void => {
    setEditing(null)
    if (currentKey) pendingFocus.current = currentKey
  }

  const filtering = !isEmptyFilter(filter)
  const elementCount = items.reduce((n, i) => n + (i.item === 'element' ? 1 : 0), 0)

  return (
    <div className="outline">
      <p className="outline-help muted" id={helpId}>
        {t('outline.help')}
      </p>
      <p className="outline-count" role="status">
        {filtering
          ? t('outline.countFiltered', { shown: elementCount, total: outline.total })
          : t('outline.count', { count: outline.total })}
        {filtering && (
          <button type="button" className="link-button" onClick={() => model.filter.clear()}>
            {t('filter.clear')}
          </button>
        )}
      </p>
      {connectFrom && (
        <ConnectDialog
          from={connectFrom}
          onClose={(linkId) => {
            setConnectFrom(null)
            if (linkId) model.selection.set([], [linkId])
            if (currentKey) pendingFocus.current = currentKey
            // The dialog unmounts before the list is drawn again: ask for the focus on the next frame too.
            requestAnimationFrame(() => setScroll((s) => ({ ...s })))
          }}
        />
      )}
      <div
        ref={scroller}
        className="outline-scroll"
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop
          setScroll((s) => (s.top === top ? s : { ...s, top }))
        }}
      >
        <div
          ref={list}
          role="list"
          aria-label={t('outline.label')}
          aria-describedby={helpId}
          className="outline-list"
          style={{ height: layout.total }}
          onKeyDown={onKeyDown}
        >
          {shown.map((index) => {
            const item = items[index]!
            return (
              <OutlineRow
                key={item.item === 'element' ? `e:${item.id}` : `x:${item.collection}:${item.id}`}
                item={item}
                index={index}
                setSize={items.length}
                top={layout.tops[index]!}
                activeKey={currentKey}
                selected={
                  item.item === 'element' &&
                  (selection.elements.has(item.id) || item.links.some((l) => selection.links.has(l.linkId)))
                }
                selectedLinks={selection.links}
                editing={editing && item.item === 'element' && editing.id === item.id ? editing.mode : null}
                onFocusStop={(stop) => setActiveKey(stopKey(items, stop))}
                onChoose={choose}
                onAction={(action, stop) => {
                  if (item.item !== 'element') return
                  setActiveKey(stopKey(items, stop))
                  if (action === 'delete') remove(stop)
                  else if (action === 'connect') setConnectFrom(item.id)
                  else setEditing({ mode: action, id: item.id })
                }}
                onRetype={(type, kind) => retype(model, [(item as OutlineElementItem).id], type, kind)}
                onEndEditing={endEditing}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
