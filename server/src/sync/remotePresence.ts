/**
 * How long presence relayed from another server process lives without being renewed (scale-out, X3):
 * y-protocols' own timeout. Stock clients renew their state every 15 s, and the process they are
 * connected to relays each renewal, so only the presence of a process that died ages out.
 */
export const REMOTE_PRESENCE_TIMEOUT_MS = 30_000
