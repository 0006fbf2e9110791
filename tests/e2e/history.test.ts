/**
 * Snapshots, history, compare, restore and exports in headless Chromium (issue 5):
 * - a facilitator ends a meeting and finds the server's automatic snapshot in the History panel; the board
 *   changes; "Compare" lists the change in the table and highlights it on the canvas; "Restore" brings the
 *   snapshot back as one change, which Ctrl+Z takes back; the session package downloads, and its listing
 *   is checked;
 * - the SVG export and the canvas draw the same board: both rendered in Chromium with the same transform,
 *   screenshotted and compared pixel by pixel (anti-aliasing may differ; layout, colours, shapes and text
 *   positions may not). Both images and their difference are kept as artifacts.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import {
  addElement,
  addToArena,
  boardScene,
  connect,
  exportBoardJson,
  exportSvg,
  initBoardDoc,
  legendDrawing,
  readBoard,
  relabelElement,
  setElementColor,
  setElementTags,
} from '@circleboard/shared'
import { browserSuite } from '../support/browserSuite.js'
import { startServerProcess } from '../support/serverProcess.js'
import { artifactPath } from '../support/browser.js'
import { addFromToolbar, boardData, elementId, explainPersonWait, openBoard } from '../support/boardPage.js'
import { openBoardWriter, type BoardWriter } from '../support/boardWriter.js'
import { zipEntries, zipFile } from '../support/zipListing.js'
import { compareImages } from '../support/imageCompare.js'
import { HIGHLIGHT_STYLES } from '@circleboard/shared'

const suite = browserSuite()

const writers: BoardWriter[] = []

afterAll(() => {
  for (const w of writers) w.close()
})

/** An English page of a person who gave their name before (no first-join question). */
async function page(errors: string[], name = 'Fia'): Promise<Page> {
  const context = await suite.newContext({
    locale: 'en-GB',
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
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

/** Pixels of the history canvas's board layer within `tolerance` of a colour. */
function countColour(p: Page, hex: string, tolerance = 40): Promise<number> {
  return p.evaluate(
    ({ hex, tolerance }) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
      let n = 0
      for (const canvas of Array.from(
        document.querySelectorAll<HTMLCanvasElement>('.history-canvas canvas'),
      )) {
        const ctx = canvas.getContext('2d')
        if (!ctx || canvas.width === 0) continue
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
        for (let i = 0; i < data.length; i += 4) {
          if (
            Math.abs(data[i]! - r!) <= tolerance &&
            Math.abs(data[i + 1]! - g!) <= tolerance &&
            Math.abs(data[i + 2]! - b!) <= tolerance
          )
            n++
        }
      }
      return n
    },
    { hex, tolerance },
  )
}

/** Ends a meeting the way a facilitator does: through the meeting controls when this build has them. */
async function holdMeeting(p: Page, writer: BoardWriter): Promise<'ui' | 'control document'> {
  const meetings = p.getByRole('button', { name: 'Meetings', exact: true })
  if ((await meetings.count()) > 0) {
    await meetings.click()
    await p.getByRole('button', { name: 'Start meeting' }).click()
    await p.getByRole('button', { name: 'End meeting' }).click()
    await expect.poll(() => p.getByRole('button', { name: 'Start meeting' }).count()).toBe(1)
    return 'ui'
  }
  // Without meeting controls in this build: the facilitator's writes, from a Node client with the same token.
  const started = writer.startMeeting('Kartläggning')
  await writer.flushed()
  writer.endMeeting(started.id)
  await writer.flushed()
  return 'control document'
}

describe('history in the browser', () => {
  it('a meeting ends: its snapshot, compare, restore and undo, and the session package', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Unga vuxna – samverkan')
    const writer = await openBoardWriter(suite.server.ws, board.id, board.tokens.facilitator)
    writers.push(writer)
    const kommun = addElement(
      writer.doc,
      { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Kommunen' },
      writer.ctx,
    )
    const tid = addElement(
      writer.doc,
      { type: 'resource', kind: 'time', x: 420, y: 0, label: 'Tid' },
      writer.ctx,
    )
    connect(writer.doc, { from: kommun, to: tid, kind: 'provides' }, writer.ctx)
    await writer.flushed()

    const p = await page(errors)
    await openBoard(p, `${suite.server.http}${board.links.facilitator}`)
    const how = await holdMeeting(p, writer)

    // The server's automatic snapshot appears in the History panel.
    await p.getByRole('button', { name: 'History', exact: true }).click()
    const panel = p.getByRole('complementary', { name: 'History' })
    const automatic = panel.locator('.history-item[data-automatic="true"]')
    await expect
      .poll(
        async () => {
          if ((await automatic.count()) === 0) await panel.getByRole('button', { name: 'Refresh' }).click()
          return automatic.count()
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1)
    expect(await automatic.textContent()).toMatch(/End of meeting 1.*Automatic.*Meeting 1/)
    await p.screenshot({ path: artifactPath(`history-panel-${how.replace(' ', '-')}.png`) })

    // The board changes: an actor added here, a resource relabelled by someone else.
    const added = await addFromToolbar(p, 'Add actor', 'Arbetsförmedlingen')
    relabelElement(writer.doc, tid, 'Tid och kunskap', writer.ctx)
    await elementId(p, 'Tid och kunskap')

    // Compare the snapshot with now: the table lists the changes, the canvas highlights them.
    await expect.poll(() => panel.getByLabel('From').inputValue()).not.toBe('')
    await panel.getByRole('button', { name: 'Compare', exact: true }).click()
    const overlay = p.locator('.history-overlay[data-status="compare"]')
    await expect.poll(() => overlay.count(), { timeout: 15_000 }).toBe(1)
    expect(await overlay.getAttribute('data-added')).toBe('1')
    expect(await overlay.getAttribute('data-changed')).toBe('1')
    expect(await overlay.getAttribute('data-removed')).toBe('0')
    const table = p.getByTestId('compare-table')
    const addedRow = table.locator(`tr[data-id="${added}"]`)
    expect(await addedRow.getAttribute('data-change')).toBe('added')
    expect(await addedRow.textContent()).toContain('Arbetsförmedlingen')
    const changedRow = table.locator(`tr[data-id="${tid}"]`)
    expect(await changedRow.getAttribute('data-change')).toBe('changed')
    expect((await changedRow.textContent())?.replace(/\s+/g, ' ')).toContain('Label Tid → Tid och kunskap')
    // Sortable by kind of change: descending puts "changed" before "added".
    await table.getByRole('button', { name: /Change/ }).click()
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1)
    expect(await table.locator('tbody tr').first().getAttribute('data-change')).toBe('changed')
    await expect.poll(() => countColour(p, HIGHLIGHT_STYLES.added.color)).toBeGreaterThan(100)
    await expect.poll(() => countColour(p, HIGHLIGHT_STYLES.changed.color)).toBeGreaterThan(100)
    expect(await p.getByRole('region', { name: /^Comparing End of meeting 1/ }).count()).toBe(1)
    await p.screenshot({ path: artifactPath('history-compare.png') })
    await p.getByRole('button', { name: 'Back to live' }).click()
    await expect.poll(() => p.locator('.history-overlay').count()).toBe(0)

    // Restore the snapshot (asked first), then take it back with Ctrl+Z.
    await automatic.getByRole('button', { name: 'Restore', exact: true }).click()
    const confirm = p.getByRole('alertdialog')
    expect(await confirm.textContent()).toContain('Undo (Ctrl+Z)')
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click()
    const labels = async (): Promise<string[]> => (await boardData(p)).elements.map((e) => e.label).sort()
    await expect.poll(labels).toEqual(['Kommunen', 'Tid'])
    await expect.poll(() => readBoard(writer.doc).elements.length).toBe(2)
    await p.locator('.board-canvas').first().focus()
    await p.keyboard.press('Control+z')
    await expect.poll(labels).toEqual(['Arbetsförmedlingen', 'Kommunen', 'Tid och kunskap'])
    await expect.poll(() => readBoard(writer.doc).elements.length).toBe(3)

    // The session package of the meeting's snapshot, downloaded with progress and listed.
    await p.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = p.getByRole('dialog', { name: 'Export' })
    await expect.poll(() => dialog.count()).toBe(1)
    for (const format of [
      'JSON',
      'CSV (zip)',
      'GraphML',
      'SVG',
      'PDF',
      'PNG',
      'Markdown minutes',
      'Session package (zip)',
    ])
      expect(await dialog.getByRole('radio', { name: format }).count()).toBeGreaterThan(0)
    await dialog.getByRole('radio', { name: 'Session package (zip)' }).check()
    await dialog
      .getByLabel('Board or snapshot')
      .selectOption({ label: (await automatic.locator('strong').textContent()) ?? '' })
    const [download] = await Promise.all([
      p.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ])
    const file = artifactPath('history-session-package.zip')
    await download.saveAs(file)
    expect(download.suggestedFilename()).toMatch(/session\.zip$/)
    const zip = new Uint8Array(readFileSync(file))
    const names = zipEntries(zip).map((e) => e.name)
    expect(names.slice(0, 6)).toEqual([
      'README.md',
      'board.json',
      'elements.csv',
      'links.csv',
      'board.graphml',
      'minutes.md',
    ])
    expect(names).toEqual(expect.arrayContaining(['board.svg', 'board.pdf']))
    // It is the snapshot's package: the board as the meeting left it.
    const json = JSON.parse(zipFile(zip, 'board.json').toString('utf8')) as {
      snapshot: { label: string } | null
      board: { elements: { label: string }[] }
    }
    expect(json.snapshot?.label).toMatch(/^End of meeting 1/)
    expect(json.board.elements.map((e) => e.label).sort()).toEqual(['Kommunen', 'Tid'])
    await expect.poll(() => dialog.getByRole('status').last().textContent()).toMatch(/^Saved .*session\.zip/)
    await p.screenshot({ path: artifactPath('history-export.png') })
    expect(errors).toEqual([])
  })

  it('the SVG export and the canvas draw the same board', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Samordningsförbundet')
    const writer = await openBoardWriter(suite.server.ws, board.id, board.tokens.facilitator)
    writers.push(writer)
    const { doc, ctx } = writer
    const arena = addElement(
      doc,
      { type: 'arena', x: -40, y: 300, w: 620, h: 260, label: 'Samverkansteam' },
      ctx,
    )
    const af = addElement(
      doc,
      { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Arbetsförmedlingen' },
      ctx,
    )
    const fk = addElement(
      doc,
      { type: 'actor', kind: 'organization', x: 0, y: 150, label: 'Försäkringskassan' },
      ctx,
    )
    const coach = addElement(
      doc,
      { type: 'actor', kind: 'role', x: 20, y: 380, label: 'Coach', org: af },
      ctx,
    )
    const money = addElement(
      doc,
      { type: 'resource', kind: 'funding', x: 420, y: 0, label: 'Finansiering' },
      ctx,
    )
    const know = addElement(
      doc,
      { type: 'resource', kind: 'knowledge', x: 300, y: 400, label: 'Kunskap om regelverk' },
      ctx,
    )
    const work = addElement(
      doc,
      { type: 'value', kind: 'service-user', x: 820, y: 80, label: 'Egen försörjning' },
      ctx,
    )
    const barrier = addElement(
      doc,
      { type: 'barrier', x: 820, y: 380, label: 'Sekretess mellan myndigheter' },
      ctx,
    )
    const note = addElement(doc, { type: 'note', x: 1100, y: 200, label: 'Fråga: vem äger processen?' }, ctx)
    addToArena(doc, [coach, know], arena, ctx)
    setElementColor(doc, [note], '#ffe08a', ctx)
    setElementTags(doc, money, ['samordning'], ctx)
    connect(doc, { from: af, to: money, kind: 'provides', label: 'statliga medel' }, ctx)
    connect(doc, { from: fk, to: know, kind: 'provides' }, ctx)
    connect(doc, { from: money, to: work, kind: 'contributes' }, ctx)
    connect(doc, { from: af, to: fk, kind: 'collaborates' }, ctx)
    connect(doc, { from: barrier, to: work, kind: 'hinders' }, ctx)
    connect(doc, { from: coach, to: know, kind: 'integrates' }, ctx)
    await writer.flushed()

    const p = await page(errors, 'Olle')
    await openBoard(p, `${suite.server.http}${board.links.participant}`)
    await elementId(p, 'Fråga: vem äger processen?')
    await p.getByRole('button', { name: 'Zoom to fit', exact: true }).click()
    const canvas = p.locator('.board-canvas').first()
    // The canvas's dotted grid and off-white paper are page styling, not the board's drawing.
    await canvas.evaluate((el) => {
      ;(el as HTMLElement).style.backgroundImage = 'none'
      ;(el as HTMLElement).style.backgroundColor = '#ffffff'
      ;(document.activeElement as HTMLElement | null)?.blur()
    })
    await p.mouse.move(0, 0)
    const rect = (await canvas.boundingBox())!
    // The camera's transform, from where one element is drawn.
    const scale = await p.evaluate(() => window.__circleboard!.scale())
    const at = (await p.evaluate((id) => window.__circleboard!.screenBox(id), af))!
    const data = readBoard(doc)
    const afData = data.elements.find((e) => e.id === af)!
    const tx = at.x - rect.x - afData.x * scale
    const ty = at.y - rect.y - afData.y * scale
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const canvasPng = await canvas.screenshot()

    // The SVG export of the same board (the server's drawing of the board is the same markup).
    const svg = exportSvg(data, { lang: 'en', title: false, legend: false })
    const res = await fetch(`${suite.server.http}/api/boards/${board.id}/export?format=svg&lang=en`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(res.status).toBe(200)
    const boardGroup = (s: string): string => {
      const start = s.indexOf('<g class="cb-board">')
      return s.slice(start, s.indexOf('\n</g>', s.indexOf('<g class="cb-elements">')))
    }
    expect(boardGroup(await res.text())).toBe(boardGroup(svg))
    // The SVG's viewBox, moved to whole pixels on screen: an image is laid out on the pixel grid, the canvas
    // draws at the camera's fractional offset. Same scale and translation, so every board point lands on the
    // same screen point in both.
    const [vx, vy, vw, vh] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [
      number,
      number,
      number,
      number,
    ]
    const left = Math.floor(vx * scale + tx)
    const top = Math.floor(vy * scale + ty)
    const width = Math.ceil(vw * scale) + 2
    const height = Math.ceil(vh * scale) + 2
    const aligned = svg.replace(
      /<svg([^>]*?) width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
      `<svg$1 width="${width}" height="${height}" viewBox="${(left - tx) / scale} ${(top - ty) / scale} ${width / scale} ${height / scale}"`,
    )
    expect(aligned).not.toBe(svg)
    const svgPage = await (
      await suite.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 })
    ).newPage()
    await svgPage.setContent(
      `<body style="margin:0"><div id="frame" style="position:relative;overflow:hidden;background:#fff;` +
        `width:${rect.width}px;height:${rect.height}px"><img id="svg" style="position:absolute;` +
        `left:${left}px;top:${top}px;width:${width}px;height:${height}px" ` +
        `src="data:image/svg+xml;base64,${Buffer.from(aligned).toString('base64')}"></div></body>`,
    )
    await svgPage.evaluate(() => (document.getElementById('svg') as HTMLImageElement).decode())
    const svgPng = await svgPage.locator('#frame').screenshot()

    writeFileSync(artifactPath('history-svg-canvas.png'), canvasPng)
    writeFileSync(artifactPath('history-svg-export.png'), svgPng)
    const cmp = await compareImages(svgPage, canvasPng, svgPng, { pixelTolerance: 64, block: 16, shift: 1 })
    writeFileSync(artifactPath('history-svg-diff.png'), cmp.diffPng)
    writeFileSync(
      artifactPath('history-svg-compare.json'),
      JSON.stringify({ scale, tx, ty, ...cmp, diffPng: undefined }, null, 2),
    )
    expect(cmp.differentPixels).toBeLessThan(0.01)
    expect(cmp.worstBlock).toBeLessThan(12)
    expect(errors).toEqual([])
  })

  it('a snapshot saved by hand, opened read-only; a PNG export; CSV and JSON imports', async () => {
    const errors: string[] = []
    const board = await suite.server.createBoard('Cirkeln i Gävle')
    const writer = await openBoardWriter(suite.server.ws, board.id, board.tokens.facilitator)
    writers.push(writer)
    const region = addElement(
      writer.doc,
      { type: 'actor', kind: 'organization', x: 0, y: 0, label: 'Region Gävleborg' },
      writer.ctx,
    )
    const care = addElement(
      writer.doc,
      { type: 'resource', kind: 'competence', x: 400, y: 0, label: 'Vård' },
      writer.ctx,
    )
    connect(writer.doc, { from: region, to: care, kind: 'provides' }, writer.ctx)
    await writer.flushed()
    const p = await page(errors)
    await openBoard(p, `${suite.server.http}${board.links.facilitator}`)

    // Save snapshot: a label, then the History panel shows it, with its author (once the board knows them:
    // the page writes its person once synced, which can take longer than the poll's default second on a
    // busy CI machine).
    await explainPersonWait(
      p,
      board.id,
      expect
        .poll(() => readBoard(writer.doc).people.map((x) => x.name), { timeout: 15_000 })
        .toContain('Fia'),
    )
    await p.getByRole('button', { name: 'Save snapshot', exact: true }).click()
    const save = p.getByRole('dialog', { name: 'Save snapshot' })
    await expect.poll(() => save.count()).toBe(1)
    await save.getByLabel('Label').fill('Före workshopen')
    await save.getByRole('button', { name: 'Save', exact: true }).click()
    const item = p.locator('.history-item', { hasText: 'Före workshopen' })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    expect(await item.getAttribute('data-automatic')).toBe('false')
    expect(await item.textContent()).toContain('by Fia')

    // The board changes; the snapshot opens read-only, as it was.
    relabelElement(writer.doc, care, 'Vård och omsorg', writer.ctx)
    await elementId(p, 'Vård och omsorg')
    await item.getByRole('button', { name: 'Open', exact: true }).click()
    const viewing = p.getByRole('region', { name: 'Viewing snapshot Före workshopen — read-only' })
    await expect.poll(() => viewing.locator('.history-canvas').count(), { timeout: 15_000 }).toBe(1)
    expect(await p.getByRole('button', { name: 'Add actor', exact: true }).isDisabled()).toBe(true)
    await p.screenshot({ path: artifactPath('history-snapshot-view.png') })
    await viewing.getByRole('button', { name: 'Back to live' }).click()
    await expect.poll(() => p.locator('.history-overlay').count()).toBe(0)
    expect(await p.getByRole('button', { name: 'Add actor', exact: true }).isDisabled()).toBe(false)

    // PNG of the whole board at 2x with the legend, drawn in the browser.
    await p.getByRole('button', { name: 'Export', exact: true }).click()
    const dialog = p.getByRole('dialog', { name: 'Export' })
    await expect.poll(() => dialog.count()).toBe(1)
    await dialog.getByRole('radio', { name: 'PNG' }).check()
    await dialog.getByLabel('Resolution').selectOption({ label: '2×' })
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ])
    const pngFile = artifactPath('history-board.png')
    await download.saveAs(pngFile)
    const png = readFileSync(pngFile)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const now = readBoard(writer.doc)
    const bounds = boardScene(now, { lang: 'en' }).bounds!
    const legend = legendDrawing('en', { board: now, maxHeight: Math.max(bounds.h, 360) })
    expect(png.readUInt32BE(16)).toBe(Math.ceil((bounds.w + 24 + legend.w) * 2))
    expect(png.readUInt32BE(20)).toBe(Math.ceil(Math.max(bounds.h, legend.h) * 2))
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()

    // A CSV table: the mapping step guesses the columns, shows the bad rows, imports the good ones as one
    // change, which one Ctrl+Z takes back.
    await p.getByRole('button', { name: 'Import', exact: true }).click()
    const importing = p.getByRole('dialog', { name: 'Import' })
    await expect.poll(() => importing.count()).toBe(1)
    const csv = [
      'Namn;Typ;Myndighet;Övrigt',
      'Socialtjänsten;Aktör;Gävle kommun;x',
      'Finansiering;Resurs;;y',
      ';Resurs;;tom',
      'Rymdskepp;Farkost;;okänd',
    ].join('\r\n')
    await importing.getByLabel('File').setInputFiles({
      name: 'aktorer.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF' + csv, 'utf8'),
    })
    await expect.poll(() => importing.getByLabel('Field of column Namn').count()).toBe(1)
    expect(await importing.getByLabel('Field of column Namn').inputValue()).toBe('label')
    expect(await importing.getByLabel('Field of column Myndighet').inputValue()).toBe('organisation')
    const rowErrors = importing.getByTestId('csv-errors')
    const cells = await rowErrors
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent ?? '').slice(0, 2)))
    expect(cells).toEqual([
      ['4', 'Namn'],
      ['5', 'Typ'],
    ])
    // "Övrigt" is not guessed; mapping it to the labels moves the label field there.
    await importing.getByLabel('Field of column Övrigt').selectOption('label')
    expect(await importing.getByLabel('Field of column Namn').inputValue()).toBe('')
    await importing.getByLabel('Field of column Namn').selectOption('label')
    await importing.getByRole('button', { name: 'Import 3 elements' }).click()
    await expect.poll(() => importing.count()).toBe(0)
    const labels = async (): Promise<string[]> => (await boardData(p)).elements.map((e) => e.label).sort()
    await expect
      .poll(labels)
      .toEqual(['Finansiering', 'Gävle kommun', 'Region Gävleborg', 'Socialtjänsten', 'Vård och omsorg'])
    const placed = (await boardData(p)).elements.filter((e) => e.label === 'Socialtjänsten')[0]!
    expect(placed.x).toBeGreaterThan(400 + 200)
    await p.locator('.board-canvas').first().focus()
    await p.keyboard.press('Control+z')
    await expect.poll(labels).toEqual(['Region Gävleborg', 'Vård och omsorg'])

    // A board JSON file into a new board: its facilitator link opens.
    await p.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(() => importing.count()).toBe(1)
    const file = exportBoardJson({ ...now, meta: { ...now.meta, title: 'Kopia av cirkeln' } })
    await importing.getByLabel('File').setInputFiles({
      name: 'cirkeln.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file, 'utf8'),
    })
    await importing.getByRole('radio', { name: /A new board/ }).check()
    await importing.getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(() => p.url(), { timeout: 15_000 }).not.toContain(board.id)
    await expect
      .poll(() => p.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('live')
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Kopia av cirkeln')
    expect(await p.locator('.role-badge').first().textContent()).toBe('Facilitator')
    expect(errors).toEqual([])
  })

  it('on a server with a server key, a JSON import into a new board asks for the key', async () => {
    const key = 'the-circle-server-key-0123456789'
    const keyed = await startServerProcess({ env: { SERVER_KEY: key } })
    try {
      const res = await fetch(`${keyed.http}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ title: 'Med nyckel' }),
      })
      expect(res.status).toBe(201)
      const created = (await res.json()) as { links: { facilitator: string } }
      const errors: string[] = []
      const p = await page(errors)
      await openBoard(p, `${keyed.http}${created.links.facilitator}`)
      await p.getByRole('button', { name: 'Import', exact: true }).click()
      const importing = p.getByRole('dialog', { name: 'Import' })
      await expect.poll(() => importing.count()).toBe(1)
      const doc = new Y.Doc()
      initBoardDoc(doc, {
        title: 'Importerad med nyckel',
        template: null,
        createdAt: new Date().toISOString(),
      })
      const file = exportBoardJson(readBoard(doc))
      await importing.getByLabel('File').setInputFiles({
        name: 'tom.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file, 'utf8'),
      })
      const submit = importing.getByRole('button', { name: 'Import', exact: true })
      await expect.poll(() => importing.getByLabel('Server key').count()).toBe(1)
      expect(await submit.isDisabled()).toBe(true)
      await importing.getByLabel('Server key').fill(key)
      await submit.click()
      await expect
        .poll(() => p.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
        .toBe('Importerad med nyckel')
      expect(errors).toEqual([])
    } finally {
      await keyed.stop()
    }
  })
})
