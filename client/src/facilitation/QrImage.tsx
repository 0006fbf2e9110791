/** A QR code as an SVG image with an accessible name (made locally, qr.ts; loaded lazily through QrCode.tsx). */
import { useMemo } from 'react'
import { qrPath } from './qr.js'

/** Draws the QR code of `text`. */
export function QrImage({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const qr = useMemo(() => qrPath(text), [text])
  return (
    <svg
      className="fac-qr"
      role="img"
      aria-label={label}
      data-qr={text}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.d} fill="#000000" />
    </svg>
  )
}
