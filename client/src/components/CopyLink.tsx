/** A capability link with a copy button that says whether the copy worked. */
import { useState } from 'react'
import { useI18n } from '../i18n/index.js'

export function CopyLink({ label, url, help }: { label: string; url: string; help: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <div className="copy-link">
      <div className="copy-link-head">
        <strong>{label}</strong>
        <span className="muted">{help}</span>
      </div>
      <div className="copy-link-row">
        <input readOnly value={url} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy} aria-label={t('copy.copy', { what: label })}>
          {state === 'copied' ? t('copy.copied') : t('copy.copy', { what: label })}
        </button>
      </div>
      {state === 'failed' && (
        <p role="alert" className="error">
          {t('copy.failed')}
        </p>
      )}
    </div>
  )
}
