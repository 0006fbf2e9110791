/**
 * English UI text, merged from the feature files in `messages/en/`. Every user-facing string of the client
 * lives there (CONVENTIONS.md habit 12). `{name}` placeholders are filled by `t(key, { name })`. Loaded
 * when the page shows English (I18n.tsx); other modules import only its types.
 */
import { en as core } from './messages/en/core.js'
import { en as facilitation } from './messages/en/facilitation.js'
import { en as panels } from './messages/en/panels.js'
import { en as history } from './messages/en/history.js'
import { en as analysis } from './messages/en/analysis.js'

export const en = { ...core, ...facilitation, ...panels, ...history, ...analysis } as const

/** Message keys. */
export type MessageKey = keyof typeof en
/** A full set of messages in one language. */
export type Messages = Record<MessageKey, string>
