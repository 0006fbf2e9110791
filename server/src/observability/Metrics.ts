/**
 * Prometheus metrics through prom-client, one registry per server instance (so tests can build several).
 * Labels never carry board ids, tokens or content: only message types, close codes and error kinds.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The metrics the server records. */
export class Metrics {
  readonly registry = new Registry()
  readonly rooms = new Gauge({
    name: 'circleboard_rooms',
    help: 'Loaded rooms (documents).',
    registers: [this.registry],
  })
  readonly connections = new Gauge({
    name: 'circleboard_connections',
    help: 'Open websocket connections.',
    registers: [this.registry],
  })
  readonly messagesIn = new Counter({
    name: 'circleboard_messages_in_total',
    help: 'Websocket messages received, by message type.',
    labelNames: ['type'] as const,
    registers: [this.registry],
  })
  readonly messagesOut = new Counter({
    name: 'circleboard_messages_out_total',
    help: 'Websocket messages sent (one per recipient).',
    registers: [this.registry],
  })
  readonly bytesIn = new Counter({
    name: 'circleboard_bytes_in_total',
    help: 'Websocket payload bytes received.',
    registers: [this.registry],
  })
  readonly bytesOut = new Counter({
    name: 'circleboard_bytes_out_total',
    help: 'Websocket payload bytes sent (counted per recipient).',
    registers: [this.registry],
  })
  readonly closes = new Counter({
    name: 'circleboard_connection_closes_total',
    help: 'Connections closed by the server, by close code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  })
  readonly errors = new Counter({
    name: 'circleboard_errors_total',
    help: 'Errors, by kind (bad_message, store, load, socket, internal).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  })
  readonly storeSeconds = new Histogram({
    name: 'circleboard_store_seconds',
    help: 'Latency of store operations, by operation.',
    labelNames: ['op'] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  })
  readonly boardsCreated = new Counter({
    name: 'circleboard_boards_created_total',
    help: 'Boards created through the API.',
    registers: [this.registry],
  })

  constructor() {
    collectDefaultMetrics({ register: this.registry })
  }

  /** Times an async store operation. */
  async timeStore<T>(op: string, fn: () => Promise<T>): Promise<T> {
    const end = this.storeSeconds.startTimer({ op })
    try {
      return await fn()
    } finally {
      end()
    }
  }
}
