import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { shiftIndex, textDelta } from '../src/canvas/LabelEditor.js'

function apply(before: string, after: string): string {
  const doc = new Y.Doc()
  const t = doc.getText('t')
  t.insert(0, before)
  t.applyDelta(textDelta(before, after))
  return t.toString()
}

describe('label editing deltas', () => {
  it.each([
    ['', 'Kommunen'],
    ['Kommunen', 'Kommunen och regionen'],
    ['Region Skåne', 'Skåne'],
    ['abc', 'axc'],
    ['samma', 'samma'],
    ['aaa', 'aaaa'],
    ['ÅÄÖ', 'ÅÖ'],
  ])('%j -> %j is a minimal delta that reproduces the text', (before, after) => {
    expect(apply(before, after)).toBe(after)
  })

  it('touches only what changed', () => {
    expect(textDelta('Kommunen', 'Kommunen och regionen')).toEqual([
      { retain: 8 },
      { insert: ' och regionen' },
    ])
    expect(textDelta('Region Skåne', 'Skåne')).toEqual([{ delete: 7 }])
    expect(textDelta('abc', 'axc')).toEqual([{ retain: 1 }, { delete: 1 }, { insert: 'x' }])
    expect(textDelta('samma', 'samma')).toEqual([])
  })

  it('two people typing in one label keep both their words', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Samverkan')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    a.getText('t').applyDelta(textDelta('Samverkan', 'God samverkan'))
    b.getText('t').applyDelta(textDelta('Samverkan', 'Samverkan i praktiken'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(a.getText('t').toString()).toBe('God samverkan i praktiken')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })

  it("shifts the cursor by someone else's edit before it, not after it", () => {
    expect(shiftIndex(5, [{ insert: 'abc' }])).toBe(8)
    expect(shiftIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5)
    expect(shiftIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(shiftIndex(5, [{ retain: 4 }, { delete: 10 }])).toBe(4)
  })
})
