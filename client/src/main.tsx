/** Entry point: starts loading the page's chunks and mounts the app. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, startLoading } from './App.js'
import './styles.css'

const root = document.getElementById('root')
if (root) {
  // Rendered once the page's chunk and messages are here: a first render before would suspend, and React
  // holds a shown fallback for up to 300 ms before it reveals what has loaded (see lazyPart.ts).
  void startLoading(window.location.pathname, window.location.hash).then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
}
