/** Analysis of the map and of participation, and care for personal data. */
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'

/** What analysis adds to the board view. */
export function useAnalysisSlots(_feature: FeatureContext): WorkspaceSlots {
  return {}
}
