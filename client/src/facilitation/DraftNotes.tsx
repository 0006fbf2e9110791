/**
 * This person's private notes during a silent brainstorm, drawn over the board where they were made,
 * with a look of their own (dashed border, a lock, "Only you"), editable and deletable. They live in the
 * person's drafts document, which nobody else can open (server/SPEC.md S3), until the facilitator's
 * reveal moves them all onto the board at once (F5).
 *
 * HTML rather than canvas: a textarea is the best editor there is, and the notes are few. One wrapper
 * follows the camera with a CSS transform set directly (no React render per pan or zoom).
 */
import { useEffect, useRef } from 'react'
import { deleteDraftNote, relabelDraftNote, ELEMENT_SPECS, type DraftNote } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, useStore } from './hooks.js'

/** The draft notes layer over the canvas. */
export function DraftNotes({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const { camera } = session.feature.model
  const wrapper = useRef<HTMLDivElement>(null)
  const brainstorm = useDerived(session.control, (c) => {
    const b = c.state.session.brainstorm
    return b && b.status === 'collecting' ? b.id : null
  })
  const drafts = useStore(session.drafts)
  const notes = brainstorm ? drafts.notes.filter((n) => n.brainstorm === brainstorm) : []

  useEffect(() => {
    const apply = (): void => {
      const el = wrapper.current
      if (!el) return
      const { x, y, scale } = camera.get()
      el.style.transform = `translate(${x}px, ${y}px) scale(${scale})`
    }
    apply()
    // A focused note partly off screen makes the browser scroll the canvas box (overflow: hidden still
    // scrolls), which would shift the whole stage; the camera moves instead (see DraftNoteCard's focus).
    const canvas = wrapper.current?.closest('.board-canvas')
    const unscroll = (): void => {
      if (canvas && (canvas.scrollTop !== 0 || canvas.scrollLeft !== 0)) {
        canvas.scrollTop = 0
        canvas.scrollLeft = 0
      }
    }
    canvas?.addEventListener('scroll', unscroll)
    const off = camera.subscribe(apply)
    return () => {
      off()
      canvas?.removeEventListener('scroll', unscroll)
    }
  }, [camera, notes.length])

  if (notes.length === 0) return null
  return (
    <div
      ref={wrapper}
      className="fac-drafts"
      role="group"
      aria-label={t('fac.drafts.group', { count: notes.length })}
    >
      {notes.map((n) => (
        <DraftNoteCard key={n.id} note={n} session={session} />
      ))}
    </div>
  )
}

function DraftNoteCard({ note, session }: { note: DraftNote; session: FacilitationSession }) {
  const { t } = useI18n()
  const area = useRef<HTMLTextAreaElement>(null)
  const focusId = useStore(session.focusDraft)
  const { w, h } = ELEMENT_SPECS.note.defaultSize
  const origin = session.feature.model.origin

  useEffect(() => {
    if (focusId !== note.id) return
    area.current?.focus({ preventScroll: true })
    session.focusDraft.set(null)
  }, [focusId, note.id, session])

  const remove = (): void => {
    const doc = session.draftsDoc
    if (doc) deleteDraftNote(doc, note.id, origin)
  }
  return (
    <div
      className="canvas-overlay fac-draft"
      data-draft={note.id}
      style={{ left: note.x, top: note.y, width: w, height: h }}
      onKeyDown={(e) => {
        // Keys typed here are text, not board shortcuts (Delete, letters).
        e.stopPropagation()
        if (e.key === 'Escape') area.current?.blur()
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <div className="fac-draft-head">
        <span className="fac-draft-private">
          <svg className="fac-lock" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" />
          </svg>{' '}
          {t('fac.drafts.private')}
        </span>
        <button
          type="button"
          className="icon-button fac-draft-delete"
          aria-label={t('fac.drafts.delete')}
          onClick={remove}
        >
          ×
        </button>
      </div>
      <textarea
        ref={area}
        className="fac-draft-text"
        aria-label={t('fac.drafts.label')}
        defaultValue={note.label}
        maxLength={2000}
        onFocus={() => showNote(session, note)}
        onChange={(e) => {
          const doc = session.draftsDoc
          if (doc) relabelDraftNote(doc, note.id, e.target.value, origin)
        }}
      />
    </div>
  )
}

/** Brings a note into view when it gets focus (the keyboard's Tab, or a note just made off screen). */
function showNote(session: FacilitationSession, note: DraftNote): void {
  const { camera } = session.feature.model
  const { w, h } = ELEMENT_SPECS.note.defaultSize
  const view = camera.viewBox()
  const inside =
    note.x >= view.x && note.y >= view.y && note.x + w <= view.x + view.w && note.y + h <= view.y + view.h
  if (!inside) camera.centerOn({ x: note.x + w / 2, y: note.y + h / 2 })
}
