/**
 * People: everyone who has worked on the board. Provenance fields (`createdBy`, `updatedBy`, a comment's
 * `author`) hold person ids that resolve here, so renaming someone is one change and a pseudonymous board
 * stores pseudonyms as names and nothing else. Yjs layout (a `Y.Map` in the top-level `people` map, keyed by
 * person id): `name` (string, required), `role` (string or null), `org` (free text or null).
 */
import * as Y from 'yjs'
import type { PersonData } from './types.js'
import type { ReadResult } from './errors.js'
import {
  describe,
  extraFields,
  extraProblems,
  rawOfMap,
  readNullableString,
  readString,
  setIfChanged,
  type Raw,
} from './fields.js'

/** The person fields this version knows. */
export const PERSON_FIELDS: ReadonlySet<string> = new Set(['name', 'role', 'org'])

/** Validates one stored person; `extra` is present only when there are unknown fields. */
export function parsePerson(id: string, raw: Raw): ReadResult<PersonData> {
  const problems: string[] = []
  const name = readString(raw, 'name', problems)
  const role = readNullableString(raw, 'role', problems)
  const org = readNullableString(raw, 'org', problems)
  if (problems.length > 0) return { ok: false, invalid: { collection: 'people', id, problems } }
  const extra = extraFields(raw, PERSON_FIELDS)
  const person: PersonData = { id, name, role, org }
  return { ok: true, value: Object.keys(extra).length > 0 ? { ...person, extra } : person }
}

/** Validates one entry of the `people` map. Never throws. */
export function readPerson(id: string, value: unknown): ReadResult<PersonData> {
  if (!(value instanceof Y.Map)) {
    return {
      ok: false,
      invalid: { collection: 'people', id, problems: [`is ${describe(value)}, not a Y.Map`] },
    }
  }
  return parsePerson(id, rawOfMap(value as Y.Map<unknown>))
}

/** Problems with plain person data that is to be written. */
export function personDataProblems(person: PersonData): string[] {
  const raw = new Map<string, unknown>([
    ['name', person.name],
    ['role', person.role],
    ['org', person.org],
  ])
  const result = parsePerson(String(person.id), raw)
  const problems = result.ok ? [] : [...result.invalid.problems]
  if (person.role === undefined) problems.push('role is missing')
  if (person.org === undefined) problems.push('org is missing')
  if (person.extra !== undefined) problems.push(...extraProblems(person.extra, PERSON_FIELDS))
  return problems
}

/** Writes `person`'s fields into `map`, touching only what differs. */
export function writePersonFields(map: Y.Map<unknown>, person: PersonData): void {
  const extra = person.extra ?? {}
  for (const key of [...map.keys()]) {
    if (!PERSON_FIELDS.has(key) && !Object.hasOwn(extra, key)) map.delete(key)
  }
  for (const [key, value] of Object.entries(extra)) setIfChanged(map, key, value)
  setIfChanged(map, 'name', person.name)
  setIfChanged(map, 'role', person.role)
  setIfChanged(map, 'org', person.org)
}
