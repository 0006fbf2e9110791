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
import type { LazyModule } from './lazyModule.js'

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
