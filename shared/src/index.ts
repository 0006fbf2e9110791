/**
 * @circleboard/shared: the board model and the contracts that client and server share.
 * This is the package's only public entry (CONVENTIONS.md habit 1).
 */
export { CloseCode, isPermanentClose } from './protocol/closeCodes.js'
export type { CloseCodeValue } from './protocol/closeCodes.js'
export {
  MessageType,
  SyncMessageType,
  AuthMessageType,
  ProtocolError,
  readClientMessage,
  readAwarenessUpdate,
  writeAwarenessUpdate,
  checkUpdate,
  checkStateVector,
  isEmptyUpdate,
  ownBuffer,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  writeAwareness,
  writeQueryAwareness,
  writePermissionDenied,
} from './protocol/messages.js'
export type { ClientMessage, AwarenessEntry } from './protocol/messages.js'
export { BOARD_ID_PATTERN, PERSON_ID_PATTERN, isBoardId, roomName, parseRoomName } from './access/rooms.js'
export type { RoomRef } from './access/rooms.js'
export {
  ROLES,
  TOKEN_SIGNATURE_BYTES,
  encodeTokenClaims,
  decodeTokenClaims,
  splitToken,
  joinToken,
  peekToken,
  toBase64Url,
  fromBase64Url,
} from './access/token.js'
export type { Role, TokenClaims } from './access/token.js'
export { ErrorCode, boardLink, tokenFromFragment } from './api.js'
export type {
  CreateBoardRequest,
  CreateBoardResponse,
  BoardInfo,
  BoardLinks,
  ApiError,
  ErrorCodeValue,
} from './api.js'
export { DocName, SCHEMA_VERSION, initBoardDoc, newBoardUpdate } from './model/document.js'
export type { NewBoard } from './model/document.js'
