/**
 * The panels' interface that is not on screen when a board opens, loaded in idle time after the first
 * render or on first use (lazyUi.ts): the Outline, Filters and Legend panels, and the properties of a
 * selection (the properties frame and the toolbar's search field are in the startup bundle).
 */
export { OutlinePanel } from './OutlinePanel.js'
export { FilterPanel } from './FilterPanel.js'
export { LegendPanel } from './LegendPanel.js'
export { ElementProperties, LinkProperties } from './SelectionProperties.js'
export { MultiProperties } from './MultiProperties.js'
