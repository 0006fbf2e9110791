/**
 * The board as plain data: what `readBoard(doc)` returns after validation, and what exports, analysis,
 * compare and the outline work on. The vocabulary is DESIGN.md's; the Yjs layout of each record is in
 * the record's own schema file (`elements/*.ts`, `links.ts`, ...).
 */

/** Element types (DESIGN.md, "The document"). */
export const ELEMENT_TYPES = ['actor', 'resource', 'value', 'note', 'barrier', 'arena'] as const
export type ElementType = (typeof ELEMENT_TYPES)[number]

/** Kinds of actor. */
export const ACTOR_KINDS = ['organization', 'role', 'person', 'group', 'service-user'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** Operant resources: knowledge and skills that act on other resources. */
export const OPERANT_RESOURCE_KINDS = ['knowledge', 'competence', 'mandate', 'network'] as const
/** Operand resources: what is acted upon (money, rooms, systems). */
export const OPERAND_RESOURCE_KINDS = ['funding', 'time', 'facilities', 'data', 'systems'] as const
/** Kinds of resource, `other` last. */
export const RESOURCE_KINDS = [...OPERANT_RESOURCE_KINDS, ...OPERAND_RESOURCE_KINDS, 'other'] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]

/** Whose value a value outcome is. */
export const VALUE_KINDS = ['service-user', 'organization', 'society'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

/** Notes, barriers and arenas have no subtypes: their kind is `other`. */
export const OTHER_KIND = 'other'

/** The kinds each element type allows; the first is the default. */
export const KINDS_BY_TYPE: Readonly<Record<ElementType, readonly string[]>> = {
  actor: ACTOR_KINDS,
  resource: RESOURCE_KINDS,
  value: VALUE_KINDS,
  note: [OTHER_KIND],
  barrier: [OTHER_KIND],
  arena: [OTHER_KIND],
}

/** Link kinds. */
export const LINK_KINDS = [
  'provides',
  'integrates',
  'contributes',
  'collaborates',
  'coordinates',
  'hinders',
  'relates',
] as const
export type LinkKind = (typeof LINK_KINDS)[number]

/**
 * Who made a record and when (DESIGN.md: `createdBy, createdAt, updatedBy, updatedAt, meeting`).
 * People are ids into the board's `people` map (see `PersonData`), so a pseudonymous board records no names.
 */
export interface Provenance {
  /** Person id of the creator; `null` for anonymous (a revealed silent-brainstorm note) or unknown. */
  readonly createdBy: string | null
  /** Unix ms. */
  readonly createdAt: number | null
  readonly updatedBy: string | null
  /** Unix ms. */
  readonly updatedAt: number | null
  /** Number of the meeting the record was added in; `null` outside meetings. */
  readonly meeting: number | null
  /** Number of the meeting it was last changed in; `null` outside meetings. */
  readonly updatedMeeting: number | null
}

/** One element of the board, validated. */
export interface ElementData extends Provenance {
  readonly id: string
  readonly type: ElementType
  readonly kind: string
  /** Board units. */
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly label: string
  /** Id of the organisation actor this element belongs to. */
  readonly org: string | null
  /** Id of the arena that holds this element. */
  readonly arena: string | null
  /** CSS colour, or `null` for the type's default. */
  readonly color: string | null
  /** Fractional index for stacking order (lower draws first). */
  readonly z: string
  readonly tags: readonly string[]
  /** Fields this version does not know, kept as they were (a newer client may have written them). */
  readonly extra: Readonly<Record<string, unknown>>
}

/** One link, validated. */
export interface LinkData extends Provenance {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly kind: LinkKind
  readonly label: string
  readonly extra: Readonly<Record<string, unknown>>
}

/** A meeting of the circle. */
export interface MeetingData {
  readonly id: string
  readonly number: number
  readonly title: string
  /** ISO date (YYYY-MM-DD). */
  readonly date: string
  readonly agenda: readonly string[]
  /** Display names (or pseudonyms) of who attended. */
  readonly attendees: readonly string[]
  /** Unix ms, or `null` when not started / not ended. */
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly extra: Readonly<Record<string, unknown>>
}

/** Someone who has worked on the board: provenance ids resolve here. */
export interface PersonData {
  readonly id: string
  /** Display name, or a pseudonym on a pseudonymous board. */
  readonly name: string
  /** `facilitator`, `participant`, ... or a circle role such as `academic`, `practitioner`, `service user`. */
  readonly role: string | null
  /** Organisation as the person gave it (free text), if any. */
  readonly org: string | null
  /** Fields this version does not know; present only when the stored record had some. */
  readonly extra?: Readonly<Record<string, unknown>>
}

/** One message of a comment thread. */
export interface CommentMessageData {
  readonly id: string
  /** Person id of the author (resolves in `people`); `null` when unknown. */
  readonly author: string | null
  readonly text: string
  /** Unix ms. */
  readonly at: number
}

/** A comment thread anchored to an element. */
export interface CommentThreadData {
  readonly id: string
  /** Id of the element the thread is about. */
  readonly element: string
  /** In the order they were posted. */
  readonly messages: readonly CommentMessageData[]
  readonly resolved: boolean
  readonly extra: Readonly<Record<string, unknown>>
}

/** A record that failed validation: shown as invalid, never a crash (CONVENTIONS.md habit 5). */
export interface InvalidRecord {
  readonly collection: 'elements' | 'links' | 'meetings' | 'people' | 'comments'
  /** The record's id; `*` when the whole collection is unreadable (a top-level type of the wrong kind). */
  readonly id: string
  /** What is wrong, for people (English; the UI translates the collection, not this). */
  readonly problems: readonly string[]
}

/** Board-level facts. */
export interface BoardMeta {
  readonly schema: number
  readonly title: string
  readonly template: string | null
  /** ISO 8601. */
  readonly createdAt: string | null
  /** Provenance records pseudonyms instead of names. */
  readonly pseudonymous: boolean
  /** Meta fields this version does not know; present only when the stored meta had some. */
  readonly extra?: Readonly<Record<string, unknown>>
}

/** The whole board as plain data. */
export interface BoardData {
  readonly meta: BoardMeta
  readonly elements: readonly ElementData[]
  readonly links: readonly LinkData[]
  readonly meetings: readonly MeetingData[]
  readonly people: readonly PersonData[]
  readonly invalid: readonly InvalidRecord[]
  /** Comment threads; `readBoard` always fills it, hand-made data may leave it out (read as none). */
  readonly comments?: readonly CommentThreadData[]
}
