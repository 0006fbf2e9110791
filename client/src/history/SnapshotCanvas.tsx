/**
 * A read-only board canvas over a document that is not the live board (a snapshot, or the merged board of
 * a comparison): its own BoardModel (read-only, no person), its own camera and controller, so panning and
 * zooming it leaves the live board's view alone. Shows the whole board when it first gets its size.
 */
import { useEffect, useMemo, useRef } from 'react'
import type * as Y from 'yjs'
import { useI18n } from '../i18n/index.js'
import { BoardModel, BoardModelContext } from '../board/BoardModel.js'
import { BoardCanvas } from '../canvas/BoardCanvas.js'
import { zoomToFit } from '../canvas/cameraActions.js'
import { CanvasController } from '../tools/CanvasController.js'
import { handleCanvasKey } from '../tools/keyboard.js'

/** Props of a snapshot canvas. */
export interface SnapshotCanvasProps {
  readonly doc: Y.Doc
  /** Accessible name of the canvas. */
  readonly label: string
  /** Adds decorations and tints to the model; returns their removal. */
  readonly setup?: (model: BoardModel) => () => void
  /** Told the model, for actions from outside (reveal a record from the table). */
  readonly onModel?: (model: BoardModel | null) => void
}

const nothing = (): void => {}

export function SnapshotCanvas({ doc, label, setup, onModel }: SnapshotCanvasProps) {
  const { lang } = useI18n()
  const wrapper = useRef<HTMLDivElement>(null)
  const model = useMemo(
    () => new BoardModel(doc, { personId: null, lang, meeting: () => null, readOnly: () => true }),
    // One model per document; the language is passed on below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc],
  )
  const controller = useMemo(
    () =>
      new CanvasController(model, {
        editLabel: nothing,
        linkCreated: nothing,
        createAt: nothing,
        refused: nothing,
      }),
    [model],
  )
  // Destroyed a moment after unmounting, unless mounted again at once (StrictMode runs effects twice with the
  // same memoised model; destroying it at the first cleanup would leave the view without updates).
  const destroyTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    if (destroyTimer.current !== null) clearTimeout(destroyTimer.current)
    destroyTimer.current = null
    return () => {
      destroyTimer.current = setTimeout(() => model.destroy(), 0)
    }
  }, [model])
  useEffect(() => model.store.setLanguage(lang), [model, lang])
  useEffect(() => (setup ? setup(model) : undefined), [model, setup])
  useEffect(() => {
    onModel?.(model)
    return () => onModel?.(null)
  }, [model, onModel])

  // Show the whole board once the canvas has its size (the camera needs it to fit).
  useEffect(() => {
    const el = wrapper.current
    if (!el) return
    let fitted = false
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect()
      if (fitted || r.width === 0 || r.height === 0) return
      fitted = true
      model.camera.width = r.width
      model.camera.height = r.height
      zoomToFit(model)
    })
    ro.observe(el)
    return () => ro.disconnect()
  }, [model])

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const handled = handleCanvasKey(e.nativeEvent, model, controller, {
      create: nothing,
      editLabel: nothing,
      copy: nothing,
      paste: nothing,
      toggleConnect: nothing,
    })
    if (handled) e.preventDefault()
  }

  return (
    <BoardModelContext.Provider value={model}>
      <div ref={wrapper} className="history-canvas" data-testid="history-canvas">
        <BoardCanvas controller={controller} label={label} onKeyDown={onKeyDown} />
      </div>
    </BoardModelContext.Provider>
  )
}
