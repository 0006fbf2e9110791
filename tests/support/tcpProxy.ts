/**
 * A TCP proxy on 127.0.0.1 for tests: in front of several server processes it is the "any load balancer"
 * of the scale-out mode (each new connection goes to the next backend that accepts it, round robin, no
 * sticky sessions); in front of Redis it cuts a process off (`cut`) and lets it back (`restore`).
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

/** A running proxy. */
export interface TcpProxy {
  readonly port: number
  /** Closes every proxied connection and refuses new ones until `restore`. */
  cut(): void
  restore(): void
  /** Connections proxied so far, per backend port. */
  readonly counts: Map<number, number>
  close(): Promise<void>
}

/** Starts a proxy to `backends` (ports on 127.0.0.1). */
export async function startTcpProxy(backends: readonly number[]): Promise<TcpProxy> {
  const open = new Set<Socket>()
  const counts = new Map<number, number>()
  let next = 0
  let cut = false

  const pipe = (client: Socket, tried: number): void => {
    if (tried >= backends.length) {
      client.destroy()
      return
    }
    const port = backends[next++ % backends.length] as number
    const upstream = connect(port, '127.0.0.1')
    upstream.once('error', () => {
      // Refused (the backend died): the next one, as a balancer's health check would.
      if (
        !upstream.readableEnded &&
        upstream.bytesRead === 0 &&
        upstream.bytesWritten === 0 &&
        !client.destroyed
      ) {
        upstream.destroy()
        open.delete(upstream)
        pipe(client, tried + 1)
        return
      }
      client.destroy()
    })
    upstream.once('connect', () => {
      counts.set(port, (counts.get(port) ?? 0) + 1)
      upstream.removeAllListeners('error')
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
      client.on('close', () => upstream.destroy())
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
    })
    open.add(upstream)
    upstream.once('close', () => open.delete(upstream))
  }

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    if (cut) {
      client.destroy()
      return
    }
    open.add(client)
    client.once('close', () => open.delete(client))
    client.on('error', () => {})
    pipe(client, 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    counts,
    cut() {
      cut = true
      for (const s of open) s.destroy()
    },
    restore() {
      cut = false
    },
    async close() {
      for (const s of open) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
