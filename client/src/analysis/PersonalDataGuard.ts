/**
 * The board model's text guard for personal data (`BoardModel.textGuards`): it holds back, in this browser,
 * label changes that add what looks like a personal identity number, an e-mail address or a phone number,
 * and changes still being typed that may become one (rules in `textGuard.ts`). A held change is written
 * only when the person chooses: without what was found ("Remove it") or as typed ("Share anyway", offered
 * for e-mail addresses and phone numbers always, and for identity numbers only when the board's
 * identity-number check is off, since the server would remove them anyway).
 *
 * The warning (`PersonalDataWarning.tsx`) reads `warnings` and calls `remove` / `share`.
 */
import * as Y from 'yjs'
import { DocName, applyLabelDelta, applyLinkLabelDelta } from '@circleboard/shared'
import type { BoardModel, TextChange, TextGuard } from '../board/BoardModel.js'
import { textDelta } from '../canvas/LabelEditor.js'
import { Signal } from './signal.js'
import {
  applyHeld,
  heldEdit,
  isIdentityNumber,
  newFindings,
  rebase,
  removeFindings,
  typingPersonalData,
  type GuardFinding,
  type HeldEdit,
} from './textGuard.js'

type Target = 'element' | 'link'

interface Held {
  readonly target: Target
  readonly id: string
  readonly edit: HeldEdit
  /** True while it is held only because it is still being typed (no warning yet). */
  readonly typing: boolean
}

/** One warning: a held change with personal data in it. */
export interface PersonalDataWarningState {
  readonly key: string
  readonly target: Target
  readonly id: string
  /** What was found, in the text as it would be shared. */
  readonly findings: readonly GuardFinding[]
  /** Whether "Share anyway" is offered (see the module comment). */
  readonly canShare: boolean
}

const keyOf = (target: Target, id: string): string => `${target}:${id}`

/** The personal-data guard of one board in this browser. */
export class PersonalDataGuard implements TextGuard {
  /** The warnings to show, oldest first. */
  readonly warnings = new Signal<readonly PersonalDataWarningState[]>([])
  private readonly pending = new Map<string, Held>()

  constructor(
    private readonly model: BoardModel,
    /** Whether the board's identity-number check is on (`null`: not known, so treated as on). */
    private readonly identityCheck: () => boolean | null,
  ) {}

  /** Puts the guard in front of every label editor of the board; returns its removal. */
  install(): () => void {
    const offGuard = this.model.textGuards.add(this)
    // A record deleted meanwhile takes its held change with it; others' typing moves the warnings' offsets.
    const offStore = this.model.store.subscribe(() => {
      if (this.pending.size > 0) this.refresh()
    })
    return () => {
      offGuard()
      offStore()
      this.pending.clear()
      this.warnings.set([])
    }
  }

  hold(change: TextChange): boolean {
    const key = keyOf(change.target, change.id)
    const found = newFindings(change.before, change.after)
    if (found.length > 0 || typingPersonalData(change.before, change.after)) {
      this.pending.set(key, {
        target: change.target,
        id: change.id,
        edit: heldEdit(change.before, change.after),
        typing: found.length === 0,
      })
      this.refresh()
      return true
    }
    if (this.pending.delete(key)) this.refresh()
    return false
  }

  held(target: Target, id: string): string | null {
    const h = this.pending.get(keyOf(target, id))
    if (!h) return null
    const shared = this.sharedText(target, id)
    return shared === null ? null : applyHeld(rebase(h.edit, shared))
  }

  done(target: Target, id: string): void {
    const key = keyOf(target, id)
    const h = this.pending.get(key)
    if (!h?.typing) return
    // Typing ended: share what was typed, unless it turns out to be personal data after all.
    const shared = this.sharedText(target, id)
    if (shared === null) {
      this.pending.delete(key)
      this.refresh()
      return
    }
    const text = applyHeld(rebase(h.edit, shared))
    if (newFindings(shared, text).length > 0) {
      this.pending.set(key, { ...h, typing: false })
      this.refresh()
      return
    }
    this.pending.delete(key)
    this.write(target, id, text)
    this.refresh()
  }

  /** "Remove it": writes the held change without what was found. */
  remove(key: string): void {
    const h = this.pending.get(key)
    if (!h) return
    this.pending.delete(key)
    const shared = this.sharedText(h.target, h.id)
    if (shared !== null) {
      const text = applyHeld(rebase(h.edit, shared))
      this.write(h.target, h.id, removeFindings(text, newFindings(shared, text)))
    }
    this.refresh()
  }

  /** "Share anyway": writes the held change as typed (only where `canShare`). */
  share(key: string): void {
    const warning = this.warnings.get().find((w) => w.key === key)
    const h = this.pending.get(key)
    if (!h || !warning?.canShare) return
    this.pending.delete(key)
    const shared = this.sharedText(h.target, h.id)
    if (shared !== null) this.write(h.target, h.id, applyHeld(rebase(h.edit, shared)))
    this.refresh()
  }

  /** The identity-number setting changed: "Share anyway" may now be offered, or no longer. */
  settingsChanged(): void {
    if (this.pending.size > 0) this.refresh()
  }

  /** The record's label as the document holds it, or `null` when the record is gone. */
  private sharedText(target: Target, id: string): string | null {
    const map = this.model.doc
      .getMap<unknown>(target === 'element' ? DocName.elements : DocName.links)
      .get(id)
    if (!(map instanceof Y.Map)) return null
    const label = (map as Y.Map<unknown>).get('label')
    return label instanceof Y.Text ? label.toString() : typeof label === 'string' ? label : ''
  }

  private write(target: Target, id: string, text: string): void {
    const shared = this.sharedText(target, id)
    if (shared === null || this.model.readOnly) return
    const delta = textDelta(shared, text)
    if (delta.length === 0) return
    try {
      if (target === 'element') applyLabelDelta(this.model.doc, id, delta, this.model.editContext())
      else applyLinkLabelDelta(this.model.doc, id, delta, this.model.editContext())
    } catch (err) {
      console.warn('label edit refused:', err instanceof Error ? err.message : err)
    }
  }

  /** Recomputes the warnings and tells the editors (through the model's hook) and the warning. */
  private refresh(): void {
    const identityShareable = this.identityCheck() === false
    const warnings: PersonalDataWarningState[] = []
    for (const [key, h] of this.pending) {
      const shared = this.sharedText(h.target, h.id)
      if (shared === null) {
        this.pending.delete(key)
        continue
      }
      if (h.typing) continue
      const findings = newFindings(shared, applyHeld(rebase(h.edit, shared)))
      if (findings.length === 0) continue
      warnings.push({
        key,
        target: h.target,
        id: h.id,
        findings,
        canShare: identityShareable || !findings.some(isIdentityNumber),
      })
    }
    const before = this.warnings.get()
    const same =
      before.length === warnings.length &&
      before.every(
        (w, i) =>
          w.key === warnings[i]!.key &&
          w.canShare === warnings[i]!.canShare &&
          JSON.stringify(w.findings) === JSON.stringify(warnings[i]!.findings),
      )
    if (!same) this.warnings.set(warnings)
    this.model.textGuards.changed()
  }
}
