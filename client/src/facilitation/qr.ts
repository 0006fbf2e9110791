/**
 * QR codes made in the browser with the `qrcode` package (no outside service sees the link, and the
 * meeting room may have no internet). The code becomes one SVG path of unit squares, drawn by React as
 * an `<svg>` element (no inline styles, no data: URL; the strict CSP allows it as it is).
 */
import QRCode from 'qrcode'

/** A QR code as SVG path data on a `size` x `size` grid (quiet zone included). */
export interface QrPath {
  readonly size: number
  readonly d: string
}

/** Modules of white border around the code (the standard asks for 4). */
const QUIET_ZONE = 4

/** The QR code of `text` (error correction M: readable from across a room, with a scuffed screen). */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  let d = ''
  for (let row = 0; row < n; row++) {
    // Runs of dark modules become one rectangle each: a fifth of the path data of one square per module.
    let col = 0
    while (col < n) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && modules.get(row, col)) col++
      d += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`
    }
  }
  return { size: n + 2 * QUIET_ZONE, d }
}

/** The modules of a QR path, as a set of "row,col" (tests read the code back). */
export function darkModules(path: QrPath): Set<string> {
  const dark = new Set<string>()
  for (const m of path.d.matchAll(/M(\d+) (\d+)h(\d+)v1h-?\d+z/g)) {
    const x = Number(m[1])
    const y = Number(m[2])
    const w = Number(m[3])
    for (let i = 0; i < w; i++) dark.add(`${y - QUIET_ZONE},${x + i - QUIET_ZONE}`)
  }
  return dark
}
