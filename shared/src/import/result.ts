/**
 * Expected failures as values (CONVENTIONS.md habit 7): an import that meets a broken file returns what
 * is wrong instead of throwing, so the caller can show every problem at once.
 */

/** The outcome of an operation that can fail in expected ways. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E }

/** A successful result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

/** A failed result. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error }
}
