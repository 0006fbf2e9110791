/**
 * The facilitation interface that is closed when a board opens, loaded on first use or in idle time
 * (lazyUi.ts): the Participants, Meetings, Voting and Facilitation panels and the share dialog's content.
 */
export { ParticipantsPanel } from './ParticipantsPanel.js'
export { MeetingsPanel } from './MeetingsPanel.js'
export { VotingPanel } from './VotingPanel.js'
export { FacilitatePanel } from './FacilitatePanel.js'
export { ShareBody } from './ShareDialog.js'
