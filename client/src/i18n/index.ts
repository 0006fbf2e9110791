/** The client's i18n layer. */
export { I18nProvider, useI18n, translate } from './I18n.js'
export { initialLanguage, loadMessages } from './messages.js'
export type { I18n, Params } from './I18n.js'
export type { MessageKey, Messages } from './en.js'
