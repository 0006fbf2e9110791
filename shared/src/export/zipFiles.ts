/**
 * Zip archives of export files through fflate's streaming `Zip`, so one code path serves both the whole
 * archive in memory and a chunked stream (a server can pipe chunks into a response while a large board's
 * package is still being compressed). Names are checked here, because a name with `..` or a leading `/`
 * in an archive is how "zip slip" writes outside the folder it is unpacked into.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate'

/** One file of an archive: text is written as UTF-8. */
export interface ZipEntry {
  readonly name: string
  readonly data: Uint8Array | string
}

/** Receives the archive piece by piece; `final` is true on the last piece. */
export type ZipChunkHandler = (data: Uint8Array, final: boolean) => void

/** How to write an archive. */
export interface ZipWriteOptions {
  /** Modification time of every entry; defaults to now. Fixing it makes the archive reproducible. */
  readonly modifiedAt?: Date
}

// Segments of letters (any script), digits, `_`, `.`, `-` and spaces, not starting with `.` or a space:
// so no `..`, no absolute path, no backslash or drive colon that Windows would read as a path.
const SEGMENT = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_. -]*`
const SAFE_NAME = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`, 'u')

/** True when `name` is a relative path of plain segments, safe to unpack anywhere. */
export function isSafeZipName(name: string): boolean {
  return SAFE_NAME.test(name)
}

/** Streams a zip of `entries` to `onChunk`, synchronously. Throws RangeError on an unsafe or repeated name. */
export function streamZip(
  entries: readonly ZipEntry[],
  onChunk: ZipChunkHandler,
  options: ZipWriteOptions = {},
): void {
  const seen = new Set<string>()
  for (const { name } of entries) {
    if (!isSafeZipName(name)) throw new RangeError(`unsafe file name in archive: ${JSON.stringify(name)}`)
    if (seen.has(name)) throw new RangeError(`file name used twice in archive: ${JSON.stringify(name)}`)
    seen.add(name)
  }
  let failure: Error | null = null
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error
    else onChunk(chunk, final)
  })
  const mtime = options.modifiedAt ?? new Date()
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 })
    file.mtime = mtime
    zip.add(file)
    file.push(typeof entry.data === 'string' ? strToU8(entry.data) : entry.data, true)
  }
  zip.end()
  if (failure) throw failure
}

/** A zip of `entries` as one byte array. */
export function zipToBytes(entries: readonly ZipEntry[], options: ZipWriteOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = []
  streamZip(entries, (chunk) => chunks.push(chunk), options)
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
