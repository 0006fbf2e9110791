/**
 * English UI text, merged from the feature files in `messages/`. Every user-facing string of the client
 * lives there (CONVENTIONS.md habit 12). `{name}` placeholders are filled by `t(key, { name })`.
 */
import * as core from './messages/core.js'
import * as facilitation from './messages/facilitation.js'
import * as panels from './messages/panels.js'
import * as history from './messages/history.js'
import * as analysis from './messages/analysis.js'

export const en = { ...core.en, ...facilitation.en, ...panels.en, ...history.en, ...analysis.en } as const

/** Message keys. */
export type MessageKey = keyof typeof en
/** A full set of messages in one language. */
export type Messages = Record<MessageKey, string>
