import { describe, expect, it } from 'vitest'
import * as analysis from '../../src/analysis/index.js'
import { fixtureBoard } from './fixtureBoard.js'

describe('the analysis entry', () => {
  it('exports the public functions and constants by name', () => {
    expect(Object.keys(analysis).sort()).toEqual([
      'ANONYMOUS_GROUP',
      'CSV_ALL_MEETINGS',
      'CSV_OUTSIDE_MEETINGS',
      'OVERLAY_INDICATORS',
      'PARTICIPATION_CSV_COLUMNS',
      'PARTICIPATION_EVENT_KINDS',
      'PARTICIPATION_ROLE_ORDER',
      'PERSONAL_DATA_KINDS',
      'UNSPECIFIED_GROUP',
      'findPersonalData',
      'hasVerifiedIdentityNumber',
      'headlineIndicators',
      'indicatorSeries',
      'integrationIndicators',
      'organisationMatrixRows',
      'overlayValues',
      'participation',
      'participationCsv',
    ])
  })

  it('works end to end on the example board', () => {
    const { board } = fixtureBoard('sv')
    expect(analysis.integrationIndicators(board).organisationsWithoutLinks).toEqual(['o-brukarorg'])
    expect(analysis.participation(board).overall.total.elementsCreated).toBe(48)
    // The fixture records no creators: everything is anonymous, in meetings 1 to 4.
    expect(analysis.participation(board).meetings.map((m) => m.meeting)).toEqual([1, 2, 3, 4])
    expect(analysis.participation(board).overall.byRole.map((g) => g.key)).toEqual([analysis.ANONYMOUS_GROUP])
    // No personal data in any label of the example.
    for (const e of board.elements) expect(analysis.findPersonalData(e.label)).toEqual([])
  })
})
