/**
 * Helpers for the analysis browser tests (tests/e2e/analysis.test.ts): a prepared board written from
 * Node through the model's operations, the Analysis panel's finding lists, and where an element is
 * relative to the visible canvas.
 */
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { addElement, connect } from '@circleboard/shared'
import { openBoardWriter } from './boardWriter.js'

/** The ids of the prepared board's elements. */
export interface AnalysisBoard {
  readonly kommun: string
  readonly region: string
  readonly samtal: string
  readonly arbete: string
  readonly lonely: string
}

/**
 * Kommunen provides "Stödsamtal" (a resource contributing to nothing yet); Regionen collaborates with
 * Kommunen; "Arbete" is a value outcome far away that nothing feeds; "Ensam" is an unlinked note.
 */
export async function prepareBoard(ws: string, boardId: string, token: string): Promise<AnalysisBoard> {
  const w = await openBoardWriter(ws, boardId, token)
  try {
    const { doc, ctx } = w
    const kommun = addElement(
      doc,
      { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' },
      ctx,
    )
    const region = addElement(
      doc,
      { type: 'actor', kind: 'organization', x: 0, y: 240, label: 'Regionen' },
      ctx,
    )
    const samtal = addElement(
      doc,
      { type: 'resource', kind: 'competence', x: 320, y: 0, label: 'Stödsamtal' },
      ctx,
    )
    const arbete = addElement(
      doc,
      { type: 'value', kind: 'service-user', x: 2400, y: 1600, label: 'Arbete' },
      ctx,
    )
    const lonely = addElement(doc, { type: 'note', x: 320, y: 260, label: 'Ensam' }, ctx)
    connect(doc, { from: kommun, to: samtal, kind: 'provides' }, ctx)
    connect(doc, { from: region, to: kommun, kind: 'collaborates' }, ctx)
    await w.flushed()
    return { kommun, region, samtal, arbete, lonely }
  } finally {
    w.close()
  }
}

/** Opens the Analysis panel (if closed) on its first tab. */
export async function openAnalysis(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: 'Analysis', exact: true })
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click()
  const panel = page.getByRole('complementary', { name: 'Analysis' })
  await expect
    .poll(() => panel.getByRole('tab', { name: 'Integration' }).count(), { timeout: 15_000 })
    .toBe(1)
  return panel
}

/** The finding list titled `title` in the panel. */
export function findingGroup(panel: Locator, title: string): Locator {
  return panel.locator('.finding-group', { has: panel.page().locator('h4', { hasText: title }) })
}

/** The labels of the findings in the list titled `title`. */
export async function findingLabels(panel: Locator, title: string): Promise<string[]> {
  return findingGroup(panel, title).locator('.finding-label').allInnerTexts()
}

/** Whether the element's box lies inside the visible canvas. */
export async function inView(page: Page, id: string): Promise<boolean> {
  const box = await page.evaluate((i) => window.__circleboard!.screenBox(i), id)
  const canvas = await page.locator('.board-canvas').boundingBox()
  if (!box || !canvas) return false
  return (
    box.x >= canvas.x &&
    box.y >= canvas.y &&
    box.x + box.w <= canvas.x + canvas.width &&
    box.y + box.h <= canvas.y + canvas.height
  )
}
