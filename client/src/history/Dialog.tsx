/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus inside it, closes it on
 * Escape, and returns focus to what opened it. Keys typed in it never reach the board's shortcuts (React
 * events bubble through the component tree, whatever the top layer shows).
 */
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/index.js'

/** Props of a dialog. */
export interface DialogProps {
  readonly title: string
  /** Called when the person closes it (Escape, the close button). */
  readonly onClose: () => void
  /** `alertdialog` for a confirmation that interrupts. */
  readonly role?: 'dialog' | 'alertdialog'
  readonly className?: string
  readonly children: ReactNode
}

export function Dialog({ title, onClose, role = 'dialog', className, children }: DialogProps) {
  const { t } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  }, [onClose])

  // A layout effect: its cleanup closes the dialog while it is still in the page, so the browser returns
  // focus to what opened it (a passive cleanup would run after the element was removed).
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    if (!el.open) el.showModal()
    const onCancel = (e: Event): void => {
      // Closing is the owner's decision (it unmounts the dialog); the browser would only hide it.
      e.preventDefault()
      close.current()
    }
    el.addEventListener('cancel', onCancel)
    return () => {
      el.removeEventListener('cancel', onCancel)
      if (el.open) el.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      className={`history-dialog${className ? ` ${className}` : ''}`}
      onKeyDown={(e) => e.stopPropagation()}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <header className="history-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('history.closeDialog', { title })}
          onClick={() => close.current()}
        >
          ×
        </button>
      </header>
      <div className="history-dialog-body">{children}</div>
    </dialog>
  )
}
