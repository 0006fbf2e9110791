/**
 * The toolbar: create each element type, connect, undo/redo, zoom, and open the outline. Every button
 * has an accessible name (the English names are part of what tests and screen readers rely on) and
 * shows its keyboard shortcut in its tooltip.
 */
import { useSyncExternalStore, type ReactNode } from 'react'
import type { ElementType } from '@circleboard/shared'
import { useI18n, type MessageKey } from '../i18n/index.js'
import { useBoardModel } from '../board/BoardModel.js'
import { redo, undo } from '../board/actions.js'
import { zoomStep, zoomToFit, zoomToSelection } from '../canvas/cameraActions.js'
import type { ToolName } from '../tools/CanvasController.js'

const CREATE: readonly [ElementType, MessageKey, string][] = [
  ['actor', 'toolbar.addActor', 'A'],
  ['resource', 'toolbar.addResource', 'R'],
  ['value', 'toolbar.addValue', 'V'],
  ['note', 'toolbar.addNote', 'N'],
  ['barrier', 'toolbar.addBarrier', 'B'],
  ['arena', 'toolbar.addArena', 'F'],
]

/** Props of the toolbar. */
export interface ToolbarProps {
  readonly tool: ToolName
  readonly onTool: (tool: ToolName) => void
  readonly onCreate: (type: ElementType) => void
  readonly outlineOpen: boolean
  readonly onToggleOutline: () => void
  readonly snap: boolean
  readonly onToggleSnap: () => void
  /** Further controls (panels of other features). */
  readonly extra?: ReactNode
}

function useUndoState(): { canUndo: boolean; canRedo: boolean } {
  const { undo: um } = useBoardModel()
  const subscribe = (l: () => void): (() => void) => {
    um.on('stack-item-added', l)
    um.on('stack-item-popped', l)
    um.on('stack-cleared', l)
    return () => {
      um.off('stack-item-added', l)
      um.off('stack-item-popped', l)
      um.off('stack-cleared', l)
    }
  }
  const canUndo = useSyncExternalStore(subscribe, () => um.undoStack.length > 0)
  const canRedo = useSyncExternalStore(subscribe, () => um.redoStack.length > 0)
  return { canUndo, canRedo }
}

export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n()
  const model = useBoardModel()
  const readOnly = model.readOnly
  const { canUndo, canRedo } = useUndoState()
  const tip = (key: MessageKey, shortcut: string): string =>
    t('toolbar.shortcut', { action: t(key), key: shortcut })
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        {CREATE.map(([type, key, shortcut]) => (
          <button
            key={type}
            type="button"
            className={`tool tool-${type}`}
            aria-label={t(key)}
            title={tip(key, shortcut)}
            disabled={readOnly}
            onClick={() => props.onCreate(type)}
          >
            <span className={`tool-icon tool-icon-${type}`} aria-hidden="true" />
            <span className="tool-text">{t(key)}</span>
          </button>
        ))}
        <button
          type="button"
          className="tool"
          aria-label={t('toolbar.connect')}
          aria-pressed={props.tool === 'connect'}
          title={tip('toolbar.connect', 'C')}
          disabled={readOnly}
          onClick={() => props.onTool(props.tool === 'connect' ? 'select' : 'connect')}
        >
          <span className="tool-icon tool-icon-connect" aria-hidden="true" />
          <span className="tool-text">{t('toolbar.connect')}</span>
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          aria-label={t('toolbar.undo')}
          title={tip('toolbar.undo', 'Ctrl+Z')}
          disabled={readOnly || !canUndo}
          onClick={() => undo(model)}
        >
          ↶
        </button>
        <button
          type="button"
          aria-label={t('toolbar.redo')}
          title={tip('toolbar.redo', 'Ctrl+Shift+Z')}
          disabled={readOnly || !canRedo}
          onClick={() => redo(model)}
        >
          ↷
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          aria-label={t('toolbar.zoomOut')}
          title={tip('toolbar.zoomOut', '-')}
          onClick={() => zoomStep(model, -1)}
        >
          −
        </button>
        <button
          type="button"
          aria-label={t('toolbar.zoomIn')}
          title={tip('toolbar.zoomIn', '+')}
          onClick={() => zoomStep(model, 1)}
        >
          +
        </button>
        <button
          type="button"
          aria-label={t('toolbar.zoomToFit')}
          title={tip('toolbar.zoomToFit', 'Shift+1')}
          onClick={() => zoomToFit(model)}
        >
          ⤢
        </button>
        <button
          type="button"
          aria-label={t('toolbar.zoomToSelection')}
          title={tip('toolbar.zoomToSelection', 'Shift+2')}
          onClick={() => zoomToSelection(model)}
        >
          ⊡
        </button>
        <button
          type="button"
          aria-label={t('toolbar.snap')}
          aria-pressed={props.snap}
          title={t('toolbar.snap')}
          onClick={props.onToggleSnap}
        >
          #
        </button>
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          aria-label={t('toolbar.outline')}
          aria-pressed={props.outlineOpen}
          title={t('toolbar.outline')}
          onClick={props.onToggleOutline}
        >
          {t('toolbar.outline')}
        </button>
        {props.extra}
      </div>
    </div>
  )
}
