/** Meetings and facilitation: presence, follow, shared screen, timer, voting, brainstorm, meetings. */
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'

/** What facilitation adds to the board view. */
export function useFacilitationSlots(_feature: FeatureContext): WorkspaceSlots {
  return {}
}
