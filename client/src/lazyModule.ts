/**
 * A module loaded on demand, once, whose result can then be read synchronously (lazyPart.ts makes
 * components of it). No React here: the entry uses it to start loading a page's chunks before React
 * itself has loaded (main.tsx).
 */

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
