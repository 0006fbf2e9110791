/**
 * Analysis and personal data in headless Chromium (issue 6): the Analysis panel follows a link added in
 * another browser; a finding selects its element and brings it into view; the overlay fades isolated
 * elements; a personnummer typed into a label is held in the typist's browser with a warning, and nothing
 * of it reaches anyone until they choose; with the board's check off, "Share anyway" shares it; the board
 * settings set an expiry date, show the audit log, and delete the board after exporting everything.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from '../support/browserSuite.js'
import { artifactPath } from '../support/browser.js'
import { boardData, centreOf, dimmedIds, openBoard, outline } from '../support/boardPage.js'
import { dragBoard, watchBoard } from '../support/facilitationPages.js'
import { findingGroup, findingLabels, inView, openAnalysis, prepareBoard } from '../support/analysisPages.js'

const suite = browserSuite()

const PNR = '19121212-1212'
const GAP_RESOURCES = 'Resources that contribute to no value outcome'
const GAP_VALUES = 'Value outcomes no resource contributes to'

/** A fresh English page of someone who gave their name before (so no name question opens). */
async function page(errors: string[], name: string): Promise<Page> {
  const context = await suite.newContext({
    locale: 'en-GB',
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  })
  await context.addInitScript((n) => {
    localStorage.setItem('circleboard.name', n)
    localStorage.setItem('circleboard.nameAsked', '1')
  }, name)
  const p = await context.newPage()
  p.on('pageerror', (e) => errors.push(e.message))
  return p
}

/** The label of an element as a page's document holds it. */
async function labelIn(p: Page, id: string): Promise<string | undefined> {
  return (await boardData(p)).elements.find((e) => e.id === id)?.label
}

/** Opens the label editor of an element by double-clicking it, caret at the end. */
async function editLabelOf(p: Page, id: string) {
  const at = await centreOf(p, id)
  await p.mouse.dblclick(at.x, at.y)
  const editor = p.locator('textarea.label-editor')
  await expect.poll(() => editor.count()).toBe(1)
  await editor.press('End')
  return editor
}

