/**
 * A board's websocket, opened by the entry as soon as the personal token is known (openBoard.ts), long
 * before the chunk with Yjs and the stock provider has loaded, and then handed to that provider through its
 * `WebSocketPolyfill` option.
 *
 * Why: the server answers a sync step 1 with the whole board, and the stock provider sends its step 1 only
 * once it exists. On a first visit (no browser cache) the early socket sends the step 1 of an empty
 * document itself, so the board is loading on the server and travelling while the page's chunks load.
 * With a cache, it sends nothing: the provider's own step 1 then carries the cached state vector, and the
 * server sends only what the cache lacks (an empty step 1 would make it send the whole board again).
 *
 * What the socket received before the provider took it (open, messages, an error, a close) is replayed to
 * the provider's handlers in order, in a microtask after its constructor has returned, the way a socket's
 * events would have come. The provider then reads the early step 2 like any other: it is the whole board,
 * so `synced` is true from it. The step 1 the provider sends when it sees the socket open is not sent
 * when the early one was: it would ask for the whole board again (its document is still empty then), and a
 * step 1 only asks. What the server lacks it learns from its own step 1, which the provider answers; what
 * reached the server after the early step 1 comes to this socket as updates anyway.
 *
 * No Yjs here: this module is part of the entry chunk.
 */

/** The websocket base URL of the page's own server. */
export function websocketBase(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`
}

/** The URL the stock provider opens for `room` with `params: { token }` (its `url` getter). */
export function boardSocketUrl(base: string, room: string, token: string): string {
  return `${base}/${room}?token=${encodeURIComponent(token)}`
}

/**
 * `[sync][step1][state vector of an empty document]`: a state vector is a count of clients followed by
 * (client, clock) pairs, so the empty one is the single byte 0, sent as a one-byte varBytes.
 * tests/sync/earlySocket.test.ts checks these bytes against shared `writeSyncStep1`.
 */
export const EMPTY_SYNC_STEP1: Uint8Array = Uint8Array.of(0, 0, 1, 0)

/** The key under which this browser remembers that its cache holds board `room`. */
const cachedKey = (room: string): string => `circleboard.cached.${room}`

/** True when this browser's cache has held board `room` (then no empty step 1 is sent early). */
export function hasCachedCopy(room: string): boolean {
  try {
    return localStorage.getItem(cachedKey(room)) !== null
  } catch {
    return false
  }
}

/** Remembers (or forgets) that this browser's cache holds board `room`. */
export function rememberCachedCopy(room: string, cached: boolean): void {
  try {
    if (cached) localStorage.setItem(cachedKey(room), '1')
    else localStorage.removeItem(cachedKey(room))
  } catch {
    // not remembered: the next visit asks for the whole board early, which is only more bytes
  }
}

/** True for a `[sync][step1]…` message. */
function isSyncStep1(message: Uint8Array): boolean {
  return message[0] === 0 && message[1] === 0
}

type Handler = ((event: Event) => void) | null

/**
 * The early socket as the provider sees it: the handler properties, `send`, `close` and `readyState` of a
 * WebSocket (what the stock provider uses), with the events recorded before it was taken replayed first.
 */
class AdoptedSocket {
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  onopen: Handler = null
  onmessage: Handler = null
  onclose: Handler = null
  onerror: Handler = null

  /**
   * `socket` as the provider sees it; `skip(data)` says whether a message the provider sends is one the
   * early socket already sent (see the top of this file).
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly skip: (data: Parameters<WebSocket['send']>[0]) => boolean,
  ) {}

  get readyState(): number {
    return this.socket.readyState
  }

  get binaryType(): BinaryType {
    return this.socket.binaryType
  }

  set binaryType(type: BinaryType) {
    this.socket.binaryType = type
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount
  }

  send(data: Parameters<WebSocket['send']>[0]): void {
    if (!this.skip(data)) this.socket.send(data)
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason)
  }

  /** Calls the handler the provider set for `event` now (it sets them to null once it let go). */
  dispatch(event: Event): void {
    const handler =
      event.type === 'open'
        ? this.onopen
        : event.type === 'message'
          ? this.onmessage
          : event.type === 'close'
            ? this.onclose
            : this.onerror
    handler?.call(this as unknown as WebSocket, event)
  }
}

/** A websocket opened before its provider exists; see the top of this file. */
export class EarlySocket {
  private readonly socket: WebSocket
  /** True when this socket asks for the whole board itself (a first visit: see the top of this file). */
  readonly asksForAll: boolean
  /** What arrived before the provider took the socket and its events were replayed. */
  private pending: Event[] | null = []
  private adopted: AdoptedSocket | null = null
  private taken = false
  /** True from when the early step 1 was sent until the provider's own step 1 was left out. */
  private step1Sent = false

  /**
   * Opens `url`; sends `firstMessage` (if any) as soon as the socket is open. `WebSocketClass` is the
   * browser's, or a test's.
   */
  constructor(
    readonly url: string,
    firstMessage: Uint8Array | null,
    WebSocketClass: typeof WebSocket = WebSocket,
  ) {
    this.asksForAll = firstMessage !== null && isSyncStep1(firstMessage)
    this.socket = new WebSocketClass(url)
    this.socket.binaryType = 'arraybuffer'
    this.socket.onopen = (event) => {
      if (firstMessage) {
        this.socket.send(firstMessage)
        this.step1Sent = isSyncStep1(firstMessage)
      }
      this.receive(event)
    }
    this.socket.onmessage = (event) => this.receive(event)
    this.socket.onerror = (event) => this.receive(event)
    this.socket.onclose = (event) => this.receive(event)
  }

  /**
   * A WebSocket class for the provider's `WebSocketPolyfill` option: its first instance for this socket's
   * URL is this socket; every other (a reconnection, another URL) is a new `WebSocketClass`.
   */
  socketClass(WebSocketClass: typeof WebSocket = WebSocket): typeof WebSocket {
    const take = (url: string): AdoptedSocket | null => this.take(url)
    function ProviderSocket(url: string | URL, protocols?: string | string[]): WebSocket {
      const early = take(String(url))
      if (early) return early as unknown as WebSocket
      return protocols === undefined ? new WebSocketClass(url) : new WebSocketClass(url, protocols)
    }
    ProviderSocket.CONNECTING = 0
    ProviderSocket.OPEN = 1
    ProviderSocket.CLOSING = 2
    ProviderSocket.CLOSED = 3
    return ProviderSocket as unknown as typeof WebSocket
  }

  /** Closes the socket if no provider took it (the page wanted another board, or failed to load). */
  discard(): void {
    if (this.taken) return
    this.taken = true
    this.pending = null
    this.socket.onopen = this.socket.onmessage = this.socket.onclose = null
    this.socket.onerror = () => undefined
    this.socket.close()
  }

  /** Hands the socket over once, if `url` is its URL; a socket nobody can take is closed. */
  private take(url: string): AdoptedSocket | null {
    if (this.taken) return null
    if (url !== this.url) {
      this.discard()
      return null
    }
    this.taken = true
    const adopted = new AdoptedSocket(this.socket, (data) => {
      if (!this.step1Sent || !(data instanceof Uint8Array) || !isSyncStep1(data)) return false
      this.step1Sent = false
      return true
    })
    this.adopted = adopted
    // After the provider's constructor has set its handlers (it creates the socket inside it).
    queueMicrotask(() => {
      const events = this.pending ?? []
      this.pending = null
      for (const event of events) adopted.dispatch(event)
    })
    return adopted
  }

  private receive(event: Event): void {
    if (this.pending) this.pending.push(event)
    else this.adopted?.dispatch(event)
  }
}
