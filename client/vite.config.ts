// Vite build of the client. The shared package is compiled from its TypeScript sources (no separate build
// step needed for the client); in development, /api and /ws go to a local server on port 8080.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { precompress } from './build/precompress.js'

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      {
        find: '@circleboard/shared',
        replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
      },
      // The canvas draws everything with Konva's Stage, Layer and custom Shapes. The packages' main entries
      // also register every other shape class and all image filters (about 25 KB gzip of startup JS); their
      // core entries, which react-konva documents for a minimal bundle, have exactly what is used. A
      // `<Rect>` or `<Text>` node would need its class imported (`konva/lib/shapes/Rect`).
      { find: /^konva$/, replacement: 'konva/lib/Core.js' },
      { find: /^react-konva$/, replacement: 'react-konva/lib/ReactKonvaCore.js' },
    ],
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // Which chunks the entry loads at startup (tests/clientBundle.test.ts checks their size).
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
})
