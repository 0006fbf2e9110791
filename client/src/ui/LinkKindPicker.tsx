/**
 * Picks the kind of a link right after it was drawn (and from the properties panel): a small radio group
 * next to the link, keyboard-operable, naming each kind as a verb ("provides", "contributes to").
 */
import { useEffect, useRef } from 'react'
import { LINK_KINDS, LINK_KIND_NAMES, setLinkKind, type LinkKind, type Point } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { attempt } from '../board/actions.js'

export function LinkKindPicker({ linkId, at, onClose }: { linkId: string; at: Point; onClose: () => void }) {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const current = model.store.link(linkId)?.kind
  const first = useRef<HTMLInputElement>(null)
  const screen = model.camera.toScreen(at)
  useEffect(() => {
    first.current?.focus()
  }, [])
  if (!current) return null
  const choose = (kind: LinkKind): void => {
    attempt(model, () => setLinkKind(model.doc, linkId, kind, model.editContext()))
  }
  return (
    <div
      className="canvas-overlay link-picker"
      role="dialog"
      aria-label={t('linkPicker.title')}
      style={{ left: screen.x + 8, top: screen.y + 8 }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' || e.key === 'Enter') onClose()
      }}
    >
      <fieldset>
        <legend>{t('linkPicker.title')}</legend>
        {LINK_KINDS.map((kind, i) => (
          <label key={kind} className={`link-kind link-kind-${kind}`}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={`link-kind-${linkId}`}
              value={kind}
              checked={current === kind}
              onChange={() => choose(kind)}
            />
            {LINK_KIND_NAMES[lang][kind].noun}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={onClose}>
        {t('linkPicker.done')}
      </button>
    </div>
  )
}
