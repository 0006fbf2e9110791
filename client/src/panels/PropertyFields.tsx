/**
 * Fields of the properties panel: colour (a palette of named swatches as a radio group, the type's
 * default, and a custom colour), tags (removable chips and a field to add more), and the provenance line.
 */
import { useId, useState } from 'react'
import type { Provenance } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { usePersonName } from './hooks.js'
import {
  PALETTE,
  addTags,
  addedParts,
  changedParts,
  paletteEntry,
  parseCustomColor,
  provenanceSentence,
  toColorInput,
} from './propertiesModel.js'
import { setColor, setTags } from './editing.js'

/** The colour of elements: palette, default, or custom. */
export function ColorField({ ids, color }: { ids: readonly string[]; color: string | null }) {
  const { t } = useI18n()
  const model = useBoardModel()
  const name = useId()
  const [custom, setCustom] = useState('')
  const [invalid, setInvalid] = useState(false)
  const current = paletteEntry(color)
  const readOnly = model.readOnly
  const applyCustom = (): void => {
    if (custom.trim() === '') return
    const parsed = parseCustomColor(custom)
    setInvalid(parsed === null)
    if (parsed) setColor(model, ids, parsed)
  }
  return (
    <fieldset className="prop-group color-field">
      <legend>{t('props.color')}</legend>
      <div className="swatches">
        <label className="swatch swatch-default" title={t('props.colorDefault')}>
          <input
            type="radio"
            name={name}
            checked={color === null}
            disabled={readOnly}
            onChange={() => setColor(model, ids, null)}
          />
          <span className="visually-hidden">{t('props.colorDefault')}</span>
        </label>
        {PALETTE.map((p) => (
          <label key={p.name} className="swatch" title={t(`color.${p.name}`)}>
            <input
              type="radio"
              name={name}
              checked={current?.name === p.name}
              disabled={readOnly}
              onChange={() => setColor(model, ids, p.hex)}
            />
            <span className="swatch-chip" style={{ background: p.hex }} aria-hidden="true" />
            <span className="visually-hidden">{t(`color.${p.name}`)}</span>
          </label>
        ))}
      </div>
      <div className="custom-color">
        <input
          type="color"
          aria-label={t('props.colorPick')}
          value={toColorInput(color)}
          disabled={readOnly}
          onChange={(e) => setColor(model, ids, e.target.value)}
        />
        <input
          aria-label={t('props.colorCustom')}
          placeholder={color !== null && current === null ? color : '#AABBCC'}
          value={custom}
          disabled={readOnly}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setCustom(e.target.value)
            setInvalid(false)
          }}
          onBlur={applyCustom}
          onKeyDown={(e) => {
            e.stopPropagation()
            if (e.key === 'Enter') {
              e.preventDefault()
              applyCustom()
            }
          }}
        />
      </div>
      {invalid && (
        <p className="error" role="alert">
          {t('props.colorInvalid')}
        </p>
      )}
    </fieldset>
  )
}

/** An element's tags. */
export function TagsField({ id, tags }: { id: string; tags: readonly string[] }) {
  const { t } = useI18n()
  const model = useBoardModel()
  const [text, setText] = useState('')
  const add = (): void => {
    if (text.trim() === '') return
    if (setTags(model, id, addTags(tags, text))) setText('')
  }
  return (
    <fieldset className="prop-group tags-field">
      <legend>{t('props.tags')}</legend>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label={t('props.tags')}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button
                type="button"
                className="icon-button"
                aria-label={t('props.removeTag', { tag })}
                disabled={model.readOnly}
                onClick={() =>
                  setTags(
                    model,
                    id,
                    tags.filter((x) => x !== tag),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <input
          aria-label={t('props.addTag')}
          placeholder={t('props.addTagPlaceholder')}
          value={text}
          disabled={model.readOnly}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            e.stopPropagation()
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button
          type="button"
          className="secondary"
          disabled={model.readOnly || text.trim() === ''}
          onClick={add}
        >
          {t('props.addTagButton')}
        </button>
      </div>
    </fieldset>
  )
}

/** "Added by Anna, meeting 2, 14 Oct 2021" and, when changed since, "Last changed by ...". */
export function ProvenanceLine({ data }: { data: Provenance }) {
  const { t, formatDate } = useI18n()
  const creator = usePersonName(data.createdBy)
  const updater = usePersonName(data.updatedBy)
  const names = new Map<string, string | null>()
  if (data.createdBy) names.set(data.createdBy, creator)
  if (data.updatedBy) names.set(data.updatedBy, updater)
  const nameOf = (id: string): string | null => names.get(id) ?? null
  const words = (by: 'added' | 'changed') => ({
    lead: (who: string | null) =>
      who === null
        ? t(by === 'added' ? 'props.added' : 'props.changed')
        : t(by === 'added' ? 'props.addedBy' : 'props.changedBy', { name: who }),
    meeting: (n: number) => t('props.meeting', { number: n }),
    date: (at: number) => formatDate(at, 'date'),
  })
  const changed = changedParts(data, nameOf)
  return (
    <div className="provenance">
      <p>{provenanceSentence(addedParts(data, nameOf), words('added'))}</p>
      {changed && <p className="muted">{provenanceSentence(changed, words('changed'))}</p>}
    </div>
  )
}
