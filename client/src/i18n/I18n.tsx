/**
 * The i18n layer: the current language (English or Swedish, remembered per browser), `t(key, params)`,
 * and locale-aware number and date formatting. Components never hold user-facing text of their own.
 *
 * Each language's messages are a chunk of their own, loaded when the page shows that language: the
 * provider suspends until they are there (the app has no text to show before), and switching language
 * loads the new messages before it switches, so the page never shows without its text.
 */
import {
  createContext,
  use,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { Language } from '@circleboard/shared'
import type { MessageKey } from './en.js'
import { LANGUAGE_KEY, MESSAGES, initialLanguage } from './messages.js'

const LOCALES: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE' }

type DateStyle = 'date' | 'datetime' | 'time'
const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
}

// Each language's number format, made on first use: the first Intl format of a page costs some 20 ms
// (its locale data), on the way to a board's first render, which shows counts ("3,000 elements").
// Whole numbers are written here instead, as both locales write them: groups of three digits, a
// separator between groups (en-GB ",", sv-SE a no-break space) and the locale's minus sign
// (client/test/i18nNumbers.test.ts compares with Intl). Other numbers go through the format.
const GROUPING: Record<Language, { readonly separator: string; readonly minus: string }> = {
  en: { separator: ',', minus: '-' },
  sv: { separator: '\u00a0', minus: '\u2212' },
}
const numberFormats: Partial<Record<Language, Intl.NumberFormat>> = {}
const formatNumberIn = (lang: Language, n: number): string => {
  if (!Number.isSafeInteger(n))
    return (numberFormats[lang] ??= new Intl.NumberFormat(LOCALES[lang])).format(n)
  const { separator, minus } = GROUPING[lang]
  const digits = String(Math.abs(n))
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1)
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3)
  return n < 0 || Object.is(n, -0) ? minus + out : out
}

/** Values that fill `{name}` placeholders. */
export type Params = Record<string, string | number>

/** What components get from `useI18n`. */
export interface I18n {
  readonly lang: Language
  readonly setLang: (lang: Language) => void
  readonly t: (key: MessageKey, params?: Params) => string
  readonly formatNumber: (n: number) => string
  readonly formatDate: (d: Date | number, style?: DateStyle) => string
}

/**
 * Fills `{name}` placeholders; numbers are formatted in the language's locale. The language's messages
 * must have loaded (`loadMessages`); the key stands in for a text that is missing.
 */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const text = MESSAGES[lang].loaded()?.[key] ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const v = params[name]
    if (v === undefined) return match
    return typeof v === 'number' ? formatNumberIn(lang, v) : v
  })
}

const I18nContext = createContext<I18n | null>(null)

/** Provides the i18n layer to the app; suspends until the language's messages have loaded. */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [lang, setLangState] = useState<Language>(initial ?? initialLanguage)
  use(MESSAGES[lang].load())
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const setLang = useCallback((next: Language) => {
    try {
      localStorage.setItem(LANGUAGE_KEY, next)
    } catch {
      // not remembered, but still switched
    }
    // Offline before the other language ever loaded: the page stays in the language it has.
    MESSAGES[next].load().then(
      () => setLangState(next),
      () => undefined,
    )
  }, [])
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang]
    // Made on first use (see above).
    const formats: Partial<Record<DateStyle, Intl.DateTimeFormat>> = {}
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatNumber: (n) => formatNumberIn(lang, n),
      formatDate: (d, style = 'date') =>
        (formats[style] ??= new Intl.DateTimeFormat(locale, DATE_STYLES[style])).format(d),
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
