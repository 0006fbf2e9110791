/**
 * A uniform grid over board space: each element is filed in every cell its box touches, so the elements
 * in a viewport (culling) or under the pointer (hit testing) are found without looking at all of them.
 * Cells of 400 board units hold a handful of elements each on a typical board.
 */
import type { Box } from '@circleboard/shared'

const CELL = 400

function cellRange(box: Box): [number, number, number, number] {
  return [
    Math.floor(box.x / CELL),
    Math.floor(box.y / CELL),
    Math.floor((box.x + Math.max(0, box.w)) / CELL),
    Math.floor((box.y + Math.max(0, box.h)) / CELL),
  ]
}

/** True when two boxes overlap (touching counts). */
export function intersects(a: Box, b: Box): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h
}

/** Ids filed by the boxes they cover. */
export class SpatialIndex {
  // Cells by column, then row: number keys, no string made per cell on every file and query (a board of
  // thousands of elements is filed at once when it loads).
  private readonly columns = new Map<number, Map<number, Set<string>>>()
  // Boxes so large that they span thousands of cells (a huge arena) live here, "everywhere", and every
  // query looks at them, instead of in each of their cells.
  private readonly everywhere = new Set<string>()
  private readonly boxes = new Map<string, Box>()
  private cellCount = 0

  /** Number of ids filed. */
  get size(): number {
    return this.boxes.size
  }

  /** Files (or re-files) `id` under `box`. */
  set(id: string, box: Box): void {
    const old = this.boxes.get(id)
    if (old && old.x === box.x && old.y === box.y && old.w === box.w && old.h === box.h) return
    if (old) this.unfile(id, old)
    this.boxes.set(id, box)
    const [x0, y0, x1, y1] = cellRange(box)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) {
      this.everywhere.add(id)
      return
    }
    for (let cx = x0; cx <= x1; cx++) {
      let column = this.columns.get(cx)
      if (!column) this.columns.set(cx, (column = new Map()))
      for (let cy = y0; cy <= y1; cy++) {
        let cell = column.get(cy)
        if (!cell) {
          column.set(cy, (cell = new Set()))
          this.cellCount++
        }
        cell.add(id)
      }
    }
  }

  /** Removes `id`. */
  delete(id: string): void {
    const old = this.boxes.get(id)
    if (!old) return
    this.unfile(id, old)
    this.boxes.delete(id)
  }

  /** The box `id` is filed under. */
  box(id: string): Box | undefined {
    return this.boxes.get(id)
  }

  /** Ids whose box overlaps `area`. */
  query(area: Box): Set<string> {
    const out = new Set<string>()
    const consider = (ids: Set<string> | undefined): void => {
      if (!ids) return
      for (const id of ids) if (!out.has(id) && intersects(this.boxes.get(id)!, area)) out.add(id)
    }
    consider(this.everywhere)
    const [x0, y0, x1, y1] = cellRange(area)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cellCount) {
      // The area covers more cells than exist: walk the filed cells instead of the empty ones.
      for (const column of this.columns.values()) for (const ids of column.values()) consider(ids)
      return out
    }
    for (let cx = x0; cx <= x1; cx++) {
      const column = this.columns.get(cx)
      if (column) for (let cy = y0; cy <= y1; cy++) consider(column.get(cy))
    }
    return out
  }

  /** Ids whose box contains the point. */
  at(x: number, y: number): Set<string> {
    return this.query({ x, y, w: 0, h: 0 })
  }

  private unfile(id: string, box: Box): void {
    this.everywhere.delete(id)
    const [x0, y0, x1, y1] = cellRange(box)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 4096) return
    for (let cx = x0; cx <= x1; cx++) {
      const column = this.columns.get(cx)
      if (!column) continue
      for (let cy = y0; cy <= y1; cy++) {
        const cell = column.get(cy)
        if (!cell) continue
        cell.delete(id)
        if (cell.size > 0) continue
        column.delete(cy)
        this.cellCount--
      }
      if (column.size === 0) this.columns.delete(cx)
    }
  }
}
