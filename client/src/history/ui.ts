/**
 * The history feature's interface, loaded on first use (one chunk; the board is shown without it): the
 * panel, the overlay on the canvas and the dialogs.
 */
export { HistoryPanel } from './HistoryPanel.js'
export { HistoryOverlay } from './HistoryOverlay.js'
export { HistoryDialogs } from './HistoryDialogs.js'
