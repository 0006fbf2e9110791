// The function passed to `page.evaluate` runs in the page: it needs the DOM's types.
/// <reference lib="dom" />
/**
 * Pixel comparison of two screenshots, done in a browser page (Chromium decodes the PNGs; no image
 * library in the tests). Two measures, because two drawings of the same board by two renderers differ at
 * the edges of anti-aliased shapes and glyphs but must not differ in layout, colours or text positions:
 * - `differentPixels`: the share of pixels whose colour differs by more than `pixelTolerance` in any
 *   channel (edges shifted by a fraction of a pixel are few);
 * - `worstBlock`: the largest mean difference over any `block` x `block` square, each pixel compared with
 *   the best match within `shift` pixels in the other image (a missing shape, a wrong colour or a text run
 *   in another place makes a whole block differ; anti-aliasing and a glyph baseline rounded to the next
 *   pixel do not).
 * The difference image marks differing pixels in red over a faded copy of the first image.
 */
import type { Page } from 'playwright-core'

/** How two images compare. */
export interface ImageComparison {
  readonly width: number
  readonly height: number
  /** Share (0..1) of pixels differing by more than the tolerance. */
  readonly differentPixels: number
  /** Largest mean channel difference (0..255) of any block. */
  readonly worstBlock: number
  /** Where the worst block is (its top-left pixel). */
  readonly worstBlockAt: { readonly x: number; readonly y: number }
  /** PNG of the differences. */
  readonly diffPng: Buffer
}

/** Compares two PNGs of the same size in `page` (any page; it is not navigated). */
export async function compareImages(
  page: Page,
  a: Buffer,
  b: Buffer,
  options: { pixelTolerance?: number; block?: number; shift?: number } = {},
): Promise<ImageComparison> {
  const result = await page.evaluate(
    async ({ a64, b64, tolerance, block, shift }) => {
      const load = async (b64png: string): Promise<ImageData> => {
        const img = new Image()
        img.src = `data:image/png;base64,${b64png}`
        await img.decode()
        const c = document.createElement('canvas')
        c.width = img.naturalWidth
        c.height = img.naturalHeight
        const ctx = c.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        return ctx.getImageData(0, 0, c.width, c.height)
      }
      const [x, y] = await Promise.all([load(a64), load(b64)])
      if (x.width !== y.width || x.height !== y.height) {
        throw new Error(`sizes differ: ${x.width}x${x.height} and ${y.width}x${y.height}`)
      }
      const { width, height } = x
      const diff = new ImageData(width, height)
      const blocksX = Math.ceil(width / block)
      const blockSum = new Float64Array(blocksX * Math.ceil(height / block))
      const blockCount = new Float64Array(blockSum.length)
      let different = 0
      const at = (i: number, j: number): number =>
        Math.max(
          Math.abs(x.data[i]! - y.data[j]!),
          Math.abs(x.data[i + 1]! - y.data[j + 1]!),
          Math.abs(x.data[i + 2]! - y.data[j + 2]!),
        )
      for (let py = 0; py < height; py++) {
        for (let px = 0; px < width; px++) {
          const i = (py * width + px) * 4
          const d = at(i, i)
          let best = d
          for (let dy = -shift; dy <= shift && best > 0; dy++) {
            for (let dx = -shift; dx <= shift && best > 0; dx++) {
              const qx = px + dx
              const qy = py + dy
              if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue
              best = Math.min(best, at(i, (qy * width + qx) * 4))
            }
          }
          const k = Math.floor(py / block) * blocksX + Math.floor(px / block)
          blockSum[k]! += best
          blockCount[k]! += 1
          if (d > tolerance) {
            different++
            diff.data.set([255, 0, 0, 255], i)
          } else {
            // A faded copy of the first image, for orientation.
            const grey = 255 - (255 - (x.data[i]! + x.data[i + 1]! + x.data[i + 2]!) / 3) * 0.25
            diff.data.set([grey, grey, grey, 255], i)
          }
        }
      }
      let worst = 0
      let worstAt = 0
      blockSum.forEach((sum, k) => {
        const mean = sum / (blockCount[k] || 1)
        if (mean > worst) {
          worst = mean
          worstAt = k
        }
      })
      const c = document.createElement('canvas')
      c.width = width
      c.height = height
      c.getContext('2d')!.putImageData(diff, 0, 0)
      return {
        width,
        height,
        differentPixels: different / (width * height),
        worstBlock: worst,
        worstBlockAt: { x: (worstAt % blocksX) * block, y: Math.floor(worstAt / blocksX) * block },
        diff: c.toDataURL('image/png').split(',')[1]!,
      }
    },
    {
      a64: a.toString('base64'),
      b64: b.toString('base64'),
      tolerance: options.pixelTolerance ?? 64,
      block: options.block ?? 16,
      shift: options.shift ?? 1,
    },
  )
  const { diff, ...rest } = result
  return { ...rest, diffPng: Buffer.from(diff, 'base64') }
}
