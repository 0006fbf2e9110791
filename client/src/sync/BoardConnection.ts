/**
 * One open board document in the browser: the Y.Doc, the stock y-websocket provider (with nothing but
 * `params: { token }`, and the socket the entry opened early when there is one: earlySocket.ts), a
 * y-indexeddb cache (a reload shows the board at once; edits made offline are kept and sent when the
 * connection returns), and a connection status React can subscribe to.
 *
 * Status: `connecting` until the first sync, `live` while connected and synced, `offline` while the provider
 * retries (it does so by itself), `refused` when the server closed with a 44xx code (the stock client then
 * stops retrying; the person is told why and can try again).
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as decoding from 'lib0/decoding'
import {
  AuthMessageType,
  CloseCode,
  MessageType,
  deniedKind,
  peekToken,
  type TokenClaims,
} from '@circleboard/shared'
import { stopAwarenessRelay } from './awarenessRelay.js'
import { storeReceivedAsIs } from './receivedUpdates.js'
import { rememberCachedCopy, websocketBase, type EarlySocket } from './earlySocket.js'

/** What the connection badge shows. */
export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'offline'; readonly busy: boolean }
  | { readonly kind: 'refused'; readonly code: number; readonly reason: string }

/** How long a provider waits for the browser cache to be read before it connects anyway. */
const CACHE_WAIT_MS = 2_000

/** A board document connected to the server and cached in the browser. */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly cache: IndexeddbPersistence | null
  /** What the token says (unverified: for the interface only). */
  readonly claims: TokenClaims | null
  private status: ConnectionStatus = { kind: 'connecting' }
  private readonly listeners = new Set<() => void>()
  private readonly deniedListeners = new Set<(reason: string, kind: 'refused' | 'repaired') => void>()
  private refused: string | null = null
  private cacheReady = false
  private destroyed = false

  constructor(
    readonly room: string,
    readonly token: string,
    options: { serverUrl?: string; cache?: boolean; early?: EarlySocket } = {},
  ) {
    this.claims = peekToken(token)
    this.cache = options.cache === false ? null : new IndexeddbPersistence(`circleboard:${room}`, this.doc)
    // With a cache, the provider connects once the cache has been read, so that its step 1 carries what
    // the browser has and the server sends only what it lacks (not the whole board again), unless the
    // early socket already asked for everything (a first visit: earlySocket.ts).
    const afterCache = this.cache !== null && !options.early?.asksForAll
    let waiting = afterCache
    let connectTimer: ReturnType<typeof setTimeout> | undefined
    const connect = (): void => {
      if (!waiting) return
      waiting = false
      clearTimeout(connectTimer)
      if (!this.destroyed && !this.provider.shouldConnect) this.provider.connect()
    }
    this.cache?.once('synced', () => {
      this.cacheReady = true
      this.emit()
      if (afterCache) connect()
    })
    // A cache that cannot be read (y-indexeddb then never says it synced) does not keep the board offline.
    if (afterCache) connectTimer = setTimeout(connect, CACHE_WAIT_MS)
    this.provider = new WebsocketProvider(options.serverUrl ?? websocketBase(), room, this.doc, {
      params: { token },
      connect: !afterCache,
      ...(options.early ? { WebSocketPolyfill: options.early.socketClass() } : {}),
    })
    // The stock provider echoes everyone's presence back to the server; this one sends only its own.
    stopAwarenessRelay(this.provider)
    // A large received update (a board's first sync) is stored as it came, not encoded again.
    if (this.cache) storeReceivedAsIs(this.provider, this.cache)
    this.listenForDenials()
    this.provider.on('status', ({ status }) => {
      if (status === 'disconnected' && this.status.kind !== 'refused')
        this.set({ kind: 'offline', busy: false })
      if (status === 'connecting' && this.status.kind === 'live') this.set({ kind: 'connecting' })
    })
    this.provider.on('sync', (synced: boolean) => {
      if (!synced || !this.provider.wsconnected) return
      this.set({ kind: 'live' })
      // The cache now holds the board (y-indexeddb stores every update): the next visit asks only for what
      // it lacks (earlySocket.ts).
      if (this.cache) rememberCachedCopy(room, true)
    })
    this.provider.on('connection-close', (event) => {
      if (event?.code === CloseCode.TryAgainLater) this.set({ kind: 'offline', busy: true })
    })
    // The stock client (3.x) stops on 44xx closes and reports them here.
    this.provider.on('closed', ({ code, reason }) => this.set({ kind: 'refused', code, reason }))
    window.addEventListener('offline', this.onBrowserOffline)
  }

  /** The current status. */
  getStatus = (): ConnectionStatus => this.status

  /** True once the browser cache has been read (the board can be shown). */
  get cacheLoaded(): boolean {
    return this.cacheReady || this.cache === null
  }

  /** Subscribes to status changes (for `useSyncExternalStore`). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The reason of the last change the server refused (this browser's copy differs since), or `null`. */
  getRefusedChange = (): string | null => this.refused

  /**
   * Subscribes to the server's permission-denied notices: `refused` (the change was applied nowhere) or
   * `repaired` (applied with something removed; see shared `protocol/notices.ts`).
   */
  onDenied(listener: (reason: string, kind: 'refused' | 'repaired') => void): () => void {
    this.deniedListeners.add(listener)
    return () => this.deniedListeners.delete(listener)
  }

  /**
   * Drops this browser's copy (and its cache) and loads the board again from the server: what a person
   * does after a change of theirs was refused, so that their board is everyone's board again.
   */
  async reloadFromServer(): Promise<void> {
    rememberCachedCopy(this.room, false)
    try {
      await this.cache?.clearData()
    } catch {
      // the page reload below fetches everything from the server anyway
    }
    window.location.reload()
  }

  /** Reconnects now (after a refusal, or to skip the backoff while offline). */
  retry(): void {
    this.set({ kind: 'connecting' })
    this.provider.disconnect()
    this.provider.connect()
  }

  /** Closes the connection and releases the document (the browser cache stays). */
  destroy(): void {
    this.destroyed = true
    window.removeEventListener('offline', this.onBrowserOffline)
    this.provider.destroy()
    void this.cache?.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  /**
   * The stock client only logs auth permission-denied messages; its per-provider handler table is the
   * documented way in (3.x keeps `messageHandlers` per instance).
   */
  private listenForDenials(): void {
    const handlers = (this.provider as unknown as { messageHandlers: unknown[] }).messageHandlers
    handlers[MessageType.Auth] = (_encoder: unknown, decoder: decoding.Decoder): void => {
      if (decoding.readVarUint(decoder) !== AuthMessageType.PermissionDenied) return
      const reason = decoding.readVarString(decoder)
      const kind = deniedKind(reason)
      if (kind === 'refused' && this.refused === null) {
        this.refused = reason
        this.emit()
      }
      for (const l of this.deniedListeners) l(reason, kind)
    }
  }

  private onBrowserOffline = (): void => {
    if (this.status.kind !== 'refused') this.set({ kind: 'offline', busy: false })
  }

  private set(status: ConnectionStatus): void {
    this.status = status
    this.emit()
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }
}
