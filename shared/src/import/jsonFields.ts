/**
 * Reading one JSON record field by field, for the board JSON import. Each reader returns a usable
 * fallback and records a problem instead of throwing, so one pass over a file finds every problem
 * (a person fixing a file by hand wants the whole list, not one error per attempt).
 */

/** Stable codes of import problems (CONVENTIONS.md habit 7). */
export type ImportErrorCode =
  'BAD_JSON' | 'NOT_A_BOARD' | 'UNSUPPORTED_VERSION' | 'INVALID_VALUE' | 'DUPLICATE_ID' | 'MISSING_REFERENCE'

/** One problem found in an imported file. */
export interface ImportError {
  readonly code: ImportErrorCode
  /** Where, as a JSONPath into the file: `$.board.elements[3].type`. */
  readonly path: string
  /** What is wrong, for people (English), naming the record: `element "r-1": type "widget" is not ...`. */
  readonly message: string
}

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>

/** Whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON value for messages: short, quoted strings, so `"12"` and `12` read differently. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** The fields of one record, read with problems collected under a record name (`element "a1"`). */
export class FieldReader {
  readonly problems: ImportError[] = []

  constructor(
    readonly record: JsonObject,
    readonly path: string,
    readonly name: string,
  ) {}

  /** Records a problem with the field `key` (or the record itself when `key` is null). */
  fail(key: string | null, message: string, code: ImportErrorCode = 'INVALID_VALUE'): void {
    const path = key === null ? this.path : `${this.path}.${key}`
    this.problems.push({ code, path, message: `${this.name}: ${message}` })
  }

  /**
   * Takes over problems found by the model's own validators (`elementDataProblems`, ...), which name the
   * field first (`w is 0, not above 0`, `extra.x ...`): the field goes into the path, the rest is kept.
   * Unknown fields sit beside the known ones in the file, so `extra.x` is the path `.x`.
   */
  adopt(problems: readonly string[], known: ReadonlySet<string>): void {
    for (const problem of problems) {
      const field = /^([A-Za-z_]\w*)((?:\[\d+\])?(?:\.\w+)*) /.exec(problem)
      const name = field?.[1] ?? ''
      const path = name === 'extra' ? (field?.[2] ?? '').replace(/^\./, '') : name + (field?.[2] ?? '')
      this.fail(known.has(name) || (name === 'extra' && path !== '') ? path : null, problem)
    }
  }

  /** A required string; `nonEmpty` also refuses `""`. */
  string(key: string, nonEmpty = false): string {
    const v = this.record[key]
    if (typeof v === 'string' && (!nonEmpty || v !== '')) return v
    this.fail(key, `${key} must be a ${nonEmpty ? 'non-empty ' : ''}string, not ${show(v)}`)
    return ''
  }

  /** A string or null; absent reads as null (a hand-made file may leave out what is unknown). */
  stringOrNull(key: string): string | null {
    const v = this.record[key]
    if (v === undefined || v === null) return null
    if (typeof v === 'string') return v
    this.fail(key, `${key} must be a string or null, not ${show(v)}`)
    return null
  }

  /** A required finite number, optionally an integer and at least `min`. */
  number(key: string, opts: { integer?: boolean; min?: number } = {}): number {
    const v = this.record[key]
    if (checkNumber(v, opts)) return v
    this.fail(key, `${key} must be ${describeNumber(opts)}, not ${show(v)}`)
    return 0
  }

  /** A number or null; absent reads as null. */
  numberOrNull(key: string, opts: { integer?: boolean; min?: number } = {}): number | null {
    const v = this.record[key]
    if (v === undefined || v === null) return null
    if (checkNumber(v, opts)) return v
    this.fail(key, `${key} must be ${describeNumber(opts)} or null, not ${show(v)}`)
    return null
  }

  /** A required boolean. */
  boolean(key: string): boolean {
    const v = this.record[key]
    if (typeof v === 'boolean') return v
    this.fail(key, `${key} must be true or false, not ${show(v)}`)
    return false
  }

  /** An array of strings; absent reads as empty. */
  strings(key: string): string[] {
    const v = this.record[key]
    if (v === undefined) return []
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return [...(v as string[])]
    this.fail(key, `${key} must be an array of strings, not ${show(v)}`)
    return []
  }

  /** A required string out of `allowed`. */
  oneOf<T extends string>(key: string, allowed: readonly T[], what = key): T {
    const v = this.record[key]
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T
    this.fail(key, `${what} ${show(v)} is not one of ${allowed.join(', ')}`)
    return allowed[0] as T
  }

  /** The fields not in `known`, in file order: kept as the record's `extra` (a newer version wrote them). */
  extra(known: ReadonlySet<string>): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(this.record)) if (!known.has(k)) out[k] = v
    return out
  }
}

function checkNumber(v: unknown, opts: { integer?: boolean; min?: number }): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false
  if (opts.integer === true && !Number.isInteger(v)) return false
  return opts.min === undefined || v >= opts.min
}

function describeNumber(opts: { integer?: boolean; min?: number }): string {
  const base = opts.integer === true ? 'an integer' : 'a finite number'
  return opts.min === undefined ? base : `${base} >= ${opts.min}`
}
