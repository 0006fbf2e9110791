/**
 * Server-to-client websocket frames, built once and written to many sockets. A server's frames are not
 * masked (RFC 6455 5.1), so the bytes of a frame are the same for every recipient: a room encodes the
 * frames of one flush once and hands the same buffer to every connection, instead of ws framing the same
 * payload again for each of them. Only for connections without permessage-deflate (the server never
 * negotiates it).
 */

/** Opcode of a binary frame. */
const BINARY = 0x2
/** FIN bit: the frame holds a whole message. */
const FIN = 0x80

/** The header of an unmasked binary frame carrying `length` bytes. */
export function frameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([FIN | BINARY, length])
  if (length < 0x10000) {
    const h = Buffer.allocUnsafe(4)
    h[0] = FIN | BINARY
    h[1] = 126
    h.writeUInt16BE(length, 2)
    return h
  }
  const h = Buffer.allocUnsafe(10)
  h[0] = FIN | BINARY
  h[1] = 127
  h.writeUInt32BE(Math.floor(length / 0x100000000), 2)
  h.writeUInt32BE(length >>> 0, 6)
  return h
}

/** Binary frames, one per message, concatenated: what goes on the wire for these messages. */
export function encodeFrames(messages: readonly Uint8Array[]): Buffer {
  const parts: Uint8Array[] = []
  for (const m of messages) parts.push(frameHeader(m.length), m)
  return Buffer.concat(parts)
}
