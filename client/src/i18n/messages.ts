/**
 * Each language's messages, a chunk of their own loaded when the page shows that language, and the
 * language a page starts in. No React here: the entry starts loading the messages before React has
 * loaded (main.tsx); the provider (I18n.tsx) reads them.
 */
import type { Language } from '@circleboard/shared'
import { lazyModule, type LazyModule } from '../lazyModule.js'
import type { Messages } from './en.js'

export const MESSAGES: Record<Language, LazyModule<Messages>> = {
  en: lazyModule(() => import('./en.js').then((m) => m.en)),
  sv: lazyModule(() => import('./sv.js').then((m) => m.sv)),
}

/** Where the chosen language is remembered (localStorage). */
export const LANGUAGE_KEY = 'circleboard.lang'

/** Loads a language's messages (once); `translate` and the provider need them loaded. */
export function loadMessages(lang: Language): Promise<Messages> {
  return MESSAGES[lang].load()
}

/** The language stored for this browser, else the browser's own preference. */
export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY)
    if (stored === 'en' || stored === 'sv') return stored
  } catch {
    // storage blocked: fall through
  }
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en'
}
