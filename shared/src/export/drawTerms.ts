/**
 * The words the drawn exports (SVG, PDF) print besides the domain terms of `i18n/terms.ts`: headings, the
 * empty-board notice, table columns. English and Swedish, like the rest of the UI.
 */
import type { Language } from '../i18n/terms.js'

/** Words of the drawn exports in one language. */
export interface DrawTerms {
  readonly untitled: string
  readonly emptyBoard: string
  readonly meeting: string
  /** "48 elements", lower case, after a number. */
  readonly elementCount: string
  readonly linkCount: string
  readonly exported: string
  readonly elementTable: string
  readonly linkTable: string
  readonly continued: string
  readonly invalidNotDrawn: string
  readonly columns: {
    readonly type: string
    readonly kind: string
    readonly label: string
    readonly org: string
    readonly tags: string
    readonly meeting: string
    readonly from: string
    readonly link: string
    readonly to: string
  }
}

/** The drawn exports' words in English and Swedish. */
export const DRAW_TERMS: Readonly<Record<Language, DrawTerms>> = {
  en: {
    untitled: 'Untitled board',
    emptyBoard: 'The board is empty.',
    meeting: 'Meeting',
    elementCount: 'elements',
    linkCount: 'links',
    exported: 'Exported',
    elementTable: 'Elements',
    linkTable: 'Links',
    continued: 'continued',
    invalidNotDrawn: 'invalid records not drawn',
    columns: {
      type: 'Type',
      kind: 'Kind',
      label: 'Label',
      org: 'Organisation',
      tags: 'Tags',
      meeting: 'Meeting',
      from: 'From',
      link: 'Link',
      to: 'To',
    },
  },
  sv: {
    untitled: 'Namnlös tavla',
    emptyBoard: 'Tavlan är tom.',
    meeting: 'Möte',
    elementCount: 'element',
    linkCount: 'kopplingar',
    exported: 'Exporterad',
    elementTable: 'Element',
    linkTable: 'Kopplingar',
    continued: 'forts.',
    invalidNotDrawn: 'ogiltiga poster visas inte',
    columns: {
      type: 'Typ',
      kind: 'Sort',
      label: 'Benämning',
      org: 'Organisation',
      tags: 'Taggar',
      meeting: 'Möte',
      from: 'Från',
      link: 'Koppling',
      to: 'Till',
    },
  },
}
