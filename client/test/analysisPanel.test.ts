import { DeniedReason } from '@circleboard/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addElement,
  connect,
  integrationIndicators,
  overlayValues,
  participation,
  localOrigin,
  type EditContext,
  type VoteRecord,
} from '@circleboard/shared'
import { BoardModel } from '../src/board/BoardModel.js'
import { AnalysisEngine } from '../src/analysis/AnalysisEngine.js'
import { boardDataOf } from '../src/analysis/boardData.js'
import {
  feedsByReach,
  findingSelection,
  gapFindings,
  islandFindings,
  matrixTable,
  rankActors,
} from '../src/analysis/findings.js'
import { allInside, revealFinding } from '../src/analysis/reveal.js'
import {
  HALO_MAX,
  HALO_MIN,
  haloWidth,
  overlayDecoration,
  overlayStyle,
} from '../src/analysis/overlayStyle.js'
import { chartGeometry, seriesValues, SERIES_INDICATORS } from '../src/analysis/seriesChart.js'
import { participationBars, sliceOf, totalOf, voteEvents } from '../src/analysis/participationChart.js'
import { auditEventKey, auditFacts, shortPerson } from '../src/analysis/auditModel.js'
import { parseSettings } from '../src/analysis/settingsApi.js'
import { parseAuditEntry } from '../src/analysis/adminApi.js'
import { Debounced, type SchedulerEnv } from '../src/analysis/scheduler.js'
import { isPersonalDataRemoval } from '../src/analysis/AnalysisSession.js'

const ctx: EditContext = { personId: 'p1', meeting: 1, origin: localOrigin('p1') }

/**
 * Kommunen provides Tid (which contributes to Vardag); Regionen provides Vård (contributing to nothing) and
 * collaborates with Kommunen; Försäkringskassan is linked to nobody; Arbete is a value nothing feeds.
 */
function board() {
  const doc = new Y.Doc()
  const add = (type: 'actor' | 'resource' | 'value', kind: string, label: string, x: number, y: number) =>
    addElement(doc, { type, kind, x, y, label }, ctx)
  const kommun = add('actor', 'organization', 'Kommunen', 0, 0)
  const region = add('actor', 'organization', 'Regionen', 0, 200)
  const fk = add('actor', 'organization', 'Försäkringskassan', 0, 400)
  const tid = add('resource', 'time', 'Tid', 300, 0)
  const vard = add('resource', 'competence', 'Vård', 300, 200)
  const vardag = add('value', 'service-user', 'Vardag', 600, 0)
  const arbete = add('value', 'service-user', 'Arbete', 2600, 2000)
  connect(doc, { from: kommun, to: tid, kind: 'provides' }, ctx)
  connect(doc, { from: tid, to: vardag, kind: 'contributes' }, ctx)
  connect(doc, { from: region, to: vard, kind: 'provides' }, ctx)
  const collab = connect(doc, { from: region, to: kommun, kind: 'collaborates' }, ctx)
  const model = new BoardModel(doc, { personId: 'p1', lang: 'en', meeting: () => 1, readOnly: () => false })
  const ids = { kommun, region, fk, tid, vard, vardag, arbete, collab }
  const label = (id: string): string => model.store.element(id)?.label ?? id
  return { doc, model, ids, label }
}

