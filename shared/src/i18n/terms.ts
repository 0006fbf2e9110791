/**
 * The domain vocabulary in the two UI languages, for everything that names element types, kinds and link
 * kinds: the canvas legend and properties panel, the outline, and every export (SVG legend, PDF, Markdown
 * minutes, CSV headers stay English). One place, so a resource is called the same everywhere.
 */
import type { ElementType, LinkKind } from '../model/types.js'

/** UI languages. */
export const LANGUAGES = ['en', 'sv'] as const
export type Language = (typeof LANGUAGES)[number]

/** Singular and plural of each element type. */
export const ELEMENT_TYPE_NAMES: Readonly<
  Record<Language, Record<ElementType, { one: string; many: string }>>
> = {
  en: {
    actor: { one: 'Actor', many: 'Actors' },
    resource: { one: 'Resource', many: 'Resources' },
    value: { one: 'Value outcome', many: 'Value outcomes' },
    note: { one: 'Note', many: 'Notes' },
    barrier: { one: 'Barrier', many: 'Barriers' },
    arena: { one: 'Arena', many: 'Arenas' },
  },
  sv: {
    actor: { one: 'Aktör', many: 'Aktörer' },
    resource: { one: 'Resurs', many: 'Resurser' },
    value: { one: 'Värdeutfall', many: 'Värdeutfall' },
    note: { one: 'Anteckning', many: 'Anteckningar' },
    barrier: { one: 'Hinder', many: 'Hinder' },
    arena: { one: 'Arena', many: 'Arenor' },
  },
}

/** Names of element kinds (subtypes). Keys are the stored kind strings. */
export const KIND_NAMES: Readonly<Record<Language, Record<string, string>>> = {
  en: {
    organization: 'Organisation',
    role: 'Role',
    person: 'Person',
    group: 'Group',
    'service-user': 'Service user',
    knowledge: 'Knowledge',
    competence: 'Competence',
    mandate: 'Mandate',
    network: 'Network',
    funding: 'Funding',
    time: 'Time',
    facilities: 'Facilities',
    data: 'Data',
    systems: 'Systems',
    society: 'Society',
    other: 'Other',
  },
  sv: {
    organization: 'Organisation',
    role: 'Roll',
    person: 'Person',
    group: 'Grupp',
    'service-user': 'Brukare',
    knowledge: 'Kunskap',
    competence: 'Kompetens',
    mandate: 'Mandat',
    network: 'Nätverk',
    funding: 'Finansiering',
    time: 'Tid',
    facilities: 'Lokaler',
    data: 'Data',
    systems: 'System',
    society: 'Samhället',
    other: 'Övrigt',
  },
}

/** Value kinds read differently from actor kinds of the same key ("for the service user"). */
export const VALUE_KIND_NAMES: Readonly<Record<Language, Record<string, string>>> = {
  en: { 'service-user': 'For the service user', organization: 'For an organisation', society: 'For society' },
  sv: { 'service-user': 'För brukaren', organization: 'För en organisation', society: 'För samhället' },
}

/** Link kinds as verbs ("A provides B") and as nouns for legends. */
export const LINK_KIND_NAMES: Readonly<Record<Language, Record<LinkKind, { verb: string; noun: string }>>> = {
  en: {
    provides: { verb: 'provides', noun: 'Provides' },
    integrates: { verb: 'integrates with', noun: 'Integrates with' },
    contributes: { verb: 'contributes to', noun: 'Contributes to' },
    collaborates: { verb: 'collaborates with', noun: 'Collaborates with' },
    coordinates: { verb: 'coordinates', noun: 'Coordinates' },
    hinders: { verb: 'hinders', noun: 'Hinders' },
    relates: { verb: 'relates to', noun: 'Relates to' },
  },
  sv: {
    provides: { verb: 'bidrar med', noun: 'Bidrar med' },
    integrates: { verb: 'integreras med', noun: 'Integreras med' },
    contributes: { verb: 'bidrar till', noun: 'Bidrar till' },
    collaborates: { verb: 'samverkar med', noun: 'Samverkar med' },
    coordinates: { verb: 'samordnar', noun: 'Samordnar' },
    hinders: { verb: 'hindrar', noun: 'Hindrar' },
    relates: { verb: 'hänger ihop med', noun: 'Hänger ihop med' },
  },
}

/** Resource classes. */
export const RESOURCE_CLASS_NAMES: Readonly<Record<Language, { operant: string; operand: string }>> = {
  en: { operant: 'Operant (knowledge, skills)', operand: 'Operand (money, rooms, systems)' },
  sv: { operant: 'Operant (kunskap, färdigheter)', operand: 'Operand (pengar, lokaler, system)' },
}

/** The display name of a kind for an element of `type`. */
export function kindName(lang: Language, type: ElementType, kind: string): string {
  if (type === 'value') return VALUE_KIND_NAMES[lang][kind] ?? kind
  return KIND_NAMES[lang][kind] ?? kind
}
