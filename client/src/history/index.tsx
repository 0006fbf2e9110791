/** Snapshots, history and compare, exports and imports. */
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'

/** What history and exports add to the board view. */
export function useHistorySlots(_feature: FeatureContext): WorkspaceSlots {
  return {}
}