describe('findings of the analysis panel', () => {
  it('turn every kind of finding into the elements (and links) a click selects', () => {
    const { model, ids, label } = board()
    const r = integrationIndicators(boardDataOf(model.store))
    expect(gapFindings(r, 'resourcesContributingToNoValue').map(findingSelection)).toEqual([
      { elements: [ids.vard], links: [] },
    ])
    expect(gapFindings(r, 'valuesNoResourceContributesTo').map((f) => findingSelection(f).elements)).toEqual([
      [ids.arbete],
    ])
    expect(gapFindings(r, 'organisationsWithoutLinks').map((f) => findingSelection(f).elements)).toEqual([
      [ids.fk],
    ])
    // A value outcome's feed selects the value, its resources and their organisations, and the links.
    const feeds = feedsByReach(r.organisationsFeedingEachValue, label)
    expect(feeds.map((f) => label(f.valueId))).toEqual(['Arbete', 'Vardag'])
    const vardag = findingSelection({ kind: 'feed', feed: feeds[1]! })
    expect(new Set(vardag.elements)).toEqual(new Set([ids.vardag, ids.tid, ids.kommun]))
    expect(vardag.links).toHaveLength(1)
    // Islands: the connected map (two organisations, their resources, Vardag), and the two lonely elements.
    expect(islandFindings(r).map((f) => findingSelection(f).elements.length)).toEqual([5, 1, 1])
  })

  it('lays the organisation matrix out in label order, symmetric, with a finding per non-empty cell', () => {
    const { model, ids, label } = board()
    const r = integrationIndicators(boardDataOf(model.store))
    const table = matrixTable(r.organisationMatrix, label)
    expect(table.organisations.map((o) => o.label)).toEqual(['Försäkringskassan', 'Kommunen', 'Regionen'])
    const counts = table.rows.map((row) => row.map((c) => c.count))
    // The diagonal counts links inside an organisation (Kommunen provides Tid, Regionen provides Vård).
    expect(counts).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ])
    const cell = table.rows[1]![2]!
    expect(cell.finding && findingSelection(cell.finding).links).toEqual([ids.collab])
    expect(table.rows[2]![1]).toBe(cell)
  })

  it('ranks actors by betweenness or degree, ties by the other measure and then by label', () => {
    const { model, label } = board()
    const c = integrationIndicators(boardDataOf(model.store)).centrality!
    expect(rankActors(c, 'degree', label).map((a) => label(a.actorId))).toEqual([
      'Kommunen',
      'Regionen',
      'Försäkringskassan',
    ])
    const byBetweenness = rankActors(c, 'betweenness', label)
    expect(byBetweenness.map((a) => label(a.actorId))[2]).toBe('Försäkringskassan')
  })
})

describe('revealing a finding', () => {
  it('selects the elements and links and brings them into view, leaving a view that shows them', () => {
    const { model, ids } = board()
    model.camera.set({ x: -5000, y: -5000, scale: 1 })
    revealFinding(model, { elements: [ids.arbete], links: [] })
    expect([...model.selection.get().elements]).toEqual([ids.arbete])
    const e = model.store.element(ids.arbete)!
    expect(allInside([e], model.camera.viewBox())).toBe(true)

    revealFinding(model, { elements: [ids.kommun, ids.arbete, 'gone'], links: [ids.collab, 'gone'] })
    expect(model.selection.get()).toEqual({
      elements: new Set([ids.kommun, ids.arbete]),
      links: new Set([ids.collab]),
    })
    const boxes = [ids.kommun, ids.arbete].map((id) => model.store.element(id)!)
    expect(allInside(boxes, model.camera.viewBox())).toBe(true)
    // Already in view: a second click does not move the camera.
    const before = model.camera.get()
    revealFinding(model, { elements: [ids.kommun, ids.arbete], links: [] })
    expect(model.camera.get()).toBe(before)
  })
})

describe('overlay marks', () => {
  it('give halo widths from weights, at least HALO_MIN, at most HALO_MAX, none for zero', () => {
    expect(haloWidth(0)).toBe(0)
    expect(haloWidth(Number.NaN)).toBe(0)
    expect(haloWidth(0.0001)).toBeCloseTo(HALO_MIN, 2)
    expect(haloWidth(1)).toBe(HALO_MAX)
    expect(haloWidth(3)).toBe(HALO_MAX)
  })

  it('size by degree, fade the isolated, ring the gaps', () => {
    const { model, ids } = board()
    const data = boardDataOf(model.store)
    const degree = overlayStyle(overlayValues(data, 'degree'))
    // Kommunen has the most links (Tid, Regionen): the widest halo.
    expect(degree.halos.get(ids.kommun)).toBe(HALO_MAX)
    expect(degree.halos.has(ids.fk)).toBe(false)
    expect(degree.dim.size).toBe(0)
    const isolated = overlayStyle(overlayValues(data, 'isolated'))
    expect(isolated.dim).toEqual(new Set([ids.fk, ids.arbete]))
    expect(isolated.halos.size).toBe(0)
    const gaps = overlayStyle(overlayValues(data, 'gaps'))
    expect(gaps.rings).toEqual(new Set([ids.vard, ids.arbete, ids.fk]))
  })

  it('draw one stroke per halo and ring (computed once, drawn from the maps)', () => {
    const { model, ids } = board()
    const style = overlayStyle(overlayValues(boardDataOf(model.store), 'degree'))
    const calls: string[] = []
    const ctx2d = new Proxy(
      {},
      {
        get: (_t, name) => (name === 'stroke' ? () => calls.push('stroke') : () => {}),
        set: () => true,
      },
    ) as unknown as CanvasRenderingContext2D
    overlayDecoration(model.store, () => style)(ctx2d, 1)
    expect(calls).toHaveLength(style.halos.size)
    expect(style.halos.size).toBeGreaterThan(0)
    expect(style.halos.has(ids.arbete)).toBe(false)
  })
})

