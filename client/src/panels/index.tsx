/** The board's own panels: outline, properties of the selection, legend, filters and search. */
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'

/** What the panels add to the board view. */
export function usePanelSlots(_feature: FeatureContext): WorkspaceSlots {
  return {}
}
