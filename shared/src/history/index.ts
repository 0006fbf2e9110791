/**
 * Comparing snapshots of a board and putting the differences into words (en/sv). The package entry
 * (`src/index.ts`) re-exports from here.
 */
export { compareBoards, isEmptyDiff } from './compare.js'
export type {
  BoardDiff,
  CompareOptions,
  DiffSummary,
  ElementChange,
  ElementFieldChange,
  LinkChange,
  LinkFieldChange,
  Point,
  ProvenanceFieldChange,
} from './compare.js'
export {
  describeElement,
  describeElementChange,
  describeElementFieldChange,
  describeLink,
  describeLinkChange,
  describeLinkFieldChange,
  typeWord,
} from './describe.js'
export type { DescribeOptions } from './describe.js'
