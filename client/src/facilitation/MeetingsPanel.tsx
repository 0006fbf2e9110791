/**
 * The "Meetings" panel: start and end a meeting (facilitators), and every meeting of the circle with
 * its date, attendees, agenda and what was added in it (elements and links whose provenance names it).
 */
import { useMemo, useState } from 'react'
import { DocName, type ElementData } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { revealElement } from '../canvas/cameraActions.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useBoardRevision, useDerived, useYVersion } from './hooks.js'
import { meetingActivity, readMeetings, type MeetingActivity } from './meetings.js'
import { MeetingForm } from './MeetingForm.js'

/** The meetings panel's body. */
export function MeetingsPanel({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const { conn, model } = session.feature
  const version = useYVersion(conn.doc.getMap(DocName.meetings))
  const revision = useBoardRevision(session)
  const facilitates = useDerived(session.control, (c) => session.canFacilitate(c.state))
  const meetings = useMemo(() => (version >= 0 ? readMeetings(conn.doc) : []), [conn, version])
  const activity = useMemo(() => {
    void revision
    return meetingActivity(meetings, model.store.allElements(), model.store.allLinks()).reverse()
  }, [meetings, model, revision])
  return (
    <div className="fac-meetings">
      {facilitates && <MeetingForm session={session} meetings={meetings} />}
      {activity.length === 0 ? (
        <p className="muted">{t('fac.meetings.none')}</p>
      ) : (
        <ul className="fac-list fac-meeting-list" aria-label={t('fac.meetings.list')}>
          {activity.map((a) => (
            <MeetingItem key={a.meeting.id} activity={a} onShow={(id) => revealElement(model, id)} />
          ))}
        </ul>
      )}
    </div>
  )
}

function MeetingItem({ activity, onShow }: { activity: MeetingActivity; onShow: (id: string) => void }) {
  const { t, formatDate } = useI18n()
  const [open, setOpen] = useState(false)
  const m = activity.meeting
  const state = m.endedAt !== null ? 'ended' : m.startedAt !== null ? 'running' : 'planned'
  return (
    <li className="fac-meeting" data-meeting={m.number}>
      <h3>
        {t('fac.meetings.item', { number: m.number, title: m.title || t('fac.meetings.untitled') })}
        {state !== 'ended' && <span className="fac-chip">{t(`fac.meetings.state.${state}`)}</span>}
      </h3>
      <p className="muted">
        {m.date ? formatDate(new Date(`${m.date}T12:00:00Z`)) : t('fac.meetings.noDate')}
        {m.startedAt !== null && m.endedAt !== null
          ? ` · ${formatDate(m.startedAt, 'time')}–${formatDate(m.endedAt, 'time')}`
          : ''}
      </p>
      {m.attendees.length > 0 && <p>{t('fac.meetings.attendeesList', { names: m.attendees.join(', ') })}</p>}
      {m.agenda.length > 0 && (
        <ol
          className="fac-list fac-meeting-agenda"
          aria-label={t('fac.meetings.agendaOf', { number: m.number })}
        >
          {m.agenda.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      )}
      <p data-testid="meeting-activity">
        {t('fac.meetings.activity', {
          added: activity.added.length,
          links: activity.linksAdded,
          changed: activity.changed,
        })}
      </p>
      {activity.added.length > 0 && (
        <>
          <button type="button" className="fac-link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? t('fac.meetings.hideAdded') : t('fac.meetings.showAdded')}
          </button>
          {open && <AddedList elements={activity.added} onShow={onShow} />}
        </>
      )}
    </li>
  )
}

function AddedList({ elements, onShow }: { elements: readonly ElementData[]; onShow: (id: string) => void }) {
  const { t } = useI18n()
  return (
    <ul className="fac-list fac-added">
      {elements.map((e) => (
        <li key={e.id}>
          <button type="button" className="fac-link" onClick={() => onShow(e.id)}>
            {e.label || t('fac.voting.unlabelled')}
          </button>
        </li>
      ))}
    </ul>
  )
}
