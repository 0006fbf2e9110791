/** The client's i18n layer. */
export { I18nProvider, useI18n, translate, initialLanguage, loadMessages } from './I18n.js'
export type { I18n, Params } from './I18n.js'
export type { MessageKey, Messages } from './en.js'
