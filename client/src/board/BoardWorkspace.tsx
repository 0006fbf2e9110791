/**
 * The board view: toolbar, canvas and side panels around one BoardModel. It owns the UI state that is
 * not the document's (which panel is open, which label is being edited, the tool) and wires the canvas
 * controller's requests (edit a label, pick a link kind, create on double-click) to components.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ElementType, Point } from '@circleboard/shared'
import { useI18n } from '../i18n/index.js'
import { useBoardModel } from './BoardModel.js'
import { createElement } from './actions.js'
import { BoardCanvas } from '../canvas/BoardCanvas.js'
import { LabelEditor, type LabelTarget } from '../canvas/LabelEditor.js'
import { zoomToFit } from '../canvas/cameraActions.js'
import { CanvasController, type ToolName } from '../tools/CanvasController.js'
import { handleCanvasKey } from '../tools/keyboard.js'
import { copySelection, pasteClipboard } from './clipboard.js'
import { Toolbar } from '../ui/Toolbar.js'
import { LinkKindPicker } from '../ui/LinkKindPicker.js'

/** A panel of the sidebar (one is open at a time). */
export interface SidePanel {
  readonly id: string
  readonly title: string
  readonly render: () => ReactNode
}

/** What features add to the board view (outline, properties, facilitation, history, analysis). */
export interface WorkspaceSlots {
  /** Extra toolbar controls. */
  readonly toolbarExtra?: ReactNode
  /** Panels of the sidebar. */
  readonly panels?: readonly SidePanel[]
  /** Always-visible panels beside the canvas (the properties of the selection). */
  readonly aside?: ReactNode
  /** Konva layers above the interaction layer (presence). */
  readonly overlays?: ReactNode
  /** HTML over the canvas (banners, cursors' labels, the timer). */
  readonly canvasChildren?: ReactNode
  /** A bar under the toolbar (meeting banner, agenda step). */
  readonly banner?: ReactNode
}

/** What a feature's components can ask of the board view. */
export interface Workspace {
  readonly openPanel: string | null
  togglePanel(id: string): void
  closePanel(): void
  /** Starts editing an element's label. */
  editLabel(id: string): void
}

export const WorkspaceContext = createContext<Workspace | null>(null)

/** The board view around the nearest component. */
export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext)
  if (!w) throw new Error('useWorkspace outside the board view')
  return w
}

export function BoardWorkspace({ slots = {} }: { slots?: WorkspaceSlots }) {
  const model = useBoardModel()
  const { t } = useI18n()
  const [editing, setEditing] = useState<LabelTarget | null>(null)
  const [picking, setPicking] = useState<{ id: string; at: Point } | null>(null)
  const [tool, setTool] = useState<ToolName>('select')
  const [snap, setSnap] = useState(false)
  const [openPanel, setOpenPanel] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const controller = useMemo(
    () =>
      new CanvasController(model, {
        editLabel: (id) => setEditing({ kind: 'element', id }),
        linkCreated: (id, at) => setPicking({ id, at }),
        createAt: (at, type) => {
          const id = createElement(model, type, at)
          if (id) setEditing({ kind: 'element', id })
        },
        refused: () => setNotice(t('canvas.readOnly')),
      }),
    // The controller lives as long as the model; `t` only words a notice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model],
  )

  useEffect(() => {
    controller.setTool(tool)
  }, [controller, tool])
  useEffect(() => {
    controller.setSnap(snap)
  }, [controller, snap])
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => setNotice(null), 4000)
    return () => clearTimeout(timer)
  }, [notice])

  // The first time the board has content, show all of it.
  useEffect(() => {
    let fitted = false
    const fit = (): void => {
      if (fitted || model.store.elementCount === 0 || model.camera.width === 0) return
      fitted = true
      zoomToFit(model)
    }
    const timer = setTimeout(fit, 0)
    const off = model.store.subscribe(fit)
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [model])

  const create = useCallback(
    (type: ElementType) => {
      controller.setCreateType(type)
      const id = createElement(model, type)
      if (id) setEditing({ kind: 'element', id })
      else if (model.readOnly) setNotice(t('canvas.readOnly'))
    },
    [model, t, controller],
  )

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === ' ') {
      controller.setSpaceHeld(true)
      e.preventDefault()
      return
    }
    const handled = handleCanvasKey(e.nativeEvent, model, controller, {
      create,
      editLabel: (id) => setEditing({ kind: 'element', id }),
      copy: () => void copySelection(model),
      paste: () => void pasteClipboard(model),
      toggleConnect: () => setTool((tl) => (tl === 'connect' ? 'select' : 'connect')),
    })
    if (handled) e.preventDefault()
  }

  useEffect(() => {
    const up = (e: KeyboardEvent): void => {
      if (e.key === ' ') controller.setSpaceHeld(false)
    }
    window.addEventListener('keyup', up)
    return () => window.removeEventListener('keyup', up)
  }, [controller])

  const editingTitle = editing?.kind === 'element' ? (model.store.drawing(editing.id)?.title ?? '') : ''
  const workspace = useMemo<Workspace>(
    () => ({
      openPanel,
      togglePanel: (id) => setOpenPanel((open) => (open === id ? null : id)),
      closePanel: () => setOpenPanel(null),
      editLabel: (id) => setEditing({ kind: 'element', id }),
    }),
    [openPanel],
  )
  const panel = slots.panels?.find((p) => p.id === openPanel) ?? null

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className="workspace">
        <Toolbar
          tool={tool}
          onTool={setTool}
          onCreate={create}
          outlineOpen={openPanel === 'outline'}
          onToggleOutline={() => workspace.togglePanel('outline')}
          snap={snap}
          onToggleSnap={() => setSnap((s) => !s)}
          extra={slots.toolbarExtra}
        />
        {slots.banner}
        <div className="workspace-body">
          <BoardCanvas
            controller={controller}
            label={t('canvas.label', { count: model.store.elementCount })}
            onKeyDown={onKeyDown}
            overlays={slots.overlays}
          >
            {editing && (
              <LabelEditor
                target={editing}
                label={t('canvas.editLabel', { what: editingTitle })}
                onClose={() => setEditing(null)}
              />
            )}
            {picking && (
              <LinkKindPicker linkId={picking.id} at={picking.at} onClose={() => setPicking(null)} />
            )}
            {notice && (
              <div className="canvas-overlay notice" role="status">
                {notice}
              </div>
            )}
            {slots.canvasChildren}
          </BoardCanvas>
          {panel && (
            <aside className="side-panel" aria-label={panel.title} data-panel={panel.id}>
              <header className="side-panel-head">
                <h2>{panel.title}</h2>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('panel.close', { title: panel.title })}
                  onClick={() => setOpenPanel(null)}
                >
                  ×
                </button>
              </header>
              <div className="side-panel-body">{panel.render()}</div>
            </aside>
          )}
          {slots.aside}
        </div>
      </div>
    </WorkspaceContext.Provider>
  )
}
