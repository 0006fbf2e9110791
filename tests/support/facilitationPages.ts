/**
 * Helpers for the facilitation browser tests (tests/e2e/facilitation.test.ts): open a link (with the
 * board's `?test` read hook, see boardPage.ts) and wait for the live connection, answer the name
 * question, read what the presence layer exposes (`data-cursors`, `data-viewport`), pan by dragging empty
 * board, and watch a board document from Node through a stock y-websocket provider.
 */
import { expect } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import * as Y from 'yjs'
import { DocName } from '@circleboard/shared'
import { eventually, provider, synced, type AnyProvider } from './providers.js'
import { withTestHook } from './boardPage.js'

/** Opens `url` in a new page of `context`, waits until the board is live, and collects page errors. */
export async function openLive(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`${url.split('#')[0]}: ${e.message}`))
  await page.goto(withTestHook(url))
  // `eventually`, not `expect.poll`: this also runs in `beforeAll`, outside any test.
  await eventually(async () => {
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('live')
  }, 20_000)
  return page
}

/** Answers the first-join name question. */
export async function giveName(page: Page, name: string, org?: string): Promise<void> {
  await page.getByLabel('Your name').fill(name)
  if (org !== undefined) await page.getByLabel('Organisation (optional)').fill(org)
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect.poll(() => page.getByLabel('Your name').count()).toBe(0)
}

/** Remote cursors the presence layer draws. */
export async function cursorsShown(page: Page): Promise<number> {
  const v = await page.locator('canvas[data-cursors]').getAttribute('data-cursors')
  return Number(v ?? 0)
}

/** The visible area of the board: centre and size in board units. */
export interface View {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** What the page shows of the board now. */
export async function viewOf(page: Page): Promise<View> {
  const v = await page.locator('canvas[data-viewport]').getAttribute('data-viewport')
  const [x, y, w, h] = (v ?? '').split(' ').map(Number)
  return { x: x ?? NaN, y: y ?? NaN, w: w ?? NaN, h: h ?? NaN }
}

/** The canvas's box on the page. */
export async function canvasBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('.board-canvas').boundingBox()
  if (!box) throw new Error('no board canvas')
  return box
}

/** Pans by dragging from a point near the bottom left of the canvas (empty board there). */
export async function dragBoard(page: Page, dx: number, dy: number): Promise<void> {
  const box = await canvasBox(page)
  const from = { x: box.x + 60, y: box.y + box.height - 60 }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 })
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 })
  await page.mouse.up()
}

/** A board document watched from Node (read-only with a viewer token). */
export interface BoardWatcher {
  readonly doc: Y.Doc
  readonly provider: AnyProvider
  /** Labels of the board's elements. */
  labels(): string[]
  /** An element's fields by label (plain values), or undefined. */
  byLabel(label: string): Record<string, unknown> | undefined
  close(): void
}

/** Connects to a board document and waits for the first sync. */
export async function watchBoard(ws: string, boardId: string, token: string): Promise<BoardWatcher> {
  const doc = new Y.Doc()
  const p = provider('y-websocket 3.1', ws, boardId, token, doc)
  await synced(p)
  const entries = (): [string, Y.Map<unknown>][] =>
    [...doc.getMap<Y.Map<unknown>>(DocName.elements).entries()].filter(
      (e): e is [string, Y.Map<unknown>] => e[1] instanceof Y.Map,
    )
  const labelOf = (m: Y.Map<unknown>): string => String(m.get('label') ?? '')
  return {
    doc,
    provider: p,
    labels: () => entries().map(([, m]) => labelOf(m)),
    byLabel: (label) => {
      const found = entries().find(([, m]) => labelOf(m) === label)
      return found ? { id: found[0], ...found[1].toJSON() } : undefined
    },
    close: () => {
      p.destroy()
      doc.destroy()
    },
  }
}
