import { DeniedReason, deniedKind } from '@circleboard/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addElement, applyLabelDelta, localOrigin, type EditContext } from '@circleboard/shared'
import { BoardModel } from '../src/board/BoardModel.js'
import { editLabel } from '../src/panels/editing.js'
import type { FeatureContext } from '../src/board/features.js'
import { AnalysisSession } from '../src/analysis/AnalysisSession.js'
import { PersonalDataGuard } from '../src/analysis/PersonalDataGuard.js'
import {
  applyHeld,
  heldEdit,
  insertionEnd,
  newFindings,
  rebase,
  removeFindings,
  typingPersonalData,
} from '../src/analysis/textGuard.js'

const PNR = '19121212-1212'

/** Types `text` one character at a time after `start`, returning every intermediate text. */
function keystrokes(start: string, text: string): string[] {
  return Array.from(text, (_, i) => start + text.slice(0, i + 1))
}

describe('text guard rules', () => {
  it('finds only what a change adds, and only verified identity numbers', () => {
    expect(newFindings('', `pnr ${PNR}`).map((f) => f.kind)).toEqual(['personnummer'])
    // Already on the board (shared by someone who chose to): no new warning.
    expect(newFindings(`pnr ${PNR}`, `pnr ${PNR}!`)).toEqual([])
    // A second copy is new.
    expect(newFindings(`a ${PNR}`, `a ${PNR} b ${PNR}`)).toHaveLength(1)
    // Wrong check digit: not warned (the server does not refuse it either).
    expect(newFindings('', '19121212-1213')).toEqual([])
    expect(newFindings('', 'write to anna@kommun.se').map((f) => f.kind)).toEqual(['email'])
    expect(newFindings('', 'ring 070-123 45 67').map((f) => f.kind)).toEqual(['phone'])
    expect(newFindings('', 'Meeting 2024-03-01, room 101')).toEqual([])
  })

  it('holds a run of digits or a word with an @ while it is being typed, never a deletion', () => {
    // Every prefix of an identity number typed after a word is "being typed".
    for (const text of keystrokes('Anna ', PNR))
      expect(typingPersonalData(text.slice(0, -1), text)).toBe(true)
    for (const text of keystrokes('mail ', 'anna@kom')) {
      if (text.includes('@')) expect(typingPersonalData(text.slice(0, -1), text)).toBe(true)
    }
    // A letter or punctuation after the run ends it.
    expect(typingPersonalData('Room 101', 'Room 101x')).toBe(false)
    expect(typingPersonalData('Room 101 ', 'Room 101  ')).toBe(false)
    // Plain words and deletions are not held.
    expect(typingPersonalData('Kommu', 'Kommun')).toBe(false)
    expect(typingPersonalData('Room 1012', 'Room 101')).toBe(false)
    // More than 13 digits is a code, not a person.
    expect(typingPersonalData('12345678901234', '123456789012345')).toBe(false)
    expect(insertionEnd('abc', 'abXc')).toBe(3)
    expect(insertionEnd('abc', 'ac')).toBe(-1)
  })

  it('moves a held edit over what others typed meanwhile, without undoing their words', () => {
    const edit = heldEdit('Kommunen', `Kommunen ${PNR}`)
    expect(edit).toEqual({ base: 'Kommunen', start: 8, end: 8, insert: ` ${PNR}` })
    // Someone typed before our stretch.
    expect(applyHeld(rebase(edit, 'Kommunen i Lund'))).toBe(`Kommunen i Lund ${PNR}`)
    const early = heldEdit('Kommunen', `${PNR} Kommunen`)
    expect(applyHeld(rebase(early, 'Kommunen i Lund'))).toBe(`${PNR} Kommunen i Lund`)
    // Someone inserted exactly where ours is: theirs first, ours after it, nothing of theirs lost.
    expect(applyHeld(rebase(edit, 'Kommunen!'))).toBe(`Kommunen! ${PNR}`)
    // A replacement of ours next to a deletion of theirs.
    const replace = heldEdit('abc def', 'abc XYZ')
    expect(applyHeld(rebase(replace, 'bc def'))).toBe('bc XYZ')
  })

  it('removes findings and the space they leave', () => {
    const text = `Anna ${PNR} bor här`
    expect(removeFindings(text, newFindings('', text))).toBe('Anna bor här')
    const end = `Ring ${'070-123 45 67'}`
    expect(removeFindings(end, newFindings('', end))).toBe('Ring')
    const start = 'anna@kommun.se skriver'
    expect(removeFindings(start, newFindings('', start))).toBe('skriver')
  })
})

