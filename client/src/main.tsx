/**
 * Entry point. It holds no React: it starts loading the page's chunk, its messages and a board's
 * connection (startLoading.ts) at once, while React and the app load beside them (mount.tsx).
 */
import { startLoading } from './startLoading.js'
import './styles.css'

const root = document.getElementById('root')
if (root) {
  const loading = startLoading(window.location.pathname, window.location.hash)
  // Rendered once the page's chunk and messages are here: a first render before would suspend, and React
  // holds a shown fallback for up to 300 ms before it reveals what has loaded (see lazyPart.ts).
  void Promise.all([import('./mount.js'), loading]).then(([{ mount }]) => mount(root))
}
