/**
 * Copy and paste of elements (with the links between them), across boards and browser tabs: the system
 * clipboard carries a marked JSON text; when the browser refuses clipboard access, a copy kept in this tab
 * is used. Pasted elements get new ids and land offset from the originals (or at the view's centre when
 * the originals are out of sight).
 */
import { addElement, connect, type ElementData, type LinkData } from '@circleboard/shared'
import type { BoardModel } from './BoardModel.js'
import { attempt, selectedElements } from './actions.js'

const MARK = 'circleboard/elements+json\n'

interface Clip {
  readonly elements: readonly ElementData[]
  readonly links: readonly LinkData[]
}

let memory: Clip | null = null

/** Copies the selected elements and the links among them. */
export async function copySelection(model: BoardModel): Promise<boolean> {
  const elements = selectedElements(model)
  if (elements.length === 0) return false
  const ids = new Set(elements.map((e) => e.id))
  const links = model.store.allLinks().filter((l) => ids.has(l.from) && ids.has(l.to))
  memory = { elements, links }
  try {
    await navigator.clipboard.writeText(MARK + JSON.stringify(memory))
  } catch {
    // No clipboard permission: the in-tab copy still pastes here.
  }
  return true
}

function parseClip(text: string | null): Clip | null {
  if (!text?.startsWith(MARK)) return null
  try {
    const clip = JSON.parse(text.slice(MARK.length)) as Clip
    return Array.isArray(clip.elements) && Array.isArray(clip.links) ? clip : null
  } catch {
    return null
  }
}

/** Pastes what was copied; the pasted elements become the selection. */
export async function pasteClipboard(model: BoardModel): Promise<boolean> {
  let clip: Clip | null = null
  try {
    clip = parseClip(await navigator.clipboard.readText())
  } catch {
    // Clipboard refused: fall back to this tab's copy.
  }
  clip ??= memory
  if (!clip || clip.elements.length === 0) return false
  const view = model.camera.viewBox()
  const minX = Math.min(...clip.elements.map((e) => e.x))
  const minY = Math.min(...clip.elements.map((e) => e.y))
  const visible = minX >= view.x && minY >= view.y && minX <= view.x + view.w && minY <= view.y + view.h
  const dx = visible ? 30 : view.x + view.w / 3 - minX
  const dy = visible ? 30 : view.y + view.h / 3 - minY
  const ids = new Map<string, string>()
  const source = clip
  const ok = attempt(model, () => {
    model.doc.transact(() => {
      const ctx = model.editContext()
      // Arenas first, so pasted members can point at the pasted arena.
      const ordered = [...source.elements].sort(
        (a, b) => Number(b.type === 'arena') - Number(a.type === 'arena'),
      )
      for (const e of ordered) {
        const id = addElement(
          model.doc,
          {
            type: e.type,
            kind: e.kind,
            x: Math.round(e.x + dx),
            y: Math.round(e.y + dy),
            w: e.w,
            h: e.h,
            label: e.label,
            color: e.color,
            tags: e.tags,
            org: e.org && (ids.get(e.org) ?? (model.store.element(e.org) ? e.org : null)),
            arena: e.arena ? (ids.get(e.arena) ?? null) : null,
          },
          ctx,
        )
        ids.set(e.id, id)
      }
      for (const l of source.links) {
        const from = ids.get(l.from)
        const to = ids.get(l.to)
        if (from && to) connect(model.doc, { from, to, kind: l.kind, label: l.label }, ctx)
      }
    }, model.origin)
  })
  if (ok) model.selection.set([...ids.values()])
  return ok
}
