/**
 * The Share button and its modal `<dialog>` (facilitators). The dialog's content (ShareDialog.tsx) and the
 * QR code load on first use: the button waits for them before it opens the dialog, so the dialog never
 * shows empty; hovering or focusing the button starts loading them.
 */
import { Suspense, useRef, useState } from 'react'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { facilitationUi, ShareBody } from './lazyUi.js'
import { qrModule } from './QrCode.js'

function load(): Promise<unknown> {
  return Promise.all([facilitationUi.load(), qrModule.load()])
}

function preload(): void {
  load().catch(() => undefined)
}

/** The Share button and its dialog. */
export function ShareButton({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const show = (): void => {
    setOpen(true)
    dialog.current?.showModal()
  }
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          if (facilitationUi.loaded() && qrModule.loaded()) show()
          // Offline and never loaded: the dialog (which needs the server anyway) stays closed.
          else load().then(show, () => undefined)
        }}
      >
        {t('fac.share.button')}
      </button>
      <dialog
        ref={dialog}
        className="fac-dialog"
        aria-label={t('fac.share.title')}
        onClose={() => setOpen(false)}
        onKeyDown={(e) => e.stopPropagation()}
      >
        {open && (
          <Suspense fallback={null}>
            <ShareBody session={session} onClose={() => dialog.current?.close()} />
          </Suspense>
        )}
      </dialog>
    </>
  )
}
