/**
 * What tests outside the client use of it (the entry `@circleboard/client/testing`, as the server has one):
 * the early board socket, tested against a real server process in tests/sync/earlySocket.test.ts.
 */
export { EMPTY_SYNC_STEP1, EarlySocket, boardSocketUrl } from './sync/earlySocket.js'
