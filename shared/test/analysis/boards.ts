/**
 * Builders for hand-made boards in analysis tests: only what a test cares about is written, the rest of
 * each record gets neutral defaults.
 */
import type {
  BoardData,
  ElementData,
  ElementType,
  LinkData,
  LinkKind,
  MeetingData,
  PersonData,
} from '../../src/model/types.js'

/** An element with defaults; `over` sets any field (provenance, org, ...). */
export function element(
  id: string,
  type: ElementType,
  kind: string,
  over: Partial<ElementData> = {},
): ElementData {
  return {
    id,
    type,
    kind,
    x: 0,
    y: 0,
    w: 160,
    h: 80,
    label: id,
    org: null,
    arena: null,
    color: null,
    z: 'a0',
    tags: [],
    extra: {},
    createdBy: null,
    createdAt: null,
    updatedBy: null,
    updatedAt: null,
    meeting: null,
    updatedMeeting: null,
    ...over,
  }
}

/** Shorthands for the common element types. */
export const org = (id: string, over: Partial<ElementData> = {}): ElementData =>
  element(id, 'actor', 'organization', over)
export const role = (id: string, orgId: string | null, over: Partial<ElementData> = {}): ElementData =>
  element(id, 'actor', 'role', { org: orgId, ...over })
export const user = (id: string, over: Partial<ElementData> = {}): ElementData =>
  element(id, 'actor', 'service-user', over)
export const resource = (id: string, over: Partial<ElementData> = {}): ElementData =>
  element(id, 'resource', 'knowledge', over)
export const value = (id: string, over: Partial<ElementData> = {}): ElementData =>
  element(id, 'value', 'service-user', over)

/** A link; its id defaults to `<from>-<kind>-<to>`. */
export function link(from: string, kind: LinkKind, to: string, over: Partial<LinkData> = {}): LinkData {
  return {
    id: `${from}-${kind}-${to}`,
    from,
    to,
    kind,
    label: '',
    extra: {},
    createdBy: null,
    createdAt: null,
    updatedBy: null,
    updatedAt: null,
    meeting: null,
    updatedMeeting: null,
    ...over,
  }
}

/** A board from its parts. */
export function board(parts: {
  elements?: readonly ElementData[]
  links?: readonly LinkData[]
  meetings?: readonly MeetingData[]
  people?: readonly PersonData[]
  invalid?: BoardData['invalid']
}): BoardData {
  return {
    meta: { schema: 1, title: 'test', template: null, createdAt: null, pseudonymous: false },
    elements: parts.elements ?? [],
    links: parts.links ?? [],
    meetings: parts.meetings ?? [],
    people: parts.people ?? [],
    invalid: parts.invalid ?? [],
  }
}

/** A meeting record. */
export function meeting(number: number): MeetingData {
  return {
    id: `m${number}`,
    number,
    title: `Meeting ${number}`,
    date: `2024-0${number}-01`,
    agenda: [],
    attendees: [],
    startedAt: null,
    endedAt: null,
    extra: {},
  }
}