describe('charts', () => {
  it('place series points left to right, 0 at the bottom and the largest value at the top', () => {
    // Plot area: x from 26 to 106 (width 114 - 8), y from 8 (top) to 48 (height 66 - 18).
    const g = chartGeometry([0, 5, 10], 114, 66)
    expect(g.max).toBe(10)
    expect(g.points.map((p) => p.x)).toEqual([26, 66, 106])
    expect(g.points.map((p) => p.y)).toEqual([48, 28, 8])
    expect(g.polyline).toBe('26,48 66,28 106,8')
    expect(chartGeometry([], 100, 50).points).toEqual([])
    expect(chartGeometry([0, 0], 100, 50).max).toBe(1)
    expect(chartGeometry([3], 114, 66).points[0]!.x).toBe(66)
  })

  it('take each charted indicator from the series points', () => {
    const points = [
      { elements: 3, links: 1 },
      { elements: 5, links: 4 },
    ] as never
    expect(seriesValues(points, 'elements')).toEqual([3, 5])
    expect(SERIES_INDICATORS).toContain('resourcesContributingToNoValue')
  })

  it('stack participation bars in the order given (not by volume), scaled to the largest total', () => {
    const { doc } = board()
    const data = {
      ...boardDataOf(
        new BoardModel(doc, { personId: null, lang: 'en', meeting: () => null, readOnly: () => true }).store,
      ),
      people: [{ id: 'p1', name: 'Anna', role: 'academic', org: 'Universitetet' }],
    }
    const result = participation(data)
    const bars = participationBars(result.overall.byRole)
    expect(bars[0]).toMatchObject({ key: 'academic', total: 11, contributors: 1, members: 1 })
    expect(bars[0]!.segments.map((s) => [s.kind, s.value])).toEqual([
      ['elementsCreated', 7],
      ['linksCreated', 4],
    ])
    expect(bars[0]!.segments[1]!.start).toBeCloseTo(7 / 11, 12)
    expect(totalOf(result.overall.total)).toBe(11)
    expect(sliceOf(result, 1)).toBe(result.meetings.find((m) => m.meeting === 1))
    expect(sliceOf(result, 99)).toBe(result.overall)
    // A small group first stays first: order is never by volume.
    const small = participationBars([
      { ...result.overall.byRole[0]!, key: 'a', elementsCreated: 1, linksCreated: 0 },
      { ...result.overall.byRole[0]!, key: 'b', elementsCreated: 9, linksCreated: 0 },
    ])
    expect(small.map((b) => b.key)).toEqual(['a', 'b'])
  })

  it('count secret votes as anonymous events in their meeting', () => {
    const record = { meeting: 2, results: { a: 3, b: 1, c: 0 } } as unknown as VoteRecord
    const events = voteEvents([record])
    expect(events).toHaveLength(4)
    expect(events.every((e) => e.personId === null && e.kind === 'vote' && e.meeting === 2)).toBe(true)
  })
})

