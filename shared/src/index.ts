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
export {
  ELEMENT_TYPES,
  ACTOR_KINDS,
  OPERANT_RESOURCE_KINDS,
  OPERAND_RESOURCE_KINDS,
  RESOURCE_KINDS,
  VALUE_KINDS,
  OTHER_KIND,
  KINDS_BY_TYPE,
  LINK_KINDS,
} from './model/types.js'
export type {
  ElementType,
  ActorKind,
  ResourceKind,
  ValueKind,
  LinkKind,
  Provenance,
  ElementData,
  LinkData,
  MeetingData,
  PersonData,
  InvalidRecord,
  BoardMeta,
  BoardData,
} from './model/types.js'
export {
  LANGUAGES,
  ELEMENT_TYPE_NAMES,
  KIND_NAMES,
  VALUE_KIND_NAMES,
  LINK_KIND_NAMES,
  RESOURCE_CLASS_NAMES,
  kindName,
} from './i18n/terms.js'
export type { Language } from './i18n/terms.js'
export {
  ControlName,
  EMPTY_CONTROL,
  readTimer,
  readSession,
  readAgenda,
  readVoting,
  readControl,
  timerRemaining,
  isDelegate,
  MAX_TIMER_MS,
  MAX_VOTES_PER_PERSON,
  MAX_AGENDA_STEPS,
  setTimer,
  startTimer,
  pauseTimer,
  addTimerMinute,
  resetTimer,
  setTimerSound,
  setLocked,
  setFollow,
  setAgenda,
  setAgendaStep,
  setDelegates,
  setCurrentMeeting,
  openVoting,
  requestVoteReveal,
  closeVoting,
  startBrainstorm,
  requestBrainstormReveal,
  cancelBrainstorm,
  DraftsName,
  MAX_DRAFT_LABEL,
  addDraftNote,
  relabelDraftNote,
  deleteDraftNote,
  readDraftNotes,
  readVotes,
  votesUsed,
  castVote,
  tallyVotes,
  clearDraftNotes,
  newDraftId,
  BOARD_VOTES,
  recordVoteRound,
  readVoteRecords,
  rankedResults,
} from './control/index.js'
export type {
  TimerState,
  FollowState,
  BrainstormState,
  CurrentMeeting,
  SessionState,
  VoteScope,
  VotingRound,
  ControlState,
  DraftNote,
  VoteRecord,
} from './control/index.js'
export { readBoard, addElement, Origin } from './model/index.js'
