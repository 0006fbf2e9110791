/**
 * The second pass of the board JSON import: the model's own rules (`boardDataProblems`, what `writeBoard`
 * checks), with each problem placed at a JSONPath of the file. The model names a record as
 * `elements[<id>]: ` and a field at the start of the problem (`color '...' is not a colour`); both are
 * mapped back to the file. A problem that cannot be placed is still reported, at the board's path, and
 * is always fatal: nothing the model refuses is ever accepted silently.
 */
import { boardDataProblems } from '../model/index.js'
import type { BoardData, InvalidRecord } from '../model/types.js'
import { FieldReader, isJsonObject, type ImportError } from './jsonFields.js'

type Collection = InvalidRecord['collection']

const RECORD_NAMES: Readonly<Record<Collection, string>> = {
  elements: 'element',
  links: 'link',
  meetings: 'meeting',
  people: 'person',
  comments: 'comment thread',
}

// Fields that can start a model problem, per collection (unknown fields arrive as `extra.<name>`).
const FIELDS: Readonly<Record<Collection, ReadonlySet<string>>> = {
  elements: new Set(['type', 'kind', 'x', 'y', 'w', 'h', 'label', 'org', 'arena', 'color', 'z', 'tags']),
  links: new Set(['from', 'to', 'kind', 'label']),
  meetings: new Set(['number', 'title', 'date', 'agenda', 'attendees', 'startedAt', 'endedAt']),
  people: new Set(['name', 'role', 'org']),
  comments: new Set(['element', 'messages', 'resolved']),
}
const PROVENANCE = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'meeting', 'updatedMeeting']

/** One model problem, placed in the file. */
interface Placed {
  readonly collection: Collection | null
  readonly id: string
  readonly error: ImportError
  /** An `org` or `arena` that names nothing valid: `readBoard` reads it as null rather than refusing. */
  readonly relation: 'org' | 'arena' | null
}

/** The model's problems with `board`, each at its path in the file `raw` (found at `path`). */
function place(board: BoardData, raw: Record<string, unknown>, path: string): Placed[] {
  return boardDataProblems(board).map((problem): Placed => {
    const m = /^(elements|links|meetings|people|comments)\[(.*?)\]: (.*)$/s.exec(problem)
    if (m === null) {
      const meta = /^meta\.(\w+)/.exec(problem)
      const at = meta ? `${path}.meta.${meta[1] === 'extra' ? '' : meta[1]}`.replace(/\.$/, '') : path
      return {
        collection: null,
        id: '',
        relation: null,
        error: { code: 'INVALID_VALUE', path: at, message: problem },
      }
    }
    const collection = m[1] as Collection
    const id = m[2] as string
    const message = m[3] as string
    const list = raw[collection]
    const index = Array.isArray(list) ? list.findIndex((r) => isJsonObject(r) && r['id'] === id) : -1
    const reader = new FieldReader(
      {},
      `${path}.${collection}[${index}]`,
      `${RECORD_NAMES[collection]} ${JSON.stringify(id)}`,
    )
    reader.adopt([message], new Set([...FIELDS[collection], ...PROVENANCE]))
    const error = reader.problems[0] as ImportError
    const reference = /is not (in the data|an organisation actor|an arena)/.test(message)
    const relation =
      collection === 'elements' && reference ? (error.path.endsWith('.org') ? 'org' : 'arena') : null
    return { collection, id, relation, error: reference ? { ...error, code: 'MISSING_REFERENCE' } : error }
  })
}

/**
 * Applies the model's rules to a board whose shape is right. `reject`: any problem fails the import.
 * `report`: broken records move to `invalid`, broken relations read as null, until nothing is left.
 */
export function applyModelRules(
  board: BoardData,
  raw: Record<string, unknown>,
  path: string,
  mode: 'reject' | 'report',
): { board: BoardData | null; errors: ImportError[] } {
  let current = board
  // Each round removes a record or clears a relation, so this ends; the bound is only a guard.
  for (let round = 0; round <= board.elements.length + board.links.length + 2; round++) {
    const placed = place(current, raw, path)
    if (placed.length === 0) return { board: current, errors: [] }
    if (mode === 'reject' || placed.some((p) => p.collection === null)) {
      return { board: null, errors: placed.map((p) => p.error) }
    }
    current = settle(current, placed)
  }
  return { board: null, errors: place(current, raw, path).map((p) => p.error) }
}

/** One round of `report` mode: records with problems become invalid records, broken relations null. */
function settle(board: BoardData, placed: readonly Placed[]): BoardData {
  const problems = new Map<string, string[]>()
  const relations = new Map<string, Set<'org' | 'arena'>>()
  for (const p of placed) {
    if (p.relation !== null) {
      relations.set(p.id, (relations.get(p.id) ?? new Set()).add(p.relation))
      continue
    }
    const key = `${p.collection}\u0000${p.id}`
    problems.set(key, [...(problems.get(key) ?? []), p.error.message])
  }
  const bad = (collection: Collection, id: string): boolean => problems.has(`${collection}\u0000${id}`)
  const invalid: InvalidRecord[] = [...problems].map(([key, list]) => {
    const [collection, id] = key.split('\u0000') as [Collection, string]
    return { collection, id, problems: list }
  })
  const keep = <T extends { id: string }>(collection: Collection, list: readonly T[]): T[] =>
    list.filter((r) => !bad(collection, r.id))
  const elements = keep('elements', board.elements).map((e) => {
    const cleared = relations.get(e.id)
    if (cleared === undefined) return e
    return { ...e, org: cleared.has('org') ? null : e.org, arena: cleared.has('arena') ? null : e.arena }
  })
  return {
    ...board,
    elements,
    links: keep('links', board.links),
    meetings: keep('meetings', board.meetings),
    people: keep('people', board.people),
    invalid: [...board.invalid, ...invalid],
    ...(board.comments ? { comments: keep('comments', board.comments) } : {}),
  }
}
