/**
 * The i18n layer: the current language (English or Swedish, remembered per browser), `t(key, params)`,
 * and locale-aware number and date formatting. Components never hold user-facing text of their own.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { Language } from '@circleboard/shared'
import { en, type MessageKey, type Messages } from './en.js'
import { sv } from './sv.js'

const MESSAGES: Record<Language, Messages> = { en, sv }
const STORAGE_KEY = 'circleboard.lang'
const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE' }

/** Values that fill `{name}` placeholders. */
export type Params = Record<string, string | number>

/** What components get from `useI18n`. */
export interface I18n {
  readonly lang: Language
  readonly setLang: (lang: Language) => void
  readonly t: (key: MessageKey, params?: Params) => string
  readonly formatNumber: (n: number) => string
  readonly formatDate: (d: Date | number, style?: 'date' | 'datetime' | 'time') => string
}

/** Fills `{name}` placeholders; numbers are formatted in the language's locale. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const text = MESSAGES[lang][key] ?? en[key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const v = params[name]
    if (v === undefined) return match
    return typeof v === 'number' ? new Intl.NumberFormat(LOCALES[lang]).format(v) : v
  })
}

/** The language stored for this browser, else the browser's own preference. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'sv') return stored
  } catch {
    // storage blocked: fall through
  }
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en'
}

const I18nContext = createContext<I18n | null>(null)

/** Provides the i18n layer to the app. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(initial ?? initialLanguage)
  const setLang = useCallback((next: Language) => {
    setLangState(next)
    document.documentElement.lang = next
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // not remembered, but still switched
    }
  }, [])
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang]
    const numberFormat = new Intl.NumberFormat(locale)
    const formats = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      datetime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    }
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatNumber: (n) => numberFormat.format(n),
      formatDate: (d, style = 'date') => formats[style].format(d),
    }
  }, [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The i18n layer of the nearest provider. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
