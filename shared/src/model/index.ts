/**
 * The board model's public surface: schema, validation, typed operations, undo, migrations, templates and
 * layout. The package entry (`src/index.ts`) re-exports from here; nothing else in the model is public.
 */
export { DocName, SCHEMA_VERSION, initBoardDoc, newBoardUpdate } from './document.js'
export type { NewBoard } from './document.js'
export { ModelError, ModelErrorCode, MODEL_ERROR_STATUS, isModelError } from './errors.js'
export type { ModelErrorCodeValue, ReadResult } from './errors.js'
export { ORIGIN_KINDS, Origin, localOrigin, isLocalOrigin, originKind } from './origins.js'
export type { OriginKind, SystemOrigin, LocalOrigin, BoardOrigin } from './origins.js'
export { DEFAULT_LOCAL_ORIGIN } from './context.js'
export type { EditContext } from './context.js'
export { ID_PATTERN, randomId, isValidId } from './ids.js'
export { FIRST_Z, isOrderKey, compareKeys, compareStacking } from './zOrder.js'
export {
  ELEMENT_FIELDS,
  COLOR_PATTERN,
  MAX_LABEL_LENGTH,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  MAX_COORDINATE,
  defaultKindOf,
} from './elements/elementBase.js'
export type { ElementSpec, Size } from './elements/elementBase.js'
export { ORGANISATION_KIND } from './elements/actor.js'
export { resourceClass } from './elements/resource.js'
export { ELEMENT_SPECS, isElementType, isKindOf, readElement } from './elements/element.js'
export { LINK_FIELDS, isLinkKind, readLink } from './links.js'
export { MEETING_FIELDS, DATE_PATTERN, readMeeting, runningMeeting } from './meetings.js'
export { PERSON_FIELDS, readPerson } from './people.js'
export { COMMENT_FIELDS, readThread, MAX_COMMENT_LENGTH } from './comments.js'
export { META_FIELDS, MAX_TITLE_LENGTH } from './meta.js'
export { readBoard, readElementById } from './readBoard.js'
export { writeBoard, replaceBoard, boardDataProblems, canonicalBoard, boardMaps } from './writeBoard.js'
export type { WriteBoardOptions, BoardMaps } from './writeBoard.js'
export {
  addElement,
  moveElements,
  setElementPositions,
  resizeElement,
  relabelElement,
  applyLabelDelta,
  deleteElements,
} from './operations/elements.js'
export type { NewElement, MoveOptions, DeleteOptions, TextDeltaOp } from './operations/elements.js'
export {
  changeElementType,
  changeElementKind,
  setElementColor,
  setElementTags,
  assignOrganisation,
} from './operations/elementProps.js'
export { duplicateElements, DUPLICATE_OFFSET } from './operations/duplicate.js'
export {
  connect,
  reconnectLink,
  relabelLink,
  applyLinkLabelDelta,
  setLinkKind,
  deleteLinks,
} from './operations/links.js'
export type { NewLink } from './operations/links.js'
export { arenaMembers, addToArena, removeFromArena, moveArena } from './operations/arenas.js'
export { bringToFront, sendToBack, bringForward, sendBackward } from './operations/order.js'
export {
  setBoardTitle,
  setPseudonymous,
  addMeeting,
  startMeeting,
  endMeeting,
  updateMeeting,
  upsertPerson,
} from './operations/board.js'
export type { MeetingPatch } from './operations/board.js'
export {
  addCommentThread,
  replyToThread,
  setThreadResolved,
  deleteCommentThread,
} from './operations/comments.js'
export { createUndoManager, UNDO_CAPTURE_TIMEOUT, UNDO_SCOPE } from './undo.js'
export type { UndoOptions } from './undo.js'
export { migrate, schemaVersion, MIGRATIONS, migrationRuns } from './migrations.js'
export type { Migration, MigrationReport } from './migrations.js'
export { layoutBoard, applyLayout } from './layout.js'
export type { LayoutElement, LayoutLink, LayoutOptions, LayoutBox } from './layout.js'
export {
  TEMPLATE_NAMES,
  isTemplateName,
  templateInfo,
  templateContent,
  applyTemplate,
} from './templates/templates.js'
export type { TemplateName, AppliedTemplate } from './templates/templates.js'
export type {
  TemplateText,
  TemplateElement,
  TemplateLink,
  TemplateMeeting,
  TemplateContent,
  TemplateInfo,
} from './templates/templateTypes.js'
export {
  ELEMENT_TYPES,
  ACTOR_KINDS,
  OPERANT_RESOURCE_KINDS,
  OPERAND_RESOURCE_KINDS,
  RESOURCE_KINDS,
  VALUE_KINDS,
  OTHER_KIND,
  KINDS_BY_TYPE,
  LINK_KINDS,
} from './types.js'
export type {
  ElementType,
  ActorKind,
  ResourceKind,
  ValueKind,
  LinkKind,
  Provenance,
  ElementData,
  LinkData,
  MeetingData,
  PersonData,
  CommentMessageData,
  CommentThreadData,
  InvalidRecord,
  BoardMeta,
  BoardData,
} from './types.js'