describe('settings and audit answers', () => {
  it('read settings from either answer shape, unknown fields as unknown', () => {
    expect(
      parseSettings({ settings: { identityNumberCheck: false, expiresAt: '2030-01-01T00:00:00.000Z' } }),
    ).toEqual({
      identityNumberCheck: false,
      expiresAt: '2030-01-01T00:00:00.000Z',
    })
    expect(parseSettings({ identityNumberCheck: true, expiresAt: null })).toEqual({
      identityNumberCheck: true,
      expiresAt: null,
    })
    expect(parseSettings(null)).toEqual({ identityNumberCheck: null, expiresAt: null })
    expect(parseSettings({ settings: { expiresAt: 'soon' } }).expiresAt).toBeNull()
  })

  it('show audit entries by event, role and a shortened pseudonymous id, with their facts', () => {
    const entry = parseAuditEntry({
      at: '2026-01-02T10:00:00.000Z',
      event: 'export',
      role: 'facilitator',
      person: 'abcdefghijklmnop',
      detail: { format: 'zip', snapshot: null },
    })!
    expect(entry.at).toBe(Date.parse('2026-01-02T10:00:00.000Z'))
    expect(auditEventKey(entry.event)).toBe('audit.event.export')
    expect(auditEventKey('something-new')).toBeNull()
    expect(auditEventKey('toString')).toBeNull()
    expect(shortPerson(entry.person)).toBe('abcdefgh…')
    expect(auditFacts(entry)).toEqual([{ name: 'format', value: 'zip' }])
    expect(parseAuditEntry({ event: 'x' })).toBeNull()
  })

  it('recognise the server’s identity-number removal among permission-denied reasons', () => {
    expect(isPersonalDataRemoval(DeniedReason.identityNumber)).toBe(true)
    expect(isPersonalDataRemoval(DeniedReason.locked)).toBe(false)
    expect(isPersonalDataRemoval(DeniedReason.viewOnly)).toBe(false)
  })
})

/** A scheduler environment whose idle time and clock the test drives. */
function fakeEnv(): SchedulerEnv & { runIdle(): void; pending(): number } {
  let queue: (() => void)[] = []
  return {
    whenIdle: (run) => queue.push(run),
    cancelIdle: () => {
      queue = []
    },
    now: () => 0,
    runIdle: () => {
      const q = queue
      queue = []
      for (const r of q) r()
    },
    pending: () => queue.length,
  }
}

describe('live analysis', () => {
  it('recomputes once after a burst of changes, in idle time, only while retained', async () => {
    const { doc, model, ids } = board()
    const env = fakeEnv()
    const engine = new AnalysisEngine(model.store, env)
    const release = engine.retain()
    expect(engine.result.get()!.indicators.counts.links).toBe(4)
    // Three changes in a row: one recomputation after the quiet period.
    connect(doc, { from: ids.vard, to: ids.arbete, kind: 'contributes' }, ctx)
    connect(doc, { from: ids.fk, to: ids.kommun, kind: 'coordinates' }, ctx)
    connect(doc, { from: ids.fk, to: ids.arbete, kind: 'relates' }, ctx)
    await new Promise((r) => setTimeout(r, 300))
    expect(env.pending()).toBe(1)
    env.runIdle()
    const r = engine.result.get()!.indicators
    expect(r.counts.links).toBe(7)
    expect(r.organisationsWithoutLinks).toEqual([])
    // Released: changes no longer schedule anything.
    release()
    connect(doc, { from: ids.tid, to: ids.arbete, kind: 'contributes' }, ctx)
    await new Promise((r) => setTimeout(r, 300))
    expect(env.pending()).toBe(0)
  })

  it('computes the chosen overlay with the indicators, and none when turned off', () => {
    const { model, ids } = board()
    const engine = new AnalysisEngine(model.store, fakeEnv())
    engine.setOverlay('degree')
    expect(engine.overlay.get()!.values.get(ids.kommun)!.raw).toBe(2)
    engine.setOverlay(null)
    expect(engine.overlay.get()).toBeNull()
  })

  it('debounces: a new request restarts the quiet period', async () => {
    let runs = 0
    const env = fakeEnv()
    const d = new Debounced(() => runs++, 30, env)
    d.request()
    await new Promise((r) => setTimeout(r, 15))
    d.request()
    await new Promise((r) => setTimeout(r, 20))
    expect(env.pending()).toBe(0)
    await new Promise((r) => setTimeout(r, 30))
    env.runIdle()
    expect(runs).toBe(1)
    d.cancel()
  })
})
