// One Vitest run for the workspace: unit tests of shared, server tests, and the cross-package tests
// (multi-client, fault, end-to-end in Chromium). Every package is resolved from its TypeScript sources.
import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const src = (pkg: string): string => fileURLToPath(new URL(`./${pkg}/src/index.ts`, import.meta.url))
const alias = {
  '@circleboard/shared': src('shared'),
  // Before the package entry: an alias also matches what starts with its name and a '/'.
  '@circleboard/server/testing': fileURLToPath(new URL('./server/test/services.ts', import.meta.url)),
  '@circleboard/client/testing': fileURLToPath(new URL('./client/src/testing.ts', import.meta.url)),
  '@circleboard/server': src('server'),
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'shared', include: ['shared/test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        // The client's logic without a browser: stores, tools, text deltas (the canvas itself is tested in
        // Chromium, in tests/e2e).
        test: { name: 'client', include: ['client/test/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'tests',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/bench/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Browser and multi-process tests start servers and Chromium: one file at a time keeps the
          // two cores of a CI machine from starving them.
          fileParallelism: false,
          // What a page or another process does can take more than `expect.poll`'s default second while
          // the other projects' tests run beside these; a poll that never succeeds still fails.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
})
