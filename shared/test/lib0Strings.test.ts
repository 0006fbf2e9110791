/**
 * `patches/lib0@0.2.120.patch` reads and writes short ASCII strings without the native text codec (a call
 * of it costs more than such a string: ~100,000 of them in a 3,000-element board's first sync). The
 * bytes and strings must be exactly the codec's, at every length round the 64-character cut and for any
 * character; invalid UTF-8 must still be refused.
 */
import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const utf8 = new TextEncoder()

/** What the unpatched encoder writes: the length as a varuint, then the UTF-8 bytes. */
function reference(str: string): Uint8Array {
  const bytes = utf8.encode(str)
  const e = encoding.createEncoder()
  encoding.writeVarUint8Array(e, bytes)
  return encoding.toUint8Array(e)
}

const LONE_SURROGATE = '\ud83d'

const samples: string[] = [
  '',
  'x',
  'createdAt',
  'updatedMeeting',
  '\u0000\u007f',
  'delaktighet',
  'Försäkringskassan',
  'å',
  'Arbetsförmedlingen ✓',
  '😀',
  LONE_SURROGATE, // written as U+FFFD, as the native encoder does
  ...[62, 63, 64, 65, 200, 20_000].map((n) => 'a'.repeat(n)),
  ...[62, 63, 64, 65].map((n) => 'a'.repeat(n - 1) + 'é'),
  ...[62, 63, 64].map((n) => 'é' + 'a'.repeat(n - 1)),
]

describe('lib0 strings (patched fast path)', () => {
  it('is the patched lib0', () => {
    // The fast path is invisible by design; the install must still have applied it.
    expect(String(decoding._readVarStringNative)).toContain('circleboard')
    expect(String(encoding._writeVarStringNative)).toContain('circleboard')
  })

  it('writes exactly the bytes of the native encoder', () => {
    for (const s of samples) {
      const e = encoding.createEncoder()
      encoding.writeVarString(e, s)
      expect(encoding.toUint8Array(e), JSON.stringify(s.slice(0, 20))).toEqual(reference(s))
    }
  })

  it('reads back every string, and strings that follow one another', () => {
    const e = encoding.createEncoder()
    for (const s of samples) encoding.writeVarString(e, s)
    const d = decoding.createDecoder(encoding.toUint8Array(e))
    for (const s of samples) expect(decoding.readVarString(d)).toBe(s === LONE_SURROGATE ? '\ufffd' : s)
    expect(decoding.hasContent(d)).toBe(false)
  })

  it('refuses invalid UTF-8 and a length past the end', () => {
    const bad = encoding.createEncoder()
    encoding.writeVarUint8Array(bad, new Uint8Array([0x61, 0xff, 0x62]))
    expect(() => decoding.readVarString(decoding.createDecoder(encoding.toUint8Array(bad)))).toThrow()
    const cut = encoding.createEncoder()
    encoding.writeVarUint(cut, 10)
    encoding.writeUint8(cut, 0x61)
    expect(() => decoding.readVarString(decoding.createDecoder(encoding.toUint8Array(cut)))).toThrow()
  })

  it('keeps a document with keys and values in any script through an update', () => {
    const a = new Y.Doc()
    const m = a.getMap('elements')
    for (const s of samples.filter((x) => x !== LONE_SURROGATE && x.length < 100)) m.set(`k${s}`, s)
    a.getText('t').insert(0, 'Samordning – försäkringsmedicin 😀')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(b.getMap('elements').toJSON()).toEqual(m.toJSON())
    expect(b.getText('t').toString()).toBe('Samordning – försäkringsmedicin 😀')
  })
})
