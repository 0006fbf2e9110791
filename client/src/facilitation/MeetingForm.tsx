/**
 * Starting and ending a meeting (facilitators): number (next), title, date, agenda and attendees taken
 * from who is here, all editable. Ending asks for the final attendees (everyone who came, present or
 * not) and stores the end; the server then saves a snapshot of the board (meetings.ts).
 */
import { useId, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { runningMeeting, type MeetingData } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived, usePeople } from './hooks.js'
import { beginMeeting, finishMeeting, mergeNames, parseLines } from './meetings.js'

const today = (): string => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The start or end form, whichever applies. */
export function MeetingForm({
  session,
  meetings,
}: {
  session: FacilitationSession
  meetings: readonly MeetingData[]
}) {
  const running = runningMeeting(meetings)
  return running ? (
    <EndForm key={running.id} session={session} meeting={running} />
  ) : (
    <StartForm session={session} next={Math.max(0, ...meetings.map((m) => m.number)) + 1} />
  )
}

function usePresentNames(session: FacilitationSession): string[] {
  return usePeople(session)
    .filter((p) => !p.screen)
    .map((p) => p.name)
}

/** A meeting form: its heading, its fields, why a submit failed, and the submit button. */
function MeetingFormFrame({
  session,
  heading,
  submitLabel,
  act,
  children,
}: {
  session: FacilitationSession
  heading: string
  submitLabel: string
  /** Changes the board and its control document on submit; throws with the reason when it cannot. */
  act: (doc: Y.Doc, control: Y.Doc) => void
  children: ReactNode
}) {
  const { t } = useI18n()
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="fac-section fac-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault()
        const control = session.controlDoc
        if (!control) return setError(t('fac.control.failed'))
        try {
          act(session.feature.conn.doc, control)
          setError(null)
        } catch (err) {
          setError(t('fac.meetings.failed', { reason: err instanceof Error ? err.message : String(err) }))
        }
      }}
    >
      <h3 id={`${id}-h`}>{heading}</h3>
      {children}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{submitLabel}</button>
    </form>
  )
}

function StartForm({ session, next }: { session: FacilitationSession; next: number }) {
  const { t } = useI18n()
  const present = usePresentNames(session)
  const agendaNow = useDerived(session.control, (c) => c.state.agenda.join('\n'))
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(today)
  const [agenda, setAgenda] = useState<string | null>(null)
  const [attendees, setAttendees] = useState<string | null>(null)
  const { model } = session.feature
  return (
    <MeetingFormFrame
      session={session}
      heading={t('fac.meetings.next', { number: next })}
      submitLabel={t('fac.meetings.start')}
      act={(doc, control) => {
        beginMeeting(
          doc,
          control,
          {
            title,
            date,
            agenda: parseLines(agenda ?? agendaNow),
            attendees: parseLines(attendees ?? present.join('\n')),
          },
          model.editContext(),
          Math.round(session.clock.now()),
          model.origin,
        )
        setTitle('')
        setAgenda(null)
        setAttendees(null)
      }}
    >
      <label>
        {t('fac.meetings.meetingTitle')}
        <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('fac.meetings.date')}
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {t('fac.meetings.agenda')}
        <textarea rows={3} value={agenda ?? agendaNow} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <label>
        {t('fac.meetings.attendees')}
        <textarea
          rows={4}
          value={attendees ?? present.join('\n')}
          onChange={(e) => setAttendees(e.target.value)}
        />
      </label>
    </MeetingFormFrame>
  )
}

function EndForm({ session, meeting }: { session: FacilitationSession; meeting: MeetingData }) {
  const { t } = useI18n()
  const present = usePresentNames(session)
  const [attendees, setAttendees] = useState<string | null>(null)
  const suggested = mergeNames(meeting.attendees, present).join('\n')
  const { model } = session.feature
  return (
    <MeetingFormFrame
      session={session}
      heading={t('fac.meetings.runningTitle', {
        number: meeting.number,
        title: meeting.title || t('fac.meetings.untitled'),
      })}
      submitLabel={t('fac.meetings.end')}
      act={(doc, control) =>
        finishMeeting(
          doc,
          control,
          meeting.id,
          parseLines(attendees ?? suggested),
          model.editContext(),
          model.origin,
        )
      }
    >
      <label>
        {t('fac.meetings.attendees')}
        <textarea rows={5} value={attendees ?? suggested} onChange={(e) => setAttendees(e.target.value)} />
      </label>
      <p className="muted fac-hint">{t('fac.meetings.endHelp')}</p>
    </MeetingFormFrame>
  )
}
