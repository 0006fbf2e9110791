/**
 * Headless Chromium from Debian, driven by playwright-core (never a downloaded browser). The flags keep
 * Chromium off the network it cannot reach here and make every run start from a fresh profile.
 */
import { chromium, type Browser } from 'playwright-core'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launches Chromium; fails with a clear message when it is not installed (the test command installs it). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run the README's test command (it installs it) or apt-get install chromium`,
    )
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}

/** Where browser tests put screenshots and other artifacts (kept after the run). */
export function artifactPath(name: string): string {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-results')
  mkdirSync(dir, { recursive: true })
  return join(dir, name)
}
