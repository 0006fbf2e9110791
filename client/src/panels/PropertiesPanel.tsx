/**
 * The properties panel beside the canvas, for the selection: collapsible (remembered per browser), and
 * showing one element's, one link's, or several elements' properties. It re-renders when the selection
 * changes and, inside, each part subscribes to the records it shows.
 */
import { useState } from 'react'
import { ELEMENT_TYPE_NAMES, ELEMENT_TYPES, type ElementType } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { alignSelection, distributeSelection, selectedElements, type Alignment } from '../board/actions.js'
import { useBoardRevision, useSelectionState } from './hooks.js'
import { ElementProperties, LinkProperties } from './SelectionProperties.js'
import { ColorField } from './PropertyFields.js'
import { commonType } from './propertiesModel.js'
import { deleteRecords, retype } from './editing.js'
import './panels.css'

const KEY = 'circleboard.propertiesOpen'

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false'
  } catch {
    return true
  }
}

/** The aside with the selection's properties. */
export function PropertiesPanel() {
  const { t } = useI18n()
  const selection = useSelectionState()
  const [open, setOpen] = useState(rememberedOpen)
  const toggle = (): void => {
    setOpen((o) => {
      try {
        localStorage.setItem(KEY, String(!o))
      } catch {
        // not remembered
      }
      return !o
    })
  }
  const elements = [...selection.elements]
  const links = [...selection.links]
  let body: React.ReactNode
  if (elements.length === 1 && links.length === 0)
    body = <ElementProperties key={elements[0]} id={elements[0]!} />
  else if (elements.length === 0 && links.length === 1)
    body = <LinkProperties key={links[0]} id={links[0]!} />
  else if (elements.length + links.length > 1) body = <MultiProperties />
  else body = <p className="muted">{t('props.empty')}</p>

  return (
    <aside className={`properties-panel${open ? '' : ' is-collapsed'}`} aria-label={t('props.title')}>
      <h2 className="properties-head">
        <button type="button" className="properties-toggle" aria-expanded={open} onClick={toggle}>
          <span aria-hidden="true">{open ? '▸' : '◂'}</span> {t('props.title')}
        </button>
      </h2>
      {open && <div className="properties-body">{body}</div>}
    </aside>
  )
}

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
function MultiProperties() {
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
