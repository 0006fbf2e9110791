/** "Show join link on screen": puts the short join link on the meeting room's screen, or takes it off. */
import { useState } from 'react'
import { useI18n } from '../i18n/index.js'
import type { FacilitationSession } from './FacilitationSession.js'
import { useDerived } from './hooks.js'
import { onControl } from './actions.js'
import { fetchJoinPath, writeJoinPath } from './joinLink.js'

/** The checkbox, for facilitators. */
export function JoinLinkToggle({ session }: { session: FacilitationSession }) {
  const { t } = useI18n()
  const shown = useDerived(session.control, (c) => c.joinPath !== null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const toggle = async (on: boolean): Promise<void> => {
    setFailed(false)
    if (!on) {
      onControl(session, (doc, _n, o) => writeJoinPath(doc, null, o))
      return
    }
    setBusy(true)
    try {
      const { boardId, token } = session.feature
      const path = await fetchJoinPath(boardId, token)
      onControl(session, (doc, _n, o) => writeJoinPath(doc, path, o))
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="fac-join-toggle">
      <label className="fac-check">
        <input
          type="checkbox"
          checked={shown}
          disabled={busy}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {t('fac.share.showJoin')}
      </label>
      <p className="muted fac-hint">{t('fac.share.joinHelp')}</p>
      {failed && (
        <p role="alert" className="error">
          {t('fac.share.joinFailed')}
        </p>
      )}
    </div>
  )
}
