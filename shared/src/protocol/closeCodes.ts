/**
 * Websocket close codes shared by server and client, so both name a refusal the same way.
 *
 * The 4400-4499 range mirrors HTTP 4xx: a deliberate decision that reconnecting cannot fix. The stock
 * `y-websocket` client (3.x) stops reconnecting on these and emits `closed`; our app shows the reason.
 * Everything else (1001 going away, 1011 internal error, 1013 try again later) is transient and the client
 * reconnects with backoff.
 */
export const CloseCode = {
  /** Standard: the server is shutting down or restarting; reconnect. */
  GoingAway: 1001,
  /** Standard: a server-side failure (storage could not load or store the board); reconnect. */
  InternalError: 1011,
  /** Standard: the server is at capacity (rooms or connections); reconnect later. */
  TryAgainLater: 1013,
  /** A frame that is not a well-formed message of the y-websocket protocol (see `protocol/messages.ts`). */
  BadMessage: 4400,
  /** No token, a forged or expired token. */
  Unauthorized: 4401,
  /** A valid token that does not grant this document (another board, another person's drafts). */
  Forbidden: 4403,
  /** The board does not exist (never created, or deleted). */
  NotFound: 4404,
  /** A frame larger than the server's `maxPayload`, or an awareness state over its size limit. */
  TooLarge: 4413,
  /** Too many messages from this connection, or too many messages queued while the board loads. */
  TooMany: 4429,
} as const

/** One of the close codes above. */
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

/** True when the client should not reconnect on its own after this close (the 44xx range). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500
}