describe('analysis in the browser', () => {
  it('follows a link added in another browser; a finding reveals its element; the overlay fades isolated ones', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Samordning')
    const ids = await prepareBoard(suite.server.ws, board.id, board.tokens.facilitator)
    const link = `${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`
    const a = await page(errors, 'Anna')
    const b = await page(errors, 'Bo')
    await openBoard(a, link)
    await openBoard(b, link)

    const panel = await openAnalysis(a)
    await expect.poll(() => findingLabels(panel, GAP_RESOURCES), { timeout: 15_000 }).toEqual(['Stödsamtal'])
    expect(await findingLabels(panel, GAP_VALUES)).toEqual(['Arbete'])
    await a.screenshot({ path: artifactPath('analysis-panel.png') })

    // A finding far outside the view: the click selects it and brings it into view.
    await dragBoard(a, 500, 400)
    await expect.poll(() => inView(a, ids.arbete)).toBe(false)
    await findingGroup(panel, GAP_VALUES)
      .getByRole('button', { name: /Arbete/ })
      .click()
    await expect.poll(() => inView(a, ids.arbete)).toBe(true)
    const properties = a.getByRole('complementary', { name: 'Properties' })
    await expect.poll(() => properties.getByRole('textbox', { name: 'Label' }).inputValue()).toBe('Arbete')

    // B connects "Stödsamtal" to "Arbete" from the outline, by keyboard.
    await b.getByRole('button', { name: 'Outline', exact: true }).click()
    await outline(b)
      .locator('.outline-head', { has: b.locator('.outline-label', { hasText: 'Stödsamtal' }) })
      .focus()
    await b.keyboard.press('c')
    const dialog = b.getByRole('dialog', { name: 'Connect Stödsamtal' })
    await expect.poll(() => dialog.count()).toBe(1)
    await b.keyboard.type('arbete')
    await b.keyboard.press('Enter')
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Kind of link' }).inputValue())
      .toBe('contributes')
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()

    // A's panel follows: both gaps close, and the value outcome is now fed by Kommunen.
    await expect.poll(() => findingLabels(panel, GAP_RESOURCES), { timeout: 15_000 }).toEqual([])
    await expect.poll(() => findingLabels(panel, GAP_VALUES)).toEqual([])
    const feeds = findingGroup(panel, 'Organisations whose resources feed each value outcome')
    await expect
      .poll(() => feeds.locator('.finding-meta').allInnerTexts())
      .toEqual(['1 organisation(s): Kommunen'])

    // The matrix is a table: Kommunen and Regionen have one link between them.
    const matrix = panel.getByRole('table').filter({ hasText: 'Kommunen' }).first()
    expect(await matrix.getByRole('button', { name: 'Kommunen and Regionen: 1 link(s)' }).count()).toBe(1)

    // The overlay fades the isolated note, and its legend turns it off again.
    await panel.getByLabel('Show on the board').selectOption('isolated')
    await expect.poll(() => dimmedIds(a)).toEqual([ids.lonely])
    const legend = a.getByRole('complementary', { name: 'Legend of the analysis overlay' })
    expect(await legend.innerText()).toContain('Faded: elements without any link.')
    await a.screenshot({ path: artifactPath('analysis-overlay.png') })
    await legend.getByRole('button', { name: 'Turn the overlay off' }).click()
    await expect.poll(() => dimmedIds(a)).toEqual([])
    expect(errors).toEqual([])
  })

  it('holds a typed personnummer in the typist’s browser until they choose; with the check off it can be shared', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Personuppgifter')
    const ids = await prepareBoard(suite.server.ws, board.id, board.tokens.facilitator)
    const participant = `${suite.server.http}/b/${board.id}#t=${board.tokens.participant}`
    const a = await page(errors, 'Anna')
    const b = await page(errors, 'Bo')
    await openBoard(a, participant)
    await openBoard(b, participant)
    const watcher = await watchBoard(suite.server.ws, board.id, board.tokens.viewer)

    // A types a personnummer after the label, one key at a time, checking B after every key.
    const editor = await editLabelOf(a, ids.kommun)
    await editor.press('Space')
    for (const key of PNR) {
      await editor.press(key)
      expect(await labelIn(b, ids.kommun)).not.toMatch(/\d/)
    }
    const warning = a.getByRole('alert', { name: 'Personal data' })
    await expect.poll(() => warning.count()).toBe(1)
    expect(await warning.innerText()).toContain('This looks like a personal identity number (personnummer).')
    // The board's check is on: sharing it anyway is not offered.
    expect(await warning.getByRole('button', { name: 'Share anyway' }).count()).toBe(0)
    expect(await editor.inputValue()).toBe(`Kommunen ${PNR}`)
    await a.screenshot({ path: artifactPath('analysis-personal-data.png') })

    // Nothing reached B or the server while A decided.
    await a.waitForTimeout(1000)
    expect(await labelIn(b, ids.kommun)).toBe('Kommunen ')
    expect(JSON.stringify(watcher.doc.toJSON())).not.toContain('1212')

    await warning.getByRole('button', { name: 'Remove it' }).click()
    await expect.poll(() => warning.count()).toBe(0)
    await expect.poll(() => editor.inputValue()).toBe('Kommunen')
    await editor.press('Enter')
    await expect.poll(() => labelIn(b, ids.kommun), { timeout: 15_000 }).toBe('Kommunen')
    expect(JSON.stringify(watcher.doc.toJSON())).not.toContain('1212')

    // The facilitator turns the check off; then "Share anyway" shares what they typed.
    const f = await page(errors, 'Fia')
    await openBoard(f, `${suite.server.http}/b/${board.id}#t=${board.tokens.facilitator}`)
    await f.getByRole('button', { name: 'Board settings', exact: true }).click()
    const settings = f.getByRole('complementary', { name: 'Board settings' })
    const check = settings.getByRole('checkbox', { name: 'Remove personal identity numbers' })
    await expect.poll(() => check.isEnabled(), { timeout: 15_000 }).toBe(true)
    expect(await check.isChecked()).toBe(true)
    // The box follows the server's answer, not the click.
    await check.click()
    await expect.poll(() => check.isChecked(), { timeout: 15_000 }).toBe(false)
    await expect.poll(() => settings.getByRole('status').first().innerText()).toContain('no longer removed')
    const fEditor = await editLabelOf(f, ids.region)
    await fEditor.pressSequentially(` ${PNR}`)
    const fWarning = f.getByRole('alert', { name: 'Personal data' })
    await expect.poll(() => fWarning.count()).toBe(1)
    expect(await labelIn(b, ids.region)).toBe('Regionen ')
    await fWarning.getByRole('button', { name: 'Share anyway' }).click()
    await expect.poll(() => labelIn(b, ids.region), { timeout: 15_000 }).toBe(`Regionen ${PNR}`)
    watcher.close()
    expect(errors).toEqual([])
  })

  it('lets the facilitator set an expiry date, read the audit log, and delete the board after exporting it', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Att radera')
    await prepareBoard(suite.server.ws, board.id, board.tokens.facilitator)
    const f = await page(errors, 'Fia')
    await openBoard(f, `${suite.server.http}/b/${board.id}#t=${board.tokens.facilitator}`)
    await f.getByRole('button', { name: 'Board settings', exact: true }).click()
    const settings = f.getByRole('complementary', { name: 'Board settings' })

    // Pseudonymous mode is the board document's: another client sees it.
    await settings.getByRole('checkbox', { name: 'Pseudonymous board' }).check()
    const watcher = await watchBoard(suite.server.ws, board.id, board.tokens.viewer)
    await expect.poll(() => watcher.doc.getMap('meta').get('pseudonymous'), { timeout: 15_000 }).toBe(true)
    watcher.close()

    // An expiry date a year ahead, which the server then reports.
    const next = new Date()
    next.setFullYear(next.getFullYear() + 1)
    const day = next.toISOString().slice(0, 10)
    await settings.getByLabel('Delete the board on').fill(day)
    await settings.getByRole('button', { name: 'Save the date' }).click()
    await expect.poll(() => settings.innerText()).toContain('The board will be deleted on')
    const info = (await (
      await fetch(`${suite.server.http}/api/boards/${board.id}`, {
        headers: { authorization: `Bearer ${board.tokens.facilitator}` },
      })
    ).json()) as { settings: { expiresAt: string | null } }
    expect(info.settings.expiresAt?.slice(0, 4)).toBe(day.slice(0, 4))

    // The audit log names roles and events, never content.
    await settings.getByRole('button', { name: 'Show the audit log' }).click()
    const audit = settings.getByRole('table').filter({ hasText: 'When' })
    await expect.poll(() => audit.innerText(), { timeout: 15_000 }).toContain('Joined')
    const auditText = await audit.innerText()
    expect(auditText).toContain('Settings changed')
    expect(auditText).not.toContain('Kommunen')

    // Delete: export everything first (a zip download), then confirm.
    await settings.getByRole('button', { name: 'Delete the board…' }).click()
    const downloading = f.waitForEvent('download')
    await settings.getByRole('button', { name: 'Export everything first' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.zip$/)
    await expect.poll(() => settings.innerText()).toContain('The session package is downloaded.')
    const confirm = settings.getByRole('button', { name: 'Delete the board permanently' })
    expect(await confirm.isDisabled()).toBe(true)
    await settings.getByRole('checkbox', { name: 'I understand that the board cannot be restored' }).check()
    await confirm.click()
    await expect.poll(() => new URL(f.url()).pathname, { timeout: 15_000 }).toBe('/')
    const gone = await fetch(`${suite.server.http}/api/boards/${board.id}`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(gone.status).toBe(404)
    expect(errors).toEqual([])
  })
})
