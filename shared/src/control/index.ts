/** Facilitation state: the control document, a person's drafts, and the operations on them. */
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
} from './controlDoc.js'
export type {
  TimerState,
  FollowState,
  BrainstormState,
  CurrentMeeting,
  SessionState,
  VoteScope,
  VotingRound,
  ControlState,
} from './controlDoc.js'
export {
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
} from './controlOps.js'
export {
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
} from './drafts.js'
export type { DraftNote } from './drafts.js'
export { BOARD_VOTES, recordVoteRound, readVoteRecords, rankedResults } from './voteRecord.js'
export type { VoteRecord } from './voteRecord.js'
