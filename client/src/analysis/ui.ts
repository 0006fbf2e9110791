/**
 * The analysis feature's interface, loaded on first use (one chunk, with the graph library): the Analysis
 * panel, the board settings panel and the canvas overlay.
 */
export { AnalysisPanel } from './AnalysisPanel.js'
export { SettingsPanel } from './SettingsPanel.js'
export { OverlayLayer } from './OverlayLayer.js'
