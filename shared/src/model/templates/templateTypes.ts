/**
 * Templates are plain data: elements, links and meetings with their texts in both UI languages. Ids are
 * the template's own; `applyTemplate` keeps them when they are free in the document (two peers seeding the
 * same template at once then create the same records rather than two copies) and makes fresh ones otherwise.
 */
import type { ElementType, LinkKind } from '../types.js'

/** A text in both UI languages. */
export interface TemplateText {
  readonly en: string
  readonly sv: string
}

/** One element of a template. */
export interface TemplateElement {
  readonly id: string
  readonly type: ElementType
  /** Default: the type's default kind. */
  readonly kind?: string
  readonly x: number
  readonly y: number
  /** Default: the type's size. */
  readonly w?: number
  readonly h?: number
  readonly label: TemplateText
  /** Template id of the organisation actor it belongs to. */
  readonly org?: string
  /** Template id of the arena that holds it. */
  readonly arena?: string
  readonly color?: string
  readonly tags?: readonly string[]
  /** Meeting number it was added in (the example board); default: the context's meeting. */
  readonly meeting?: number
}

/** One link of a template. */
export interface TemplateLink {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly kind: LinkKind
  readonly label?: TemplateText
  readonly meeting?: number
}

/** One meeting of a template (the example board's history). */
export interface TemplateMeeting {
  readonly id: string
  readonly number: number
  readonly date: string
  readonly title: TemplateText
}

/** What a template puts on the board. */
export interface TemplateContent {
  readonly elements: readonly TemplateElement[]
  readonly links: readonly TemplateLink[]
  readonly meetings: readonly TemplateMeeting[]
  /** Suggested board title, used when the board has none yet. */
  readonly title: TemplateText | null
}

/** Name and description of a template in one language, for the create dialog. */
export interface TemplateInfo {
  readonly name: string
  readonly description: string
}

/** A template: its texts for the create dialog and its content. */
export interface TemplateDefinition {
  readonly info: { readonly en: TemplateInfo; readonly sv: TemplateInfo }
  readonly content: () => TemplateContent
}
