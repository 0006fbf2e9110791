// layoutBoard: lanes by type, roles beside their organisations, arenas holding members, no overlaps.
import { describe, expect, it } from 'vitest'
import { layoutBoard, type LayoutElement } from '../../src/model/index.js'
import { overlapping } from './helpers.js'

const el = (
  id: string,
  type: LayoutElement['type'],
  kind = 'other',
  org: string | null = null,
  arena: string | null = null,
): LayoutElement => ({
  id,
  type,
  kind,
  org,
  arena,
})

describe('layoutBoard', () => {
  const elements: LayoutElement[] = [
    el('v1', 'value', 'society'),
    el('r1', 'resource', 'funding'),
    el('role-b', 'actor', 'role', 'org-b'),
    el('org-a', 'actor', 'organization'),
    el('org-b', 'actor', 'organization'),
    el('role-a', 'actor', 'role', 'org-a'),
    el('user', 'actor', 'service-user'),
    el('r2', 'resource', 'time'),
    el('v2', 'value', 'service-user'),
    el('b1', 'barrier'),
    el('n1', 'note'),
    el('arena', 'arena'),
    el('in-arena', 'actor', 'person', null, 'arena'),
    el('in-arena-2', 'note', 'other', null, 'arena'),
    el('empty-arena', 'arena'),
  ]
  const links = [
    { from: 'org-b', to: 'r1' },
    { from: 'org-a', to: 'r2' },
    { from: 'r1', to: 'v2' },
    { from: 'r2', to: 'v1' },
    { from: 'b1', to: 'r1' },
    { from: 'r1', to: 'missing' },
  ]
  const boxes = layoutBoard(elements, links)

  it('places every element, without overlaps', () => {
    expect([...boxes.keys()].sort()).toEqual(elements.map((e) => e.id).sort())
    expect(overlapping(boxes, elements)).toEqual([])
  })

  it('puts actors left, resources in the middle, values right, then barriers and notes', () => {
    const x = (id: string): number => boxes.get(id)!.x
    expect(x('org-a')).toBeLessThan(x('r1'))
    expect(x('r1')).toBe(x('r2'))
    expect(x('r1')).toBeLessThan(x('v1'))
    expect(x('v1')).toBeLessThan(x('b1'))
    expect(x('b1')).toBeLessThan(x('n1'))
  })

  it('orders actors: service user, then each organisation followed by its roles, indented', () => {
    const order = ['user', 'org-a', 'role-a', 'org-b', 'role-b'].map((id) => boxes.get(id)!.y)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(boxes.get('role-a')!.x).toBeGreaterThan(boxes.get('org-a')!.x)
  })

  it('orders resources and values by what they are linked to (few crossings)', () => {
    // org-a (above org-b) provides r2, so r2 comes first; r2 contributes to v1, so v1 comes first.
    expect(boxes.get('r2')!.y).toBeLessThan(boxes.get('r1')!.y)
    expect(boxes.get('v1')!.y).toBeLessThan(boxes.get('v2')!.y)
  })

  it('puts arena members inside their arena, and arenas beneath the lanes', () => {
    const arena = boxes.get('arena')!
    for (const id of ['in-arena', 'in-arena-2']) {
      const m = boxes.get(id)!
      expect(m.x).toBeGreaterThanOrEqual(arena.x)
      expect(m.y).toBeGreaterThanOrEqual(arena.y)
      expect(m.x + m.w).toBeLessThanOrEqual(arena.x + arena.w)
      expect(m.y + m.h).toBeLessThanOrEqual(arena.y + arena.h)
    }
    const lanesBottom = Math.max(
      ...['user', 'org-a', 'role-a', 'org-b', 'role-b', 'r1', 'r2'].map(
        (id) => boxes.get(id)!.y + boxes.get(id)!.h,
      ),
    )
    expect(arena.y).toBeGreaterThan(lanesBottom)
  })

  it('is deterministic and respects given sizes and the origin', () => {
    expect(layoutBoard(elements, links)).toEqual(boxes)
    const sized = layoutBoard(
      [{ ...el('a', 'actor', 'organization'), w: 500, h: 20 }, el('r', 'resource')],
      [],
      {
        origin: { x: 100, y: 50 },
        laneGap: 10,
      },
    )
    expect(sized.get('a')).toEqual({ x: 100, y: 50, w: 500, h: 20 })
    expect(sized.get('r')?.x).toBe(610)
  })

  it('grows an arena to hold many members', () => {
    const many = [
      el('big', 'arena'),
      ...Array.from({ length: 20 }, (_, i) => el(`m${i}`, 'note', 'other', null, 'big')),
    ]
    const placed = layoutBoard(many, [])
    expect(overlapping(placed, many)).toEqual([])
    expect(placed.get('big')!.w).toBeGreaterThan(480)
  })
})
