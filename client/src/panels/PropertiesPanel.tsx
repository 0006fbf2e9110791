/**
 * The properties panel beside the canvas, for the selection: collapsible (remembered per browser), and
 * showing one element's, one link's, or several elements' properties. It re-renders when the selection
 * changes and, inside, each part subscribes to the records it shows. The frame is in the startup bundle;
 * what it shows for a selection loads in idle time after the first render, or at the first selection
 * (lazyUi.ts).
 */
import { Suspense, useState } from 'react'
import { useI18n } from '../i18n/index.js'
import { useSelectionState } from './hooks.js'
import { ElementProperties, LinkProperties, MultiProperties } from './lazyUi.js'
import './panels.css'

const KEY = 'circleboard.propertiesOpen'

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'false'
  } catch {
    return true
  }
}

/** The aside with the selection's properties. */
export function PropertiesPanel() {
  const { t } = useI18n()
  const selection = useSelectionState()
  const [open, setOpen] = useState(rememberedOpen)
  const toggle = (): void => {
    setOpen((o) => {
      try {
        localStorage.setItem(KEY, String(!o))
      } catch {
        // not remembered
      }
      return !o
    })
  }
  const elements = [...selection.elements]
  const links = [...selection.links]
  let body: React.ReactNode
  if (elements.length === 1 && links.length === 0)
    body = <ElementProperties key={elements[0]} id={elements[0]!} />
  else if (elements.length === 0 && links.length === 1)
    body = <LinkProperties key={links[0]} id={links[0]!} />
  else if (elements.length + links.length > 1) body = <MultiProperties />
  else body = <p className="muted">{t('props.empty')}</p>

  return (
    <aside className={`properties-panel${open ? '' : ' is-collapsed'}`} aria-label={t('props.title')}>
      <h2 className="properties-head">
        <button type="button" className="properties-toggle" aria-expanded={open} onClick={toggle}>
          <span aria-hidden="true">{open ? '▸' : '◂'}</span> {t('props.title')}
        </button>
      </h2>
      {open && (
        <div className="properties-body">
          <Suspense fallback={<p className="muted">{t('panel.loading')}</p>}>{body}</Suspense>
        </div>
      )}
    </aside>
  )
}
