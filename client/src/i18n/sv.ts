/** Swedish UI text, merged from the feature files in `messages/` (the compiler checks that no key is missing). */
import type { Messages } from './en.js'
import * as core from './messages/core.js'
import * as facilitation from './messages/facilitation.js'
import * as panels from './messages/panels.js'
import * as history from './messages/history.js'
import * as analysis from './messages/analysis.js'

export const sv: Messages = { ...core.sv, ...facilitation.sv, ...panels.sv, ...history.sv, ...analysis.sv }
