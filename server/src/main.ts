/**
 * The server process: configuration from the environment, listen, and a graceful stop on SIGTERM/SIGINT
 * (every room stored, every socket closed with 1001). A second signal exits at once.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, configFromEnv } from './config.js'
import { buildServer } from './buildServer.js'

const here = dirname(fileURLToPath(import.meta.url))
// server/dist/main.js -> client/dist
const defaultClientDir = resolve(here, '../../client/dist')

async function main(): Promise<void> {
  let config
  try {
    config = configFromEnv(process.env, defaultClientDir)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`circleboard: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
  const app = buildServer(config)
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now')
      process.exit(1)
    }
    stopping = true
    app.log.info({ signal }, 'shutting down: storing every board')
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  await app.listen({ host: config.host, port: config.port })
  app.log.info(`circleboard is ready on http://${config.host}:${config.port} (data in ${config.dataDir})`)
}

main().catch((err: unknown) => {
  console.error('circleboard failed to start:', err)
  process.exit(1)
})
