/**
 * Small form fields bound to the document, shared by the outline and the properties panel: a label field
 * (every keystroke a minimal text edit of the record's Y.Text, like the canvas's label editor) and a
 * select of type and kind.
 */
import { useCallback, useSyncExternalStore } from 'react'
import {
  ELEMENT_TYPES,
  KINDS_BY_TYPE,
  OPERAND_RESOURCE_KINDS,
  OPERANT_RESOURCE_KINDS,
  RESOURCE_CLASS_NAMES,
  ELEMENT_TYPE_NAMES,
  kindName,
  type ElementType,
  type Language,
} from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { useElementData, useLinkData } from './hooks.js'
import { editLabel } from './editing.js'
import { typeText } from './words.js'

/** Props of a label field. */
export interface LabelInputProps {
  readonly target: 'element' | 'link'
  readonly id: string
  readonly label: string
  readonly autoFocus?: boolean
  /** Enter or Escape: editing is over (focus goes back to where it came from). */
  readonly onDone?: () => void
  readonly className?: string
}

/** A text field bound to an element's or a link's label. */
export function LabelInput(props: LabelInputProps) {
  return props.target === 'element' ? <ElementLabelInput {...props} /> : <LinkLabelInput {...props} />
}

function ElementLabelInput(props: LabelInputProps) {
  const value = useElementData(props.id)?.label ?? ''
  return <BoundInput {...props} value={value} />
}

function LinkLabelInput(props: LabelInputProps) {
  const value = useLinkData(props.id)?.label ?? ''
  return <BoundInput {...props} value={value} />
}

function BoundInput({
  target,
  id,
  label,
  autoFocus,
  onDone,
  className,
  value,
}: LabelInputProps & { value: string }) {
  const model = useBoardModel()
  // What a text guard holds back (a personal identity number, say) stays in this field only.
  const subscribe = useCallback((l: () => void) => model.textGuards.subscribe(l), [model])
  const held = useSyncExternalStore(subscribe, () => model.heldText(target, id))
  const done = (): void => {
    model.undo.stopCapturing()
    model.textEditDone(target, id)
  }
  return (
    <input
      className={className}
      aria-label={label}
      value={held ?? value}
      readOnly={model.readOnly}
      autoFocus={autoFocus}
      onFocus={(e) => {
        if (autoFocus) e.currentTarget.select()
      }}
      onChange={(e) => editLabel(model, target, id, e.target.value)}
      onBlur={done}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault()
          done()
          onDone?.()
        }
      }}
    />
  )
}

/** Options of every type with its kinds (`type:kind`), resources grouped operant / operand. */
export function TypeKindOptions({ lang }: { lang: Language }) {
  return (
    <>
      {ELEMENT_TYPES.map((type) => {
        const kinds = KINDS_BY_TYPE[type] ?? []
        const name = ELEMENT_TYPE_NAMES[lang][type].one
        if (kinds.length <= 1)
          return (
            <option key={type} value={`${type}:${kinds[0] ?? 'other'}`}>
              {name}
            </option>
          )
        if (type === 'resource') return <ResourceOptions key={type} lang={lang} prefix={`${name}: `} />
        return (
          <optgroup key={type} label={name}>
            {kinds.map((k) => (
              <option key={k} value={`${type}:${k}`}>
                {typeText(lang, type, k)}
              </option>
            ))}
          </optgroup>
        )
      })}
    </>
  )
}

/** Resource kinds in two groups, operant and operand (and "other"), as `resource:kind` options. */
export function ResourceOptions({
  lang,
  prefix = '',
  bare = false,
}: {
  lang: Language
  prefix?: string
  bare?: boolean
}) {
  const value = (k: string): string => (bare ? k : `resource:${k}`)
  const classes = RESOURCE_CLASS_NAMES[lang]
  return (
    <>
      <optgroup label={`${prefix}${classes.operant}`}>
        {OPERANT_RESOURCE_KINDS.map((k) => (
          <option key={k} value={value(k)}>
            {bare ? kindName(lang, 'resource', k) : typeText(lang, 'resource', k)}
          </option>
        ))}
      </optgroup>
      <optgroup label={`${prefix}${classes.operand}`}>
        {OPERAND_RESOURCE_KINDS.map((k) => (
          <option key={k} value={value(k)}>
            {bare ? kindName(lang, 'resource', k) : typeText(lang, 'resource', k)}
          </option>
        ))}
      </optgroup>
      <option value={value('other')}>
        {bare ? kindName(lang, 'resource', 'other') : typeText(lang, 'resource', 'other')}
      </option>
    </>
  )
}

/** Splits a `type:kind` option value. */
export function parseTypeKind(value: string): { type: ElementType; kind: string } | null {
  const [type, kind] = value.split(':')
  if (!type || !kind || !(ELEMENT_TYPES as readonly string[]).includes(type)) return null
  return { type: type as ElementType, kind }
}

/** A select of type and kind for one element, bound to it. */
export function TypeKindSelect({
  id,
  label,
  autoFocus,
  onDone,
  onChange,
}: {
  id: string
  label: string
  autoFocus?: boolean
  onDone?: () => void
  onChange: (type: ElementType, kind: string) => void
}) {
  const { lang } = useI18n()
  const e = useElementData(id)
  const model = useBoardModel()
  if (!e) return null
  return (
    <select
      aria-label={label}
      value={`${e.type}:${e.kind}`}
      disabled={model.readOnly}
      autoFocus={autoFocus}
      onChange={(ev) => {
        const parsed = parseTypeKind(ev.target.value)
        if (parsed) onChange(parsed.type, parsed.kind)
      }}
      onKeyDown={(ev) => {
        ev.stopPropagation()
        if (ev.key === 'Enter' || ev.key === 'Escape') {
          ev.preventDefault()
          onDone?.()
        }
      }}
      onBlur={() => onDone?.()}
    >
      <TypeKindOptions lang={lang} />
    </select>
  )
}
