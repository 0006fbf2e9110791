/**
 * Downloads through `fetch` with the person's token in the `Authorization` header (never in a URL, where
 * it would end up in logs and in the browser's history), read piece by piece so that the export dialog can
 * show progress and cancel, and saved through a Blob URL (the CSP allows `blob:`, not `data:` downloads of
 * any size).
 */
import { failureOf } from './snapshotApi.js'

/** How far a download is. */
export interface DownloadProgress {
  readonly received: number
  /** Expected bytes, or `null` when the server did not say (a streamed zip) or said something untrue. */
  readonly total: number | null
}

/** A finished download. */
export interface Downloaded {
  readonly blob: Blob
  /** From `Content-Disposition`, when the server named the file. */
  readonly filename: string | null
}

/** Options of `download`. */
export interface DownloadOptions {
  readonly token: string
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: DownloadProgress) => void
  /** For tests. */
  readonly fetchImpl?: typeof fetch
}

/**
 * The fraction done (0..1), or `null` for an indeterminate bar. A `Content-Length` smaller than what
 * arrived (a compressed transfer reports the compressed length) is not trusted.
 */
export function progressFraction(p: DownloadProgress): number | null {
  if (p.total === null || p.total <= 0 || p.received > p.total) return null
  return p.received / p.total
}

/** The declared length of a response, or `null`. */
export function declaredLength(headers: Headers): number | null {
  // A compressed body's length is not the length of what the reader yields.
  const encoding = headers.get('content-encoding')
  if (encoding && encoding !== 'identity') return null
  const raw = headers.get('content-length')
  if (raw === null || !/^\d+$/.test(raw.trim())) return null
  return Number(raw)
}

/** The file name in a `Content-Disposition` header (RFC 6266: `filename*` wins over `filename`). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (star) {
    try {
      return sanitizeFileName(decodeURIComponent((star[2] as string).trim().replace(/^"|"$/g, '')))
    } catch {
      // malformed percent-encoding: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;\s]+)/i.exec(header)
  if (!plain) return null
  const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : (plain[1] as string)
  return sanitizeFileName(value)
}

/** A name safe to offer as a download: no folders, no control characters, not empty. */
export function sanitizeFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim()
  return clean === '' || clean === '.' || clean === '..' ? null : clean
}

/** A file name from a board title: letters of any script, digits, `-` and `_`, at most 60 characters. */
export function fileBaseName(title: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return base === '' ? 'board' : base
}

/** Fetches `url` as a Blob, reporting progress; rejects with an `AbortError` when `signal` aborts. */
export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  const doFetch = options.fetchImpl ?? fetch
  const res = await doFetch(url, {
    headers: { authorization: `Bearer ${options.token}` },
    signal: options.signal ?? null,
  })
  if (!res.ok) throw await failureOf(res)
  const filename = filenameFromDisposition(res.headers.get('content-disposition'))
  const type = res.headers.get('content-type') ?? 'application/octet-stream'
  const declared = declaredLength(res.headers)
  const report = options.onProgress ?? (() => {})
  if (!res.body) {
    const blob = await res.blob()
    report({ received: blob.size, total: blob.size })
    return { blob, filename }
  }
  const reader = res.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  report({ received, total: declared })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      received += value.byteLength
      report({ received, total: declared !== null && received <= declared ? declared : null })
    }
  } catch (err) {
    await reader.cancel().catch(() => {})
    throw err
  }
  return { blob: new Blob(chunks, { type }), filename }
}

/** True for the rejection of an aborted fetch or read. */
export function isAbort(err: unknown): boolean {
  return (err instanceof DOMException || err instanceof Error) && err.name === 'AbortError'
}

/** Offers a Blob to the person as a file download (through a short-lived Blob URL). */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const a = doc.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  doc.body.append(a)
  a.click()
  a.remove()
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
