/**
 * The properties of what is selected: one element (type, kind, label, organisation, arena, colour, tags,
 * stacking, duplicate, connect, delete, provenance), one link (kind, label, ends, delete, provenance), or
 * several elements (align, distribute, type, colour, delete). Each field changes the document through
 * one model operation; each control has a label and works from the keyboard.
 */
import { useState } from 'react'
import {
  ELEMENT_TYPE_NAMES,
  ELEMENT_TYPES,
  KINDS_BY_TYPE,
  LINK_KINDS,
  kindName,
  type ElementType,
  type LinkKind,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { duplicateSelection, restack } from '../board/actions.js'
import { useBoardRevision, useElementData, useLinkData } from './hooks.js'
import { LabelInput, ResourceOptions } from './fields.js'
import { ColorField, ProvenanceLine, TagsField } from './PropertyFields.js'
import { ConnectDialog } from './ConnectDialog.js'
import { ElementPicker } from './ElementPicker.js'
import { arenaChoices, organisationChoices } from './propertiesModel.js'
import {
  deleteRecords,
  reconnect,
  restackStep,
  retype,
  setArena,
  setKindOfLink,
  setOrganisation,
} from './editing.js'
import { linkKindText, shownLabel, typeText } from './words.js'

/** Properties of one element. */
export function ElementProperties({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const e = useElementData(id)
  useBoardRevision() // organisations and arenas to choose from change with the board
  const [connecting, setConnecting] = useState(false)
  if (!e) return null
  const readOnly = model.readOnly
  const unnamed = t('outline.unnamed')
  const all = model.store.allElements()
  const orgs = organisationChoices(all, e.id)
  const arenas = arenaChoices(all, e.type)
  const kinds = KINDS_BY_TYPE[e.type] ?? []
  const label = shownLabel(e.label, unnamed)

  return (
    <div className="props" data-testid="element-properties">
      <h3>{typeText(lang, e.type, e.kind)}</h3>
      <label className="field">
        {t('props.label')}
        <LabelInput target="element" id={e.id} label={t('props.label')} />
      </label>
      <label className="field">
        {t('props.type')}
        <select
          value={e.type}
          disabled={readOnly}
          onChange={(ev) => retype(model, [e.id], ev.target.value as ElementType)}
        >
          {ELEMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {ELEMENT_TYPE_NAMES[lang][type].one}
            </option>
          ))}
        </select>
      </label>
      {kinds.length > 1 && (
        <label className="field">
          {t('props.kind')}
          <select
            value={e.kind}
            disabled={readOnly}
            onChange={(ev) => retype(model, [e.id], e.type, ev.target.value)}
          >
            {e.type === 'resource' ? (
              <ResourceOptions lang={lang} bare />
            ) : (
              kinds.map((k) => (
                <option key={k} value={k}>
                  {kindName(lang, e.type, k)}
                </option>
              ))
            )}
          </select>
        </label>
      )}
      {(orgs.length > 0 || e.org !== null) && (
        <label className="field">
          {t('props.org')}
          <select
            value={e.org ?? ''}
            disabled={readOnly}
            onChange={(ev) => setOrganisation(model, [e.id], ev.target.value === '' ? null : ev.target.value)}
          >
            <option value="">{t('props.none')}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {shownLabel(o.label, unnamed)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(arenas.length > 0 || e.arena !== null) && (
        <label className="field">
          {t('props.arena')}
          <select
            value={e.arena ?? ''}
            disabled={readOnly}
            onChange={(ev) => setArena(model, [e.id], ev.target.value === '' ? null : ev.target.value)}
          >
            <option value="">{t('props.none')}</option>
            {arenas.map((a) => (
              <option key={a.id} value={a.id}>
                {shownLabel(a.label, unnamed)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ColorField ids={[e.id]} color={e.color} />
      <TagsField id={e.id} tags={e.tags} />
      <fieldset className="prop-group">
        <legend>{t('props.arrange')}</legend>
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => restack(model, 'front')}
          >
            {t('props.toFront')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => restackStep(model, [e.id], 'forward')}
          >
            {t('props.forward')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => restackStep(model, [e.id], 'backward')}
          >
            {t('props.backward')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => restack(model, 'back')}
          >
            {t('props.toBack')}
          </button>
        </div>
      </fieldset>
      {connecting ? (
        <ConnectDialog
          from={e.id}
          onClose={(linkId) => {
            setConnecting(false)
            if (linkId) model.selection.set([], [linkId])
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => duplicateSelection(model)}
          >
            {t('props.duplicate')}
          </button>
          <button type="button" className="secondary" disabled={readOnly} onClick={() => setConnecting(true)}>
            {t('props.connect')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            aria-label={t('props.deleteNamed', { label })}
            onClick={() => deleteRecords(model, [e.id], [])}
          >
            {t('props.delete')}
          </button>
        </div>
      )}
      <ProvenanceLine data={e} />
    </div>
  )
}

/** Properties of one link. */
export function LinkProperties({ id }: { id: string }) {
  const { t, lang } = useI18n()
  const model = useBoardModel()
  const link = useLinkData(id)
  const [changing, setChanging] = useState<'from' | 'to' | null>(null)
  if (!link) return null
  const readOnly = model.readOnly
  const unnamed = t('outline.unnamed')
  const from = model.store.element(link.from)
  const to = model.store.element(link.to)
  const endLine = (end: 'from' | 'to') => {
    const el = end === 'from' ? from : to
    const text = el ? `${typeText(lang, el.type, el.kind)}: ${shownLabel(el.label, unnamed)}` : '?'
    if (changing === end)
      return (
        <ElementPicker
          label={t(end === 'from' ? 'props.newFrom' : 'props.newTo')}
          exclude={new Set([link.from, link.to])}
          autoFocus
          onPick={(pick) => {
            reconnect(model, link.id, end, pick)
            setChanging(null)
          }}
          onCancel={() => setChanging(null)}
        />
      )
    return (
      <p className="link-end">
        <span>
          {t(end === 'from' ? 'props.from' : 'props.to')}: {text}
        </span>{' '}
        <button
          type="button"
          className="link-button"
          disabled={readOnly}
          aria-label={t(end === 'from' ? 'props.changeFrom' : 'props.changeTo')}
          onClick={() => setChanging(end)}
        >
          {t('connect.change')}
        </button>
      </p>
    )
  }
  return (
    <div className="props" data-testid="link-properties">
      <h3>{t('props.link')}</h3>
      <label className="field">
        {t('props.linkKind')}
        <select
          value={link.kind}
          disabled={readOnly}
          onChange={(e) => setKindOfLink(model, link.id, e.target.value as LinkKind)}
        >
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {linkKindText(lang, k)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('props.linkLabel')}
        <LabelInput target="link" id={link.id} label={t('props.linkLabel')} />
      </label>
      {endLine('from')}
      {endLine('to')}
      <div className="button-row">
        <button
          type="button"
          className="danger"
          disabled={readOnly}
          onClick={() => deleteRecords(model, [], [link.id])}
        >
          {t('props.deleteLink')}
        </button>
      </div>
      <ProvenanceLine data={link} />
    </div>
  )
}
