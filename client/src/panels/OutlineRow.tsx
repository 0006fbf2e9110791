/**
 * One item of the outline: its head (type in words, label; or the rename field, the type select) with
 * buttons for pointer users, and its link lines as a nested list. Every head and link line is a stop of
 * the list's roving tabindex (`data-stop`).
 */
import type { ElementType } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { LabelInput, TypeKindSelect } from './fields.js'
import { linkLineText, shownLabel, typeText } from './words.js'
import type { OutlineItem, OutlineStop } from './outlineModel.js'
import { stopKey } from './outlineModel.js'
import { ITEM_HEAD_PX, LINK_LINE_PX } from './outlineLayout.js'

/** What the row's buttons ask for. */
export type OutlineAction = 'rename' | 'retype' | 'connect' | 'delete'

/** Props of a row. */
export interface OutlineRowProps {
  readonly item: OutlineItem
  readonly index: number
  readonly setSize: number
  readonly top: number
  readonly activeKey: string | null
  readonly selected: boolean
  readonly selectedLinks: ReadonlySet<string>
  readonly editing: 'rename' | 'retype' | null
  readonly onFocusStop: (stop: OutlineStop) => void
  readonly onChoose: (stop: OutlineStop) => void
  readonly onAction: (action: OutlineAction, stop: OutlineStop) => void
  readonly onRetype: (type: ElementType, kind: string) => void
  readonly onEndEditing: () => void
}

export function OutlineRow(props: OutlineRowProps) {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const { item, index, activeKey } = props
  const unnamed = t('outline.unnamed')
  const head: OutlineStop = { index, link: null }
  const headKey = stopKey([item], { index: 0, link: null })
  const stopProps = (key: string, stop: OutlineStop) => ({
    'data-stop': key,
    tabIndex: key === activeKey ? 0 : -1,
    onFocus: () => props.onFocusStop(stop),
    onClick: () => props.onChoose(stop),
  })

  if (item.item === 'invalid') {
    return (
      <div
        role="listitem"
        className="outline-item is-invalid"
        style={{ top: props.top, height: ITEM_HEAD_PX }}
        aria-setsize={props.setSize}
        aria-posinset={index + 1}
      >
        <div
          className="outline-head outline-stop"
          {...stopProps(headKey, head)}
          title={item.problems.join('\n')}
        >
          <span className="outline-type">
            {t('outline.invalid', { collection: t(`outline.collection.${item.collection}`) })}
          </span>
          <span className="outline-label">
            {item.id}: {item.problems.join('; ')}
          </span>
        </div>
      </div>
    )
  }

  const label = shownLabel(item.label, unnamed)
  const type = typeText(lang, item.type, item.kind)
  const readOnly = model.readOnly
  const button = (action: OutlineAction, text: string, glyph: string) => (
    <button
      type="button"
      className="icon-button outline-action"
      tabIndex={-1}
      aria-label={text}
      title={text}
      disabled={readOnly}
      onClick={(e) => {
        e.stopPropagation()
        props.onAction(action, head)
      }}
    >
      {glyph}
    </button>
  )

  return (
    <div
      role="listitem"
      className={`outline-item type-${item.type}${props.selected ? ' is-selected' : ''}`}
      style={{ top: props.top, height: ITEM_HEAD_PX + item.links.length * LINK_LINE_PX }}
      aria-setsize={props.setSize}
      aria-posinset={index + 1}
    >
      <div
        className="outline-head outline-stop"
        {...stopProps(headKey, head)}
        aria-current={props.selected || undefined}
      >
        <span className={`outline-swatch swatch-${item.type}`} aria-hidden="true" />
        <span className="outline-text">
          {props.editing === 'retype' ? (
            <TypeKindSelect
              id={item.id}
              label={t('outline.typeOf', { label })}
              autoFocus
              onChange={props.onRetype}
              onDone={props.onEndEditing}
            />
          ) : (
            <span className="outline-type">{type}</span>
          )}
          {props.editing === 'rename' ? (
            <LabelInput
              target="element"
              id={item.id}
              label={t('outline.labelOf', { type })}
              className="outline-rename"
              autoFocus
              onDone={props.onEndEditing}
            />
          ) : (
            <span className={`outline-label${item.label.trim() === '' ? ' muted' : ''}`}>{label}</span>
          )}
        </span>
        {props.editing === null && (
          <span className="outline-actions">
            {button('rename', t('outline.rename', { label }), '✎')}
            {button('retype', t('outline.retype', { label }), '⇄')}
            {button('connect', t('outline.connect', { label }), '→')}
            {button('delete', t('outline.delete', { label }), '×')}
          </span>
        )}
      </div>
      {item.links.length > 0 && (
        <div role="list" className="outline-links" aria-label={t('outline.linksOf', { label })}>
          {item.links.map((l, i) => {
            const stop: OutlineStop = { index, link: i }
            const key = `l:${item.id}:${l.linkId}`
            return (
              <div
                key={l.linkId + l.direction}
                role="listitem"
                className={`outline-link outline-stop link-${l.kind}${props.selectedLinks.has(l.linkId) ? ' is-selected' : ''}`}
                {...stopProps(key, stop)}
              >
                {linkLineText(lang, l, unnamed)}
                {l.label.trim() !== '' && <span className="muted"> ({l.label})</span>}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
