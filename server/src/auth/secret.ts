/**
 * The token secret: from config, or generated on first start and kept in `<dataDir>/secret` (mode 0600),
 * so links stay valid across restarts. Rotating the secret invalidates every link.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Returns the configured secret, or the one stored under `dataDir`, creating it if needed. */
export function loadOrCreateSecret(configured: string | null, dataDir: string): string {
  if (configured) return configured
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'secret')
  try {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const secret = randomBytes(32).toString('base64url')
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return secret
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim()
    throw err
  }
}
