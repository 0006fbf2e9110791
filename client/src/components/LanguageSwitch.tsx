/** Switches the UI language between English and Swedish. */
import { LANGUAGES, type Language } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.switch')}</span>
      <select
        value={lang}
        onChange={(e) => setLang(e.target.value as Language)}
        aria-label={t('lang.switch')}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
