/**
 * Analysis of a board: integration indicators of the map (gaps, who integrates with whom, centrality,
 * islands, over time and as a canvas overlay), participation per meeting, and personal-data detection.
 * Pure functions of `BoardData` and text; nothing here touches Yjs, the DOM or Node.
 */
export { integrationIndicators, headlineIndicators } from './indicators.js'
export type {
  IntegrationIndicators,
  IndicatorOptions,
  BoardCounts,
  Island,
  HeadlineIndicators,
} from './indicators.js'
export type { IgnoredRecords } from './mapIndex.js'
export { organisationMatrixRows } from './organisations.js'
export type {
  OrganisationMatrix,
  OrganisationPair,
  OrganisationInternalLinks,
  ValueFeed,
} from './organisations.js'
export type { ActorCentrality, BetweennessMethod, CentralityResult } from './centrality.js'
export { indicatorSeries } from './series.js'
export type { SeriesSnapshot, SeriesPoint } from './series.js'
export { OVERLAY_INDICATORS, overlayValues } from './overlay.js'
export type { OverlayIndicator, OverlayValue, IndicatorOverlay } from './overlay.js'
export {
  PARTICIPATION_EVENT_KINDS,
  PARTICIPATION_ROLE_ORDER,
  ANONYMOUS_GROUP,
  UNSPECIFIED_GROUP,
  participation,
} from './participation.js'
export type {
  ParticipationEvent,
  ParticipationEventKind,
  ParticipationOptions,
  ContributionCounts,
  ParticipationGroup,
  ParticipationSlice,
  MeetingParticipation,
  Participation,
} from './participation.js'
export {
  PARTICIPATION_CSV_COLUMNS,
  CSV_OUTSIDE_MEETINGS,
  CSV_ALL_MEETINGS,
  participationCsv,
} from './participationCsv.js'
export type { ParticipationCsvOptions } from './participationCsv.js'
export { PERSONAL_DATA_KINDS, findPersonalData, hasVerifiedIdentityNumber } from './personalData.js'
export type { PersonalDataFinding, PersonalDataKind } from './personalData.js'
