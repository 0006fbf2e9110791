/** Entry point: starts loading the page's chunks and mounts the app. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, startLoading } from './App.js'
import './styles.css'

const root = document.getElementById('root')
if (root) {
  startLoading(window.location.pathname)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
