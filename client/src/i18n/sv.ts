/**
 * Swedish UI text, merged from the feature files in `messages/sv/` (the compiler checks that no key is
 * missing). Loaded when the page shows Swedish (I18n.tsx).
 */
import type { Messages } from './en.js'
import { sv as core } from './messages/sv/core.js'
import { sv as facilitation } from './messages/sv/facilitation.js'
import { sv as panels } from './messages/sv/panels.js'
import { sv as history } from './messages/sv/history.js'
import { sv as analysis } from './messages/sv/analysis.js'

export const sv: Messages = { ...core, ...facilitation, ...panels, ...history, ...analysis }
