/**
 * What facilitation changes in the board view, through the BoardModel's hooks only:
 * - read-only while the facilitator has locked the board (for participants; the server refuses their
 *   writes anyway, server/SPEC.md F2);
 * - the running meeting's number for provenance;
 * - voting: a click on an eligible element places a vote in this person's drafts (Alt- or Shift-click
 *   takes one back), ineligible elements are faded, and vote counts are drawn on the elements;
 * - silent brainstorm: a new note goes to this person's drafts instead of the board.
 * Returns one function that removes them all.
 */
import { ELEMENT_SPECS, castVote, addDraftNote } from '@circleboard/shared'
import type { SessionParts } from './sessionParts.js'
import { decideVoteClick, isEligible, voteBadges } from './votes.js'
import { runningOf } from './meetings.js'
import { drawVoteBadge } from './drawPresence.js'

/** Installs the hooks; returns their removal. */
export function installBoardHooks(session: SessionParts): () => void {
  const { model, conn } = session.feature
  const offs: (() => void)[] = []
  const control = () => session.control.get().state

  offs.push(model.addReadOnlyProvider(() => (session.lockedForMe() ? 'locked' : null)))
  model.setMeetingProvider(() => control().session.meeting?.number ?? runningOf(conn.doc)?.number ?? null)
  offs.push(() => model.setMeetingProvider(() => null))

  // Alt or Shift held at the pointer-down that the click interceptor is about to see.
  let removing = false
  const onDown = (e: PointerEvent): void => {
    removing = e.altKey || e.shiftKey
  }
  window.addEventListener('pointerdown', onDown, { capture: true })
  offs.push(() => window.removeEventListener('pointerdown', onDown, { capture: true }))

  offs.push(
    model.clickInterceptors.add((id) => {
      // Viewers have no drafts to vote with: their clicks select, as always.
      if (session.feature.role === 'viewer') return false
      const round = control().voting
      const mine = session.drafts.get().votes
      const decision = decideVoteClick(round, model.store.element(id), mine, removing)
      switch (decision.kind) {
        case 'pass':
        case 'ineligible':
          return false
        case 'none-left':
          session.tell('voting.noneLeft')
          return true
        case 'add':
        case 'remove':
          return vote(session, id, decision.kind === 'add' ? 1 : -1)
      }
    }),
  )

  offs.push(
    model.tints.add((id) => {
      const round = control().voting
      if (!round || round.status !== 'open' || round.scope === 'all') return null
      return isEligible(model.store.element(id), round.scope) ? null : { dim: true }
    }),
  )

  offs.push(
    model.decorations.add((ctx, scale) => {
      const round = control().voting
      const badges = voteBadges(round, session.drafts.get().votes)
      const color = session.local.user?.color ?? '#37474f'
      for (const badge of badges) {
        const e = model.store.element(badge.elementId)
        if (e) drawVoteBadge(ctx, e, badge, scale, color)
      }
    }),
  )

  // A label being typed when the lock comes would be refused by the server: close the editor (blur is
  // how the label editor finishes), so nothing is typed that cannot be kept.
  let wasLocked = session.lockedForMe()
  offs.push(
    session.control.subscribe(() => {
      const locked = session.lockedForMe()
      if (locked && !wasLocked) document.querySelector<HTMLElement>('.label-editor')?.blur()
      wasLocked = locked
    }),
  )

  // Redraw and re-tint when the round or this person's votes change.
  let last = ''
  const changed = (): void => {
    const round = control().voting
    const key = JSON.stringify([
      round?.id,
      round?.status,
      round?.scope,
      round?.results,
      session.drafts.get().votes,
    ])
    if (key === last) return
    last = key
    model.tints.changed()
    model.decorations.changed()
  }
  offs.push(session.control.subscribe(changed))
  offs.push(session.drafts.subscribe(changed))

  offs.push(
    model.createInterceptors.add((type, at) => {
      const b = control().session.brainstorm
      const drafts = session.draftsDoc
      if (!b || b.status !== 'collecting' || type !== 'note' || drafts === null) return undefined
      const { w, h } = ELEMENT_SPECS.note.defaultSize
      // Like a new note on the board, a new private note steps aside from whatever is already there.
      let x = Math.round(at.x - w / 2)
      let y = Math.round(at.y - h / 2)
      const taken = (): boolean =>
        model.store.query({ x: x + 4, y: y + 4, w: w - 8, h: h - 8 }).size > 0 ||
        session.drafts.get().notes.some((n) => Math.abs(n.x - x) < 8 && Math.abs(n.y - y) < 8)
      for (let i = 0; i < 20 && taken(); i++) {
        x += 24
        y += 24
      }
      try {
        const id = addDraftNote(
          drafts,
          {
            label: '',
            x,
            y,
            brainstorm: b.id,
            createdAt: Math.round(session.clock.now()),
          },
          model.origin,
        )
        session.focusDraft.set(id)
      } catch {
        session.tell('drafts.failed')
      }
      // Handled, and nothing was created on the board (so no label editor opens there).
      return null
    }),
  )

  return () => {
    for (const off of offs.splice(0).reverse()) off()
  }
}

function vote(session: SessionParts, elementId: string, delta: 1 | -1): boolean {
  const round = session.control.get().state.voting
  const drafts = session.draftsDoc
  if (!round || !drafts) {
    session.tell('voting.failed')
    return true
  }
  const ok = castVote(drafts, round.id, elementId, delta, round.votesPerPerson, session.feature.model.origin)
  if (!ok && delta > 0) session.tell('voting.noneLeft')
  return true
}

/** Adds or takes back one vote on an element (the voting panel's buttons). */
export function voteFor(session: SessionParts, elementId: string, delta: 1 | -1): void {
  const round = session.control.get().state.voting
  if (!round || round.status !== 'open') return
  if (!isEligible(session.feature.model.store.element(elementId), round.scope)) return
  vote(session, elementId, delta)
}
