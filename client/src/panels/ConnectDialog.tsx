/**
 * Connecting from the keyboard: pick the other element from a searchable list, then the kind of link
 * (preset from the two types, as the canvas's connect tool does), then Connect. Used by the outline and the
 * properties panel.
 */
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { LINK_KINDS, type LinkKind } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { defaultLinkKind } from '../tools/linkKinds.js'
import { ElementPicker } from './ElementPicker.js'
import { connectElements } from './editing.js'
import { linkKindText, shownLabel } from './words.js'

/** Props of the dialog. */
export interface ConnectDialogProps {
  readonly from: string
  /** Called with the new link's id, or `null` when cancelled or refused. */
  readonly onClose: (linkId: string | null) => void
}

export function ConnectDialog({ from, onClose }: ConnectDialogProps) {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const source = model.store.element(from)
  const [target, setTarget] = useState<string | null>(null)
  const [kind, setKind] = useState<LinkKind | null>(null)
  const kindSelect = useRef<HTMLSelectElement>(null)
  const exclude = useMemo(() => new Set([from]), [from])
  const other = target ? model.store.element(target) : undefined
  const unnamed = t('outline.unnamed')
  if (!source) return null
  const chosenKind = kind ?? (other ? defaultLinkKind(source.type, other.type) : 'relates')

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (!target) return
    onClose(connectElements(model, from, target, chosenKind))
  }

  return (
    <form
      className="connect-dialog"
      role="dialog"
      aria-label={t('connect.title', { label: shownLabel(source.label, unnamed) })}
      onSubmit={submit}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape') {
          e.preventDefault()
          onClose(null)
        }
      }}
    >
      <h3>{t('connect.title', { label: shownLabel(source.label, unnamed) })}</h3>
      {other ? (
        <p>
          {t('connect.to', { label: shownLabel(other.label, unnamed) })}{' '}
          <button type="button" className="link-button" onClick={() => setTarget(null)}>
            {t('connect.change')}
          </button>
        </p>
      ) : (
        <ElementPicker
          label={t('connect.target')}
          exclude={exclude}
          autoFocus
          onPick={(id) => {
            setTarget(id)
            requestAnimationFrame(() => kindSelect.current?.focus())
          }}
          onCancel={() => onClose(null)}
        />
      )}
      <label className="field">
        {t('connect.kind')}
        <select ref={kindSelect} value={chosenKind} onChange={(e) => setKind(e.target.value as LinkKind)}>
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {linkKindText(lang, k)}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="submit" disabled={!target}>
          {t('connect.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => onClose(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
