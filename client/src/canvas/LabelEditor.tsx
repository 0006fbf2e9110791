/**
 * In-place label editing: a textarea over the element (or link label), bound to the record's `Y.Text`.
 * Each keystroke becomes a minimal text delta (so two people typing in one label both keep their words),
 * and others' typing arrives while editing without moving this person's cursor: their delta shifts the
 * selection like it shifts the text. Before each write the board model's text guards are asked
 * (`BoardModel.guardText`): a change they hold back stays on this screen only.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import {
  DocName,
  ELEMENT_FONTS,
  LINK_LABEL_FONT,
  MAX_LABEL_LENGTH,
  applyLabelDelta,
  applyLinkLabelDelta,
  type TextDeltaOp,
} from '@circleboard/shared'
import { useBoardModel } from '../board/BoardModel.js'

/** The minimal delta that turns `before` into `after` (common prefix and suffix kept). */
export function textDelta(before: string, after: string): TextDeltaOp[] {
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--
    endAfter--
  }
  const ops: TextDeltaOp[] = []
  if (endBefore === start && endAfter === start) return ops
  if (start > 0) ops.push({ retain: start })
  if (endBefore > start) ops.push({ delete: endBefore - start })
  if (endAfter > start) ops.push({ insert: after.slice(start, endAfter) })
  return ops
}

/** Where index `i` ends up after a Yjs text delta. */
export function shiftIndex(
  i: number,
  delta: readonly { retain?: number; insert?: unknown; delete?: number }[],
): number {
  let pos = 0
  let out = i
  for (const op of delta) {
    if (op.retain !== undefined) pos += op.retain
    else if (typeof op.insert === 'string') {
      if (pos <= i) out += op.insert.length
      pos += op.insert.length
    } else if (op.delete !== undefined) {
      if (pos < i) out -= Math.min(op.delete, i - pos)
    }
    if (pos > i) break
  }
  return Math.max(0, out)
}

/** What is being edited. */
export type LabelTarget = { readonly kind: 'element' | 'link'; readonly id: string }

export function LabelEditor({
  target,
  onClose,
  label,
}: {
  target: LabelTarget
  onClose: () => void
  label: string
}) {
  const model = useBoardModel()
  const { doc, camera, store } = model
  const area = useRef<HTMLTextAreaElement>(null)
  const [value, setValue] = useState(() =>
    target.kind === 'element'
      ? (store.element(target.id)?.label ?? '')
      : (store.link(target.id)?.label ?? ''),
  )
  const valueRef = useRef(value)

  const ytext = (): Y.Text | null => {
    const map = doc
      .getMap<unknown>(target.kind === 'element' ? DocName.elements : DocName.links)
      .get(target.id)
    const t = map instanceof Y.Map ? map.get('label') : null
    return t instanceof Y.Text ? t : null
  }

  // Others' typing: take their text, shift our selection by their delta.
  useEffect(() => {
    let observed: Y.Text | null = null
    const onChange = (event: Y.YTextEvent, tr: Y.Transaction): void => {
      if (tr.origin === model.origin) return
      const el = area.current
      const next = event.target.toString()
      const start = el ? shiftIndex(el.selectionStart, event.delta as never) : 0
      const end = el ? shiftIndex(el.selectionEnd, event.delta as never) : 0
      // A change of ours that a text guard holds back stays on screen, on top of their text.
      const shown = model.heldText(target.kind, target.id) ?? next
      valueRef.current = shown
      setValue(shown)
      requestAnimationFrame(() => el?.setSelectionRange(start, end))
    }
    const attach = (): void => {
      const t = ytext()
      if (t === observed) return
      observed?.unobserve(onChange)
      observed = t
      observed?.observe(onChange)
    }
    attach()
    // The record may be replaced (or its plain-string label turned into a Y.Text by the first edit).
    const off = store.subscribe(attach)
    return () => {
      off()
      observed?.unobserve(onChange)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target.id, target.kind])

  // A guard that held our change back and then wrote it (or what the person chose instead): show the text.
  useEffect(
    () =>
      model.textGuards.subscribe(() => {
        const shown = model.heldText(target.kind, target.id) ?? ytext()?.toString() ?? valueRef.current
        if (shown === valueRef.current) return
        valueRef.current = shown
        setValue(shown)
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, target.id, target.kind],
  )

  // Follow the element on screen as the camera or the element moves.
  useLayoutEffect(() => {
    const place = (): void => {
      const el = area.current
      if (!el) return
      const { scale } = camera.get()
      let box: { x: number; y: number; w: number; h: number }
      let font: number
      if (target.kind === 'element') {
        const e = store.element(target.id)
        if (!e) return onClose()
        box = e
        font = ELEMENT_FONTS[e.type].size
      } else {
        const d = store.linkDrawingOf(target.id)
        if (!d) return onClose()
        const mid = { x: (d.start.x + d.end.x) / 2, y: (d.start.y + d.end.y) / 2 }
        box = d.labelBox ?? { x: mid.x - 80, y: mid.y - 14, w: 160, h: 28 }
        font = LINK_LABEL_FONT.size
      }
      const p = camera.toScreen(box)
      el.style.left = `${p.x}px`
      el.style.top = `${p.y}px`
      el.style.width = `${Math.max(120, box.w * scale)}px`
      el.style.height = `${Math.max(36, box.h * scale)}px`
      el.style.fontSize = `${Math.max(12, font * scale)}px`
    }
    place()
    const offCamera = camera.subscribe(place)
    const offStore = store.subscribe(place)
    return () => {
      offCamera()
      offStore()
    }
  }, [camera, store, target.id, target.kind, onClose])

  useEffect(() => {
    area.current?.focus()
    area.current?.select()
  }, [])

  const change = (next: string): void => {
    valueRef.current = next
    setValue(next)
    // The delta is taken from the shared text, which differs from what is shown while a guard holds a change.
    const shared =
      ytext()?.toString() ??
      (target.kind === 'element' ? store.element(target.id)?.label : store.link(target.id)?.label) ??
      ''
    if (model.guardText({ target: target.kind, id: target.id, before: shared, after: next })) return
    const delta = textDelta(shared, next)
    if (delta.length === 0) return
    try {
      if (target.kind === 'element') applyLabelDelta(doc, target.id, delta, model.editContext())
      else applyLinkLabelDelta(doc, target.id, delta, model.editContext())
    } catch (err) {
      console.warn('label edit refused:', err instanceof Error ? err.message : err)
    }
  }

  return (
    <textarea
      ref={area}
      className="canvas-overlay label-editor"
      aria-label={label}
      value={value}
      maxLength={MAX_LABEL_LENGTH}
      onChange={(e) => change(e.target.value)}
      onBlur={() => {
        model.undo.stopCapturing()
        model.textEditDone(target.kind, target.id)
        onClose()
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' || (e.key === 'Enter' && !e.shiftKey)) {
          e.preventDefault()
          model.undo.stopCapturing()
          model.textEditDone(target.kind, target.id)
          onClose()
        }
      }}
    />
  )
}