/** A board with one element, its model, a guard installed, and a second peer that sees what is shared. */
function setup(identityCheck: boolean | null = true) {
  const doc = new Y.Doc()
  const other = new Y.Doc()
  doc.on('update', (u: Uint8Array) => Y.applyUpdate(other, u))
  const ctx: EditContext = { personId: 'p1', meeting: null, origin: localOrigin('p1') }
  const id = addElement(doc, { type: 'actor', kind: 'role', x: 0, y: 0, label: 'Anna' }, ctx)
  const model = new BoardModel(doc, {
    personId: 'p1',
    lang: 'en',
    meeting: () => null,
    readOnly: () => false,
  })
  const guard = new PersonalDataGuard(model, () => identityCheck)
  const off = guard.install()
  const seen = (): string => {
    const map = other.getMap<Y.Map<unknown>>('elements').get(id)
    const label = map?.get('label')
    return label instanceof Y.Text ? label.toString() : String(label)
  }
  /** Types like the properties panel's label field does, one key at a time. */
  const type = (text: string): void => {
    for (let i = 1; i <= text.length; i++) {
      const shown = model.heldText('element', id) ?? model.store.element(id)!.label
      editLabel(model, 'element', id, shown + text[i - 1])
    }
  }
  return { doc, model, guard, id, seen, type, off, ctx }
}

describe('the personal-data guard on a board', () => {
  it('holds a typed personnummer back from every keystroke until the person removes it', () => {
    const { model, guard, id, seen, type } = setup()
    type(` ${PNR}`)
    // Nothing of it reached the other peer, not even the first digits (the space before it did).
    expect(seen()).toBe('Anna ')
    expect(model.heldText('element', id)).toBe(`Anna ${PNR}`)
    const [warning] = guard.warnings.get()
    expect(warning).toMatchObject({ target: 'element', id, canShare: false })
    expect(warning!.findings.map((f) => f.kind)).toEqual(['personnummer'])
    guard.remove(warning!.key)
    expect(seen()).toBe('Anna')
    expect(model.heldText('element', id)).toBeNull()
    expect(guard.warnings.get()).toEqual([])
  })

  it('shares an identity number anyway only when the board’s check is off', () => {
    const on = setup(true)
    on.type(` ${PNR}`)
    on.guard.share(on.guard.warnings.get()[0]!.key)
    expect(on.seen()).toBe('Anna ')
    expect(on.guard.warnings.get()).toHaveLength(1)

    const unknown = setup(null)
    unknown.type(` ${PNR}`)
    expect(unknown.guard.warnings.get()[0]!.canShare).toBe(false)

    const off = setup(false)
    off.type(` ${PNR}`)
    off.guard.share(off.guard.warnings.get()[0]!.key)
    expect(off.seen()).toBe(`Anna ${PNR}`)
  })

  it('lets an e-mail address be shared anyway, whatever the check', () => {
    const { guard, seen, type } = setup(true)
    type(' anna@kommun.se')
    const [warning] = guard.warnings.get()
    expect(warning!.canShare).toBe(true)
    guard.share(warning!.key)
    expect(seen()).toBe('Anna anna@kommun.se')
  })

  it('shares a number that is not personal data when the run ends or the person stops editing', () => {
    const a = setup()
    a.type(' 101')
    expect(a.seen()).toBe('Anna ')
    a.type(' x')
    expect(a.seen()).toBe('Anna 101 x')

    const b = setup()
    b.type(' 2024')
    expect(b.seen()).toBe('Anna ')
    b.model.textEditDone('element', b.id)
    expect(b.seen()).toBe('Anna 2024')
    expect(b.guard.warnings.get()).toEqual([])
  })

  it('keeps what others typed meanwhile when the held change is written', () => {
    const { doc, guard, seen, type, id } = setup(false)
    type(` ${PNR}`)
    // Someone else prefixes the label while ours is held.
    applyLabelDelta(doc, id, [{ insert: 'Dr ' }], {
      personId: 'p2',
      meeting: null,
      origin: localOrigin('p2'),
    })
    guard.share(guard.warnings.get()[0]!.key)
    expect(seen()).toBe(`Dr Anna ${PNR}`)
  })

  it('forgets a held change when its element is deleted, and stops guarding when removed', () => {
    const { doc, guard, type, off, model, id, ctx } = setup()
    type(` ${PNR}`)
    expect(guard.warnings.get()).toHaveLength(1)
    doc.transact(() => doc.getMap('elements').delete(id), ctx.origin)
    expect(guard.warnings.get()).toEqual([])
    off()
    expect(model.textGuards.all()).toEqual([])
  })
})

describe('what the server removed', () => {
  it('is shown from its repair notice; refusals are left to the board connection', () => {
    const { model } = setup()
    const listeners = new Set<(reason: string, kind: 'refused' | 'repaired') => void>()
    const feature = {
      conn: {
        onDenied: (l: (reason: string, kind: 'refused' | 'repaired') => void) => {
          listeners.add(l)
          return () => listeners.delete(l)
        },
      },
      model,
      role: 'viewer',
      personId: null,
      token: 't',
      boardId: 'b',
    } as unknown as FeatureContext
    const session = new AnalysisSession(feature)
    const stop = session.start()
    const deny = (reason: string): void => {
      for (const l of listeners) l(reason, deniedKind(reason))
    }
    deny(DeniedReason.locked)
    deny(DeniedReason.identityNumber)
    deny(DeniedReason.identityNumber)
    expect(session.notices.get().map((n) => n.reason)).toEqual([DeniedReason.identityNumber])
    session.dismissNotice(session.notices.get()[0]!.id)
    expect(session.notices.get()).toEqual([])
    stop()
    expect(listeners.size).toBe(0)
  })
})
