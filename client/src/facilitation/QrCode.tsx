/**
 * A QR code as an SVG image with an accessible name. The image and the `qrcode` package load on first use
 * (neither is needed when a board opens); until then an empty square of the same size holds the place.
 */
import { Suspense } from 'react'
import { lazyModule } from '../lazyModule.js'
import { lazyPart } from '../lazyPart.js'

/** The QR image's module (qr.ts and the `qrcode` package); the share dialog starts loading it early. */
export const qrModule = lazyModule(() => import('./QrImage.js'))

const QrImage = lazyPart(qrModule, (m) => m.QrImage)

/** Draws the QR code of `text`. */
export function QrCode(props: { text: string; label: string; size?: number }) {
  const size = props.size ?? 200
  return (
    <Suspense fallback={<svg className="fac-qr" width={size} height={size} aria-hidden="true" />}>
      <QrImage {...props} />
    </Suspense>
  )
}
