/**
 * The lazily loaded parts of facilitation (ui.ts): each renders directly once the chunk has loaded, and
 * suspends before (lazyPart.ts).
 */
import { lazyModule } from '../lazyModule.js'
import { lazyPart } from '../lazyPart.js'

/** The chunk with the facilitation panels and the share dialog's content. */
export const facilitationUi = lazyModule(() => import('./ui.js'))

export const ParticipantsPanel = lazyPart(facilitationUi, (m) => m.ParticipantsPanel)
export const MeetingsPanel = lazyPart(facilitationUi, (m) => m.MeetingsPanel)
export const VotingPanel = lazyPart(facilitationUi, (m) => m.VotingPanel)
export const FacilitatePanel = lazyPart(facilitationUi, (m) => m.FacilitatePanel)
export const ShareBody = lazyPart(facilitationUi, (m) => m.ShareBody)
