/**
 * The lazily loaded parts of the panels (ui.ts): each renders directly once the chunk has loaded, and
 * suspends before (lazyPart.ts).
 */
import { lazyModule } from '../lazyModule.js'
import { lazyPart } from '../lazyPart.js'

/** The chunk with the sidebar panels and the selection's properties. */
export const panelsUi = lazyModule(() => import('./ui.js'))

export const OutlinePanel = lazyPart(panelsUi, (m) => m.OutlinePanel)
export const FilterPanel = lazyPart(panelsUi, (m) => m.FilterPanel)
export const LegendPanel = lazyPart(panelsUi, (m) => m.LegendPanel)
export const ElementProperties = lazyPart(panelsUi, (m) => m.ElementProperties)
export const LinkProperties = lazyPart(panelsUi, (m) => m.LinkProperties)
export const MultiProperties = lazyPart(panelsUi, (m) => m.MultiProperties)
