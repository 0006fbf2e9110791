/** Mounts the app: React and everything the first render needs come with this module's chunk. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'

/** Renders the app into `root`. */
export function mount(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
