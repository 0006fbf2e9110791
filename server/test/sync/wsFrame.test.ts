import { describe, expect, it } from 'vitest'
// @ts-expect-error ws exports its Receiver at runtime, but @types/ws does not declare it
import { Receiver } from 'ws'
import { encodeFrames } from '../../src/sync/wsFrame.js'

/** Parses frames with ws's own receiver (the client side of the library), as a browser would. */
function parse(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' })
  receiver.on('message', (data: Buffer) => out.push(Buffer.from(data)))
  receiver.on('error', (err: Error) => {
    throw err
  })
  receiver.write(bytes)
  return out
}

describe('pre-encoded frames', () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])('a %i-byte message reads back whole', (n) => {
    const payload = Buffer.alloc(n, 7)
    payload[0] = 1
    const [back] = parse(encodeFrames([payload]))
    expect(back?.length).toBe(n)
    expect(back?.equals(payload)).toBe(true)
  })

  it('several messages in one buffer read back as several frames, one message each, in order', () => {
    const messages = [Buffer.from([0, 2, 1, 9]), Buffer.alloc(300, 3), Buffer.from([1, 5])]
    expect(parse(encodeFrames(messages)).map((b) => b.toString('hex'))).toEqual(
      messages.map((b) => b.toString('hex')),
    )
  })
})
