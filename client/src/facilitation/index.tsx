/**
 * Meetings and facilitation (issue 4): presence (cursors, selections, participants, avatars), follow
 * and "Bring everyone here", the meeting room's shared screen, the facilitator's controls (timer, dot
 * voting, agenda, lock, silent brainstorm, handover), meetings, and the share dialog with QR codes.
 *
 * The feature's state lives in a `FacilitationSession` per board (FacilitationSession.ts); this hook
 * subscribes only to what decides the slots' shape (may this person facilitate, is the board locked for
 * them, is this the shared screen), so the board view re-renders on those changes alone. Every component
 * in the slots subscribes to its own part.
 *
 * The panels (closed when a board opens) and the share dialog's content load in idle time after the
 * first render, or on first use if that comes sooner (lazyUi.ts); the shared screen, the banner, the
 * timer and the presence layer are in the startup bundle, since they show at once.
 */
import { Suspense, useEffect, useMemo } from 'react'
import type { WorkspaceSlots } from '../board/BoardWorkspace.js'
import { useWorkspace } from '../board/BoardWorkspace.js'
import type { FeatureContext } from '../board/features.js'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, useFacilitationSession, usePeople, useStore } from './hooks.js'
import { loadWhenIdle } from '../lazyPart.js'
import { PresenceLayer } from './PresenceLayer.js'
import { FacilitatePanel, facilitationUi, MeetingsPanel, ParticipantsPanel, VotingPanel } from './lazyUi.js'
import { Banner } from './Banner.js'
import { TimerFace } from './TimerFace.js'
import { NamePrompt } from './NamePrompt.js'
import { DraftNotes } from './DraftNotes.js'
import { ScreenOverlay } from './ScreenOverlay.js'
import { ShareButton } from './ShareButton.js'
import './facilitation.css'

export { PresenceBar } from './PresenceBar.js'

/** Panel ids (the toolbar's buttons open them). */
export const PANELS = {
  participants: 'participants',
  meetings: 'meetings',
  voting: 'voting',
  facilitate: 'facilitate',
} as const

/** What facilitation adds to the board view. */
export function useFacilitationSlots(feature: FeatureContext): WorkspaceSlots {
  const { t } = useI18n()
  const session = useFacilitationSession(feature)
  const facilitates = useDerived(session.control, (c) => session.canFacilitate(c.state))
  // The toolbar's buttons read the model's read-only state when they render: re-render on lock changes.
  const locked = useDerived(session.control, (c) => session.lockedForMe(c.state))
  const screenOn = useDerived(session.screen, (s) => s.on)
  // The shared screen opens no panels.
  useEffect(() => (screenOn ? undefined : loadWhenIdle(facilitationUi)), [screenOn])
  return useMemo<WorkspaceSlots>(
    () => {
      const loading = <p className="muted">{t('panel.loading')}</p>
      return {
        toolbarExtra: <FacilitationToolbar session={session} facilitates={facilitates} screenOn={screenOn} />,
        panels: [
          {
            id: PANELS.participants,
            title: t('fac.facilitation.participants'),
            render: () => (
              <Suspense fallback={loading}>
                <ParticipantsPanel session={session} />
              </Suspense>
            ),
          },
          {
            id: PANELS.meetings,
            title: t('fac.facilitation.meetings'),
            render: () => (
              <Suspense fallback={loading}>
                <MeetingsPanel session={session} />
              </Suspense>
            ),
          },
          {
            id: PANELS.voting,
            title: t('fac.facilitation.voting'),
            render: () => (
              <Suspense fallback={loading}>
                <VotingPanel session={session} />
              </Suspense>
            ),
          },
          ...(facilitates
            ? [
                {
                  id: PANELS.facilitate,
                  title: t('fac.facilitation.facilitate'),
                  render: () => (
                    <Suspense fallback={loading}>
                      <FacilitatePanel session={session} />
                    </Suspense>
                  ),
                },
              ]
            : []),
        ],
        overlays: <PresenceLayer session={session} />,
        canvasChildren: (
          <>
            <TimerFace session={session} />
            <DraftNotes session={session} />
            <Notice session={session} />
            {screenOn ? <ScreenOverlay session={session} /> : <NamePrompt session={session} />}
          </>
        ),
        banner: screenOn ? undefined : <Banner session={session} />,
      }
    },
    // `locked` only forces the re-render described above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, facilitates, screenOn, locked, t],
  )
}

/** Starts loading the panels on hover or focus of their buttons, if idle time has not yet. */
function preload(): void {
  facilitationUi.load().catch(() => undefined)
}

function FacilitationToolbar({
  session,
  facilitates,
  screenOn,
}: {
  session: FacilitationSession
  facilitates: boolean
  screenOn: boolean
}) {
  const { t } = useI18n()
  const workspace = useWorkspace()
  const count = usePeople(session).length
  const toggle = (id: string, label: string, extra?: string) => (
    <button
      type="button"
      aria-label={label}
      aria-pressed={workspace.openPanel === id}
      onPointerEnter={preload}
      onFocus={preload}
      onClick={() => workspace.togglePanel(id)}
    >
      {label}
      {extra !== undefined && (
        <span className="fac-count-badge" aria-hidden="true">
          {extra}
        </span>
      )}
    </button>
  )
  return (
    <div className="toolbar-group fac-toolbar" role="group" aria-label={t('fac.facilitation.toolbar')}>
      {toggle(PANELS.participants, t('fac.facilitation.participants'), String(count))}
      {toggle(PANELS.meetings, t('fac.facilitation.meetings'))}
      {toggle(PANELS.voting, t('fac.facilitation.voting'))}
      {facilitates && toggle(PANELS.facilitate, t('fac.facilitation.facilitate'))}
      {facilitates && <ShareButton session={session} />}
      {session.feature.role === 'viewer' && !screenOn && (
        <button type="button" onClick={() => session.setScreen({ on: true })}>
          {t('fac.screen.enter')}
        </button>
      )}
    </div>
  )
}

function Notice({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const notice = useStore(session.notice)
  if (!notice) return null
  return (
    <div className="canvas-overlay notice fac-notice" role="status">
      {t(`fac.notice.${notice.key}`)}
    </div>
  )
}
