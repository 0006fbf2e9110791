/**
 * Parts of the interface that are not on screen when a board opens (closed panels, dialogs, the QR code)
 * load on first use or in idle time after the first render, so the startup bundle stays small
 * (docs/client.md, "What loads later").
 *
 * A part made here renders its component directly once the module has loaded; only a use before that
 * suspends (to the nearest `<Suspense>`). `React.lazy` would suspend on its first render even when the
 * module is already there, and React holds a shown fallback for up to 300 ms: a "Loading…" flash on every
 * first opening of a panel that idle time had already loaded.
 */
import { createElement, use, type ComponentType } from 'react'

/** A lazily loaded module: start loading it, or read it when it has loaded. */
export interface LazyModule<M> {
  /** Starts loading (once) and resolves with the module. */
  readonly load: () => Promise<M>
  /** The module, once loaded. */
  readonly loaded: () => M | undefined
}

/**
 * A promise that says when it has settled, the way React's `use` reads it: `use` returns the value of a
 * promise marked fulfilled at once, instead of suspending until its callbacks have run.
 */
type ReadablePromise<M> = Promise<M> & { status?: 'fulfilled'; value?: M }

/** Wraps a dynamic `import()` so that it runs once and its result can be read synchronously. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | undefined
  let pending: ReadablePromise<M> | undefined
  const load = (): Promise<M> => {
    if (pending) return pending
    const promise: ReadablePromise<M> = importer().then(
      (m) => {
        module = m
        promise.status = 'fulfilled'
        promise.value = m
        return m
      },
      (error: unknown) => {
        // A failed load (the network was down) is forgotten, so that the next use tries again.
        pending = undefined
        throw error
      },
    )
    pending = promise
    return promise
  }
  return { load, loaded: () => module }
}

/** A component of a lazily loaded module (see the top of this file). */
export function lazyPart<M, P extends object>(
  lazy: LazyModule<M>,
  pick: (module: M) => ComponentType<P>,
): ComponentType<P> {
  function LazyPart(props: P) {
    const module = use(lazy.load())
    return createElement(pick(module), props)
  }
  return LazyPart
}

type IdleWindow = typeof globalThis & {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number
  cancelIdleCallback?: (handle: number) => void
}

/**
 * Loads `lazy` when the browser is next idle (at the latest after `timeoutMs`), for an effect after the
 * first render; returns the effect's cleanup.
 */
export function loadWhenIdle(lazy: LazyModule<unknown>, timeoutMs = 3000): () => void {
  const g = globalThis as IdleWindow
  const run = (): void => void lazy.load().catch(() => undefined)
  if (typeof g.requestIdleCallback === 'function' && typeof g.cancelIdleCallback === 'function') {
    const handle = g.requestIdleCallback(run, { timeout: timeoutMs })
    const cancel = g.cancelIdleCallback.bind(g)
    return () => cancel(handle)
  }
  const timer = setTimeout(run, 200)
  return () => clearTimeout(timer)
}
