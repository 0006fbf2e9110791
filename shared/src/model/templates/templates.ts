/**
 * The template registry and `applyTemplate`, which writes a template's content into a board in the
 * language chosen, as one transaction with the context's origin (so the person who applied it can undo it).
 */
import type * as Y from 'yjs'
import type { BoardData, ElementData, LinkData, MeetingData } from '../types.js'
import { LANGUAGES, type Language } from '../../i18n/terms.js'
import { ModelError, ModelErrorCode } from '../errors.js'
import { show } from '../fields.js'
import { checkContext, createdStamp, edit, newIdOf, originOf, type EditContext } from '../context.js'
import { ELEMENT_SPECS } from '../elements/element.js'
import { readBoard } from '../readBoard.js'
import { boardMaps, writeBoard } from '../writeBoard.js'
import { keysAfter } from '../zOrder.js'
import type { TemplateContent, TemplateDefinition, TemplateInfo } from './templateTypes.js'
import { blankTemplate } from './blank.js'
import { resourceIntegrationTemplate } from './resourceIntegration.js'
import { stakeholderMapTemplate } from './stakeholderMap.js'
import { valueCoCreationTemplate } from './valueCoCreation.js'
import { exampleTemplate } from './example.js'

/** Template names, in the order the create dialog lists them. */
export const TEMPLATE_NAMES = [
  'blank',
  'resource-integration',
  'stakeholder-map',
  'value-co-creation',
  'example',
] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

const TEMPLATES: Readonly<Record<TemplateName, TemplateDefinition>> = {
  blank: blankTemplate,
  'resource-integration': resourceIntegrationTemplate,
  'stakeholder-map': stakeholderMapTemplate,
  'value-co-creation': valueCoCreationTemplate,
  example: exampleTemplate,
}

/** True when `name` is a template name. */
export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(name)
}

/** A template's name and description in `lang`, for the create dialog. */
export function templateInfo(name: TemplateName, lang: Language): TemplateInfo {
  return TEMPLATES[name].info[lang]
}

/** A template's content (texts in both languages). */
export function templateContent(name: TemplateName): TemplateContent {
  return TEMPLATES[name].content()
}

/** Space between what was on the board and a template added beside it. */
const BESIDE_GAP = 240

/** What `applyTemplate` did. */
export interface AppliedTemplate {
  /** Board id of each template id. */
  readonly ids: ReadonlyMap<string, string>
}

/**
 * Writes template `name` into `doc` in `lang`, stamped with `ctx`, and records it in `meta.template` (and
 * the template's title when the board has none). On a board that already has elements, the template is
 * placed to the right of them. Template ids are kept when all are free, else every record gets a new id.
 * The example's meetings are added unless the board has meetings of those numbers.
 */
export function applyTemplate(
  doc: Y.Doc,
  name: TemplateName,
  lang: Language,
  ctx: EditContext,
): AppliedTemplate {
  checkContext(ctx)
  if (!isTemplateName(name)) throw new ModelError(ModelErrorCode.unknownTemplate, `no template ${show(name)}`)
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    throw new ModelError(
      ModelErrorCode.invalidInput,
      `language ${show(lang)} is not one of ${LANGUAGES.join(', ')}`,
    )
  }
  const content = TEMPLATES[name].content()
  const maps = boardMaps(doc)
  const current = readBoard(doc)

  const allIds = [...content.elements, ...content.links, ...content.meetings].map((r) => r.id)
  const taken = [...maps.elements.keys(), ...maps.links.keys(), ...maps.meetings.keys()]
  const keep = !allIds.some((id) => taken.includes(id))
  const ids = new Map(allIds.map((id) => [id, keep ? id : newIdOf(ctx)]))
  const idOf = (id: string): string => ids.get(id) as string

  let dx = 0
  let dy = 0
  if (current.elements.length > 0 && content.elements.length > 0) {
    const right = Math.max(...current.elements.map((el) => el.x + el.w))
    const top = Math.min(...current.elements.map((el) => el.y))
    dx = right + BESIDE_GAP - Math.min(...content.elements.map((el) => el.x))
    dy = top - Math.min(...content.elements.map((el) => el.y))
  }

  // Arenas first, so they stack beneath the elements they frame.
  const ordered = [
    ...content.elements.filter((el) => el.type === 'arena'),
    ...content.elements.filter((el) => el.type !== 'arena'),
  ]
  const keys = keysAfter(
    current.elements.map((el) => el.z),
    ordered.length,
  )
  const stamp = createdStamp(ctx)
  const elements: ElementData[] = ordered.map((el, i) => {
    const spec = ELEMENT_SPECS[el.type]
    const meeting = el.meeting ?? stamp.meeting
    return {
      id: idOf(el.id),
      type: el.type,
      kind: el.kind ?? (spec.kinds[0] as string),
      x: el.x + dx,
      y: el.y + dy,
      w: el.w ?? spec.defaultSize.w,
      h: el.h ?? spec.defaultSize.h,
      label: el.label[lang],
      org: el.org === undefined ? null : idOf(el.org),
      arena: el.arena === undefined ? null : idOf(el.arena),
      color: el.color ?? null,
      z: keys[i] as string,
      tags: [...(el.tags ?? [])],
      ...stamp,
      meeting,
      updatedMeeting: meeting,
      extra: {},
    }
  })
  const links: LinkData[] = content.links.map((link) => ({
    id: idOf(link.id),
    from: idOf(link.from),
    to: idOf(link.to),
    kind: link.kind,
    label: link.label?.[lang] ?? '',
    ...stamp,
    meeting: link.meeting ?? stamp.meeting,
    updatedMeeting: link.meeting ?? stamp.meeting,
    extra: {},
  }))
  const numbers = new Set(current.meetings.map((m) => m.number))
  const meetings: MeetingData[] = content.meetings
    .filter((m) => !numbers.has(m.number))
    .map((m) => ({
      id: idOf(m.id),
      number: m.number,
      title: m.title[lang],
      date: m.date,
      agenda: [],
      attendees: [],
      startedAt: null,
      endedAt: null,
      extra: {},
    }))

  const data: BoardData = {
    meta: current.meta,
    elements,
    links,
    meetings,
    people: [],
    invalid: [],
    comments: [],
  }
  edit(doc, ctx, () => {
    writeBoard(doc, data, originOf(ctx), { meta: false })
    maps.meta.set('template', name)
    if (current.meta.title === '' && content.title !== null) maps.meta.set('title', content.title[lang])
  })
  return { ids }
}
