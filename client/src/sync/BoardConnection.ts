/**
 * One open board document in the browser: the Y.Doc, the stock y-websocket provider (with nothing but
 * `params: { token }`), a y-indexeddb cache (a reload shows the board at once; edits made offline are kept
 * and sent when the connection returns), and a connection status React can subscribe to.
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

/** What the connection badge shows. */
export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'offline'; readonly busy: boolean }
  | { readonly kind: 'refused'; readonly code: number; readonly reason: string }

/** The websocket base URL of the page's own server. */
export function websocketBase(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`
}

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

  constructor(
    readonly room: string,
    readonly token: string,
    options: { serverUrl?: string; cache?: boolean } = {},
  ) {
    this.claims = peekToken(token)
    this.cache = options.cache === false ? null : new IndexeddbPersistence(`circleboard:${room}`, this.doc)
    this.cache?.once('synced', () => {
      this.cacheReady = true
      this.emit()
    })
    this.provider = new WebsocketProvider(options.serverUrl ?? websocketBase(), room, this.doc, {
      params: { token },
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
      if (synced && this.provider.wsconnected) this.set({ kind: 'live' })
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
