/**
 * How the panels name things of the domain, in the UI language: element types with their kind ("Actor
 * (Organisation)"), link lines ("provides → Financial support"), link kinds. The vocabulary itself lives
 * in shared `i18n/terms.ts`, so the panels say what the canvas, the legend and the exports say.
 */
import {
  ELEMENT_TYPE_NAMES,
  KINDS_BY_TYPE,
  LINK_KIND_NAMES,
  kindName,
  type ElementType,
  type Language,
  type LinkKind,
} from '@circleboard/shared'

/** The type of an element in words, with its kind when the type has kinds: "Actor (Organisation)". */
export function typeText(lang: Language, type: ElementType, kind: string): string {
  const name = ELEMENT_TYPE_NAMES[lang][type].one
  return (KINDS_BY_TYPE[type]?.length ?? 0) > 1 ? `${name} (${kindName(lang, type, kind)})` : name
}

/** A link line beneath an element: "provides → Financial support", or "← Kommunen provides" for one coming in. */
export function linkLineText(
  lang: Language,
  link: { readonly direction: 'out' | 'in'; readonly kind: LinkKind; readonly otherLabel: string },
  unnamed: string,
): string {
  const verb = LINK_KIND_NAMES[lang][link.kind].verb
  const other = link.otherLabel.trim() === '' ? unnamed : link.otherLabel
  return link.direction === 'out' ? `${verb} → ${other}` : `← ${other} ${verb}`
}

/** A link kind as a noun ("Provides"), for pickers and the properties panel. */
export function linkKindText(lang: Language, kind: LinkKind): string {
  return LINK_KIND_NAMES[lang][kind].noun
}

/** A label for display: the label, or the word for "no label" when it is empty. */
export function shownLabel(label: string, unnamed: string): string {
  const trimmed = label.replace(/\s+/g, ' ').trim()
  return trimmed === '' ? unnamed : trimmed
}
