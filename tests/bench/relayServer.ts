/**
 * The baseline: a plain `ws` broadcast relay. Every binary message is forwarded as is to every other
 * socket connected to the same path; no Yjs, no storage, no echo. What it costs is the floor for a
 * single-process Node `ws` fan-out on this machine, so the servers' numbers are read against it.
 *
 * Run as its own process (the bench starts it): `HOST=127.0.0.1 PORT=4800 node --import tsx relayServer.ts`.
 */
import { createServer } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 4800)
/** Generous, but explicit: ws's default (100 MiB) is not a limit anyone should run with. */
const MAX_PAYLOAD = 16 * 1024 * 1024

const rooms = new Map<string, Set<WebSocket>>()

const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('relay')
})
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: MAX_PAYLOAD })

wss.on('connection', (ws, req) => {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  let peers = rooms.get(path)
  if (!peers) {
    peers = new Set()
    rooms.set(path, peers)
  }
  const room = peers
  room.add(ws)
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return
    for (const peer of room) {
      if (peer !== ws && peer.readyState === peer.OPEN) peer.send(data, { binary: true })
    }
  })
  // Every socket needs an error listener, or one reset connection takes the process down.
  ws.on('error', () => ws.terminate())
  ws.on('close', () => {
    room.delete(ws)
    if (room.size === 0 && rooms.get(path) === room) rooms.delete(path)
  })
})

http.listen(port, host, () => {
  console.log(`relay listening on ${host}:${port}`)
})

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    for (const ws of wss.clients) ws.terminate()
    wss.close()
    http.close(() => process.exit(0))
    // Do not hang on a stuck socket.
    setTimeout(() => process.exit(0), 1000).unref()
  })
}
