/** Order statistics for latency samples and for medians over repeats. */

/** Distribution summary of a sample, in the sample's unit. */
export interface Distribution {
  readonly n: number
  readonly p50: number | null
  readonly p95: number | null
  readonly p99: number | null
  readonly max: number | null
}

/**
 * The `q`-quantile (0..1) of an ascending-sorted sample, by linear interpolation between closest ranks
 * (numpy's default), so small samples do not jump between neighbours.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  const pos = (n - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, n - 1)
  const a = sorted[lo] as number
  const b = sorted[hi] as number
  return a + (b - a) * (pos - lo)
}

/** p50/p95/p99/max of `values` (not modified). */
export function distribution(values: ArrayLike<number>): Distribution {
  // A Float64Array sorts numerically and far faster than an array of boxed numbers.
  const sorted = Float64Array.from(values).sort()
  return {
    n: sorted.length,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : null,
  }
}

/** Median of the non-null values; `null` when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (xs.length === 0) return null
  return quantileSorted(Float64Array.from(xs).sort(), 0.5)
}

/** A growable sample of numbers that does not box them. */
export class Samples {
  private data = new Float64Array(1024)
  length = 0

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }

  /** The values pushed so far (a view, valid until the next push). */
  values(): Float64Array {
    return this.data.subarray(0, this.length)
  }
}
