/**
 * The properties of several selected elements (and links): align, distribute, type, colour, delete. Part
 * of the panels' lazily loaded interface (ui.ts).
 */
import { ELEMENT_TYPE_NAMES, ELEMENT_TYPES, type ElementType } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { alignSelection, distributeSelection, selectedElements, type Alignment } from '../board/actions.js'
import { useBoardRevision, useSelectionState } from './hooks.js'
import { ColorField } from './PropertyFields.js'
import { commonType } from './propertiesModel.js'
import { deleteRecords, retype } from './editing.js'

const ALIGN: readonly [
  Alignment,
  (
    | 'props.alignLeft'
    | 'props.alignCenter'
    | 'props.alignRight'
    | 'props.alignTop'
    | 'props.alignMiddle'
    | 'props.alignBottom'
  ),
][] = [
  ['left', 'props.alignLeft'],
  ['center', 'props.alignCenter'],
  ['right', 'props.alignRight'],
  ['top', 'props.alignTop'],
  ['middle', 'props.alignMiddle'],
  ['bottom', 'props.alignBottom'],
]

/** Several selected elements (and links): align, distribute, type, colour, delete. */
export function MultiProperties() {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const selection = useSelectionState()
  useBoardRevision()
  const els = selectedElements(model)
  const ids = els.map((e) => e.id)
  const type = commonType(els)
  const readOnly = model.readOnly
  const firstColor = els[0]?.color ?? null
  const sameColor = els.every((e) => e.color === firstColor)
  return (
    <div className="props" data-testid="multi-properties">
      <h3>{t('props.several', { elements: els.length, links: selection.links.size })}</h3>
      {els.length >= 2 && (
        <fieldset className="prop-group">
          <legend>{t('props.align')}</legend>
          <div className="button-row">
            {ALIGN.map(([how, key]) => (
              <button
                key={how}
                type="button"
                className="secondary"
                disabled={readOnly}
                onClick={() => alignSelection(model, how)}
              >
                {t(key)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {els.length >= 3 && (
        <fieldset className="prop-group">
          <legend>{t('props.distribute')}</legend>
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              disabled={readOnly}
              onClick={() => distributeSelection(model, 'horizontal')}
            >
              {t('props.distributeH')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={readOnly}
              onClick={() => distributeSelection(model, 'vertical')}
            >
              {t('props.distributeV')}
            </button>
          </div>
        </fieldset>
      )}
      {els.length > 0 && (
        <label className="field">
          {t('props.typeOfAll')}
          <select
            value={type ?? ''}
            disabled={readOnly}
            onChange={(e) => {
              if (e.target.value !== '') retype(model, ids, e.target.value as ElementType)
            }}
          >
            {type === null && <option value="">{t('props.mixed')}</option>}
            {ELEMENT_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {ELEMENT_TYPE_NAMES[lang][ty].one}
              </option>
            ))}
          </select>
        </label>
      )}
      {els.length > 0 && <ColorField ids={ids} color={sameColor ? firstColor : null} />}
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => deleteRecords(model, ids, [...selection.links])}
        >
          {t('props.deleteSelection')}
        </button>
      </div>
    </div>
  )
}
