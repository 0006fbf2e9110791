/**
 * The listing of a zip archive read from its central directory by hand (APPNOTE.TXT 4.3.12, 4.3.16), so
 * that a browser test can check a downloaded package without a zip library of its own: the end of
 * central directory record is found from the end of the file, then each central directory header gives
 * a file's name, sizes and CRC.
 */
import { inflateRawSync } from 'node:zlib'

/** One file of a zip's central directory. */
export interface ZipEntry {
  readonly name: string
  readonly compressedSize: number
  readonly size: number
  readonly crc32: number
  /** Offset of its local header. */
  readonly offset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/** The files of a zip archive, in central directory order; throws on anything that is not one. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip: no end of central directory record')
  const count = view.getUint16(eocd + 10, true)
  const size = view.getUint32(eocd + 12, true)
  let at = view.getUint32(eocd + 16, true)
  if (at + size > eocd) throw new Error('central directory runs past its end record')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const out: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`no central directory header at ${at}`)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const offset = view.getUint32(at + 42, true)
    if (view.getUint32(offset, true) !== LOCAL) throw new Error(`no local header at ${offset}`)
    out.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset,
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return out
}

/** The uncompressed content of one file of a zip archive (stored or deflated). */
export function zipFile(bytes: Uint8Array, name: string): Buffer {
  const entry = zipEntries(bytes).find((e) => e.name === name)
  if (!entry) throw new Error(`no ${name} in the archive`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const method = view.getUint16(entry.offset + 8, true)
  const start =
    entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (method === 0) return Buffer.from(data)
  if (method === 8) return inflateRawSync(data)
  throw new Error(`${name}: compression method ${method} is not read here`)
}
