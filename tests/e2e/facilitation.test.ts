/**
 * Facilitation end to end in headless Chromium (issue 4): a facilitator, two participants and the
 * meeting room's shared screen (a viewer link) on one board, each in its own browser context (its own
 * person), and a Node observer of the board document. One scenario in steps, in the order a meeting
 * goes: names and presence, the timer, dot voting, a silent brainstorm, "Bring everyone here", the
 * shared screen's join code, the lock, handover, and a meeting record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from '../support/browserSuite.js'
import type { ServerProcess } from '../support/serverProcess.js'
import { artifactPath } from '../support/browser.js'
import { centreOf, idsByLabel } from '../support/boardPage.js'
import {
  cursorsShown,
  dragBoard,
  giveName,
  openLive,
  viewOf,
  watchBoard,
  type BoardWatcher,
} from '../support/facilitationPages.js'

const suite = browserSuite()

let board: Awaited<ReturnType<ServerProcess['createBoard']>>
let watcher: BoardWatcher
const errors: string[] = []
let fac: Page
let anna: Page
let bo: Page
let screen: Page

const timerSeconds = async (page: Page): Promise<number> => {
  const text = (await page.getByRole('timer').textContent()) ?? ''
  const m = /^(\d+):(\d\d)$/.exec(text.trim())
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN
}

/** The facilitation banner's text ('' when it shows nothing). */
async function banner(page: Page): Promise<string> {
  const b = page.locator('.fac-banner')
  return (await b.count()) === 0 ? '' : ((await b.textContent()) ?? '')
}

/** Adds an element from the toolbar and types its label (the label editor opens on the new element). */
async function addFromToolbar(page: Page, button: string, label: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click()
  await page.keyboard.type(label)
  await page.keyboard.press('Enter')
}

beforeAll(async () => {
  board = await suite.server.createBoard('Samverkan kring unga vuxna')
  watcher = await watchBoard(suite.server.ws, board.id, board.tokens.viewer)
  const open = async (link: string): Promise<Page> => {
    const context = await suite.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 760 } })
    return openLive(context, `${suite.server.http}${link}`, errors)
  }
  fac = await open(board.links.facilitator)
  anna = await open(board.links.participant)
  bo = await open(board.links.participant)
  screen = await open(board.links.viewer)
})

afterAll(async () => {
  watcher?.close()
})

describe('facilitation in the browser', () => {
  it('names, the participants panel, avatars and live cursors', async () => {
    await giveName(fac, 'Fia Facilitator', 'Samordningsförbundet')
    await giveName(anna, 'Anna Berg', 'Kommunen')
    await giveName(bo, 'Bo Ek')
    // The shared screen is not asked for a name.
    expect(await screen.getByLabel('Your name').count()).toBe(0)
    await expect
      .poll(() => fac.getByTestId('presence-count').textContent(), { timeout: 15_000 })
      .toBe('4 here')

    await fac.getByRole('button', { name: 'Participants', exact: true }).click()
    const panel = fac.getByRole('complementary', { name: 'Participants', exact: true })
    await expect
      .poll(() => panel.locator('.fac-person-name').allTextContents())
      .toEqual(['Fia Facilitator (you)', 'Anna Berg', 'Bo Ek', 'Meeting room screen'])
    expect(await panel.locator('[data-person]').nth(1).textContent()).toContain('Participant · Kommunen')
    expect(await panel.locator('[data-person]').nth(1).textContent()).toContain('Online')

    // Avatars in the top bar, one colour each (the screen has none).
    const avatars = fac.getByRole('list', { name: 'People here' }).getByRole('button')
    await expect.poll(() => avatars.count()).toBe(3)
    const colours = await avatars.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor))
    expect(new Set(colours).size).toBe(3)

    // Cursors: the participants move their pointers over the board; the others draw them.
    for (const page of [anna, bo]) {
      const box = (await page.locator('.board-canvas').boundingBox())!
      await page.mouse.move(box.x + 300, box.y + 200)
      await page.mouse.move(box.x + 420, box.y + 260, { steps: 6 })
    }
    await expect.poll(() => cursorsShown(fac), { timeout: 15_000 }).toBe(2)
    await expect.poll(() => cursorsShown(screen), { timeout: 15_000 }).toBe(2)
    await fac.screenshot({ path: artifactPath('facilitation-presence.png') })
    await fac.getByRole('button', { name: 'Participants', exact: true }).click()
  })

  it('the timer counts down alike on every screen', async () => {
    await fac.getByRole('button', { name: 'Facilitation', exact: true }).click()
    await fac.getByLabel('Minutes').fill('2')
    await fac.getByRole('button', { name: 'Set timer', exact: true }).click()
    await fac.getByRole('button', { name: 'Start timer', exact: true }).click()
    const pages = [fac, anna, bo, screen]
    for (const page of pages) {
      await expect.poll(() => timerSeconds(page), { timeout: 15_000 }).toBeGreaterThan(100)
    }
    // Read all four close together: they agree within a second or so.
    const now = await Promise.all(pages.map(timerSeconds))
    expect(Math.max(...now) - Math.min(...now)).toBeLessThanOrEqual(2)
    // And they count down.
    for (const [i, page] of pages.entries()) {
      await expect.poll(() => timerSeconds(page), { timeout: 10_000 }).toBeLessThan(now[i]!)
    }
    await fac.getByRole('button', { name: 'Pause timer', exact: true }).click()
    await expect.poll(() => anna.locator('.fac-timer').textContent()).toContain('Paused')
    const paused = await timerSeconds(anna)
    expect(await timerSeconds(bo)).toBe(paused)
    await fac.getByRole('button', { name: 'Reset timer', exact: true }).click()
    await expect.poll(() => anna.getByRole('timer').count()).toBe(0)
  })

  it('dot voting: votes stay hidden until the reveal, then counts show everywhere', async () => {
    await addFromToolbar(anna, 'Add note', 'Tid')
    await addFromToolbar(bo, 'Add note', 'Kunskap')
    await expect.poll(() => idsByLabel(fac, 'Tid')).toHaveLength(1)
    await expect.poll(() => idsByLabel(fac, 'Kunskap')).toHaveLength(1)
    const tid = (await idsByLabel(anna, 'Tid'))[0]!

    await fac.getByLabel('Votes per person').fill('2')
    await fac.getByRole('button', { name: 'Start voting' }).click()
    await fac.screenshot({ path: artifactPath('facilitation-panel.png') })
    // Anna votes by clicking the note on the board, twice.
    await expect.poll(() => banner(anna), { timeout: 15_000 }).toContain('2 of 2 left')
    const at = await centreOf(anna, tid)
    await anna.mouse.click(at.x, at.y)
    await expect.poll(() => banner(anna)).toContain('1 of 2 left')
    await anna.mouse.click(at.x, at.y)
    await expect.poll(() => banner(anna)).toContain('0 of 2 left')
    // Bo votes from the keyboard-friendly list.
    await bo.getByRole('button', { name: 'Voting', exact: true }).click()
    const boPanel = bo.getByRole('complementary', { name: 'Voting' })
    await boPanel.getByRole('button', { name: 'Add a vote for Tid' }).click()
    await expect.poll(() => boPanel.getByRole('status').first().textContent()).toContain('1 of 2 votes left')
    // Hidden: Bo sees his own vote only, and no results exist anywhere yet.
    expect(await boPanel.getByLabel('Your votes: 1').count()).toBe(1)
    expect(await boPanel.getByRole('list', { name: 'Results' }).count()).toBe(0)
    expect(await banner(anna)).toContain('0 of 2 left')

    await fac.getByRole('button', { name: 'Reveal votes' }).click()
    const results = boPanel.getByRole('list', { name: 'Results' })
    await expect.poll(() => results.locator('li').first().textContent(), { timeout: 15_000 }).toContain('Tid')
    expect(await results.locator('li').first().textContent()).toContain('3 votes')
    await bo.screenshot({ path: artifactPath('facilitation-votes.png') })
    await anna.getByRole('button', { name: 'Show results' }).click()
    await expect
      .poll(() =>
        anna.getByRole('list', { name: 'Results' }).locator('li').first().getAttribute('data-votes'),
      )
      .toBe('3')
    await fac.getByRole('button', { name: 'End voting' }).click()
    await expect.poll(() => boPanel.getByText('Earlier rounds').count()).toBe(1)
    await bo.getByRole('button', { name: 'Voting', exact: true }).click()
    await anna.getByRole('button', { name: 'Voting', exact: true }).click()
  })

  it('a silent brainstorm: private notes reach the board only at the reveal', async () => {
    const idea = 'Idé: gemensam kartläggning'
    await fac.getByRole('button', { name: 'Start silent brainstorm' }).click()
    await expect.poll(() => banner(anna), { timeout: 15_000 }).toContain('Silent brainstorm')
    await anna.getByRole('button', { name: 'Add note', exact: true }).click()
    const draft = anna.getByLabel('Private note (only you see it until the reveal)')
    await expect.poll(() => draft.count()).toBe(1)
    await anna.keyboard.type(idea)
    await expect.poll(() => draft.inputValue()).toBe(idea)
    await anna.screenshot({ path: artifactPath('facilitation-brainstorm.png') })
    // A change Bo makes after Anna's note reaches everyone; Anna's note does not.
    await addFromToolbar(bo, 'Add actor', 'Arbetsförmedlingen')
    await expect.poll(() => watcher.labels()).toContain('Arbetsförmedlingen')
    await expect.poll(() => idsByLabel(fac, 'Arbetsförmedlingen')).toHaveLength(1)
    expect(watcher.labels()).not.toContain(idea)
    expect(await idsByLabel(fac, idea)).toEqual([])
    expect(await idsByLabel(bo, idea)).toEqual([])

    await fac.getByRole('button', { name: 'Reveal notes' }).click()
    await expect.poll(() => idsByLabel(bo, idea), { timeout: 15_000 }).toHaveLength(1)
    const revealed = watcher.byLabel(idea)!
    expect(String(revealed.id)).toMatch(/^bs-/)
    expect(revealed.type).toBe('note')
    expect(revealed.createdBy).toBeTruthy()
    await expect.poll(() => draft.count()).toBe(0)
  })

  it('"Bring everyone here" moves the others\' views until they pan away', async () => {
    await dragBoard(fac, -260, -140)
    await fac.getByRole('button', { name: 'Bring everyone here' }).click()
    const near = async (page: Page): Promise<boolean> => {
      const [a, b] = [await viewOf(fac), await viewOf(page)]
      return Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2
    }
    for (const page of [anna, bo, screen]) await expect.poll(() => near(page), { timeout: 15_000 }).toBe(true)
    expect(await banner(anna)).toContain('Fia Facilitator brought everyone here.')

    // Anna pans on her own: she breaks away; Bo still follows the facilitator's next move.
    await dragBoard(anna, 180, 90)
    await expect.poll(() => banner(anna)).not.toContain('brought everyone here')
    const annaView = await viewOf(anna)
    await dragBoard(fac, -200, 0)
    await expect.poll(() => near(bo), { timeout: 15_000 }).toBe(true)
    expect((await viewOf(anna)).x).toBeCloseTo(annaView.x, 0)
    expect(await near(anna)).toBe(false)

    await fac.getByRole('button', { name: 'Stop bringing everyone' }).click()
    await expect.poll(() => banner(bo)).not.toContain('brought everyone here')
  })

  it('the shared screen shows the join QR code, follows the facilitator and cannot edit', async () => {
    expect(await screen.getByRole('toolbar').isVisible()).toBe(false)
    // The box shows what the control document says, so it turns checked once the path is written.
    const showJoin = fac.getByRole('checkbox', { name: 'Show join link on screen' })
    await showJoin.click()
    await expect.poll(() => showJoin.isChecked(), { timeout: 15_000 }).toBe(true)
    const join = screen.getByTestId('screen-join')
    await expect
      .poll(() => join.getByRole('img', { name: 'QR code to join this board as a participant' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const url = (await join.locator('.fac-screen-url').textContent())!
    expect(url).toMatch(new RegExp(`^${suite.server.http}/j/${board.id}/[a-z2-7]+$`))
    expect(await join.locator('svg').getAttribute('data-qr')).toBe(url)
    const res = await fetch(url, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toMatch(new RegExp(`^/b/${board.id}#t=`))

    // It follows the facilitator by default (zoomed in a little: the same centre).
    await dragBoard(fac, 120, 60)
    await expect
      .poll(async () => Math.abs((await viewOf(screen)).x - (await viewOf(fac)).x), { timeout: 15_000 })
      .toBeLessThan(2)
    // Fitted to the facilitator's visible area and then zoomed in by the screen's bias: in the limiting
    // dimension the screen shows less than the facilitator sees.
    const [sv, fv] = [await viewOf(screen), await viewOf(fac)]
    expect(Math.min(sv.w / fv.w, sv.h / fv.h)).toBeLessThan(0.9)

    // Read-only: a create shortcut changes nothing on the board.
    const before = watcher.labels().length
    await screen.locator('.board-canvas').focus()
    await screen.keyboard.press('n')
    await expect.poll(() => screen.getByRole('status').filter({ hasText: 'read-only' }).count()).toBe(1)
    await addFromToolbar(fac, 'Add note', 'Efter skärmen')
    await expect.poll(() => watcher.labels()).toContain('Efter skärmen')
    expect(watcher.labels().length).toBe(before + 1)

    await screen.getByRole('button', { name: 'Hide cursors' }).click()
    await expect.poll(() => cursorsShown(screen)).toBe(0)
    await screen.screenshot({ path: artifactPath('facilitation-screen.png') })
    await showJoin.click()
    await expect.poll(() => showJoin.isChecked()).toBe(false)

    // The share dialog: the links again, each with a QR code.
    await fac.getByRole('button', { name: 'Share', exact: true }).click()
    const dialog = fac.getByRole('dialog', { name: 'Share this board' })
    await expect
      .poll(() => dialog.getByRole('img', { name: 'QR code of the Participant link' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const participantLink = await dialog.getByRole('textbox', { name: 'Participant' }).inputValue()
    expect(participantLink).toMatch(new RegExp(`^${suite.server.http}/b/${board.id}#t=`))
    expect(await dialog.locator('svg[data-qr]').getAttribute('data-qr')).toBe(participantLink)
    await fac.screenshot({ path: artifactPath('facilitation-share.png') })
    await fac.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => screen.getByTestId('screen-join').count()).toBe(0)
  })

  it('lock and unlock: participants read only while locked', async () => {
    await fac.getByRole('button', { name: 'Lock board', exact: true }).click()
    await expect.poll(() => anna.getByTestId('lock-notice').count(), { timeout: 15_000 }).toBe(1)
    expect(await anna.getByRole('button', { name: 'Add note', exact: true }).isDisabled()).toBe(true)
    await anna.locator('.board-canvas').focus()
    await anna.keyboard.press('n')
    // The facilitator still edits; what Anna tried never arrives.
    await addFromToolbar(fac, 'Add note', 'Under låsningen')
    await expect.poll(() => watcher.labels()).toContain('Under låsningen')
    const count = watcher.labels().length
    await fac.getByRole('button', { name: 'Unlock board', exact: true }).click()
    await expect.poll(() => anna.getByTestId('lock-notice').count()).toBe(0)
    await expect
      .poll(() => anna.getByRole('button', { name: 'Add note', exact: true }).isDisabled())
      .toBe(false)
    await addFromToolbar(anna, 'Add note', 'Efter upplåsningen')
    await expect.poll(() => watcher.labels()).toContain('Efter upplåsningen')
    expect(watcher.labels().length).toBe(count + 1)
  })

  it('handover: a participant gains the controls, and the facilitator takes them back', async () => {
    await fac.getByLabel('To', { exact: true }).selectOption({ label: 'Anna Berg' })
    await fac.getByRole('button', { name: 'Hand over facilitation' }).click()
    await expect
      .poll(() => anna.getByRole('button', { name: 'Facilitation', exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    await anna.getByRole('button', { name: 'Facilitation', exact: true }).click()
    await anna.getByRole('button', { name: 'Lock board', exact: true }).click()
    await expect.poll(() => bo.getByTestId('lock-notice').count(), { timeout: 15_000 }).toBe(1)
    await anna.getByRole('button', { name: 'Unlock board', exact: true }).click()
    await expect.poll(() => bo.getByTestId('lock-notice').count(), { timeout: 15_000 }).toBe(0)
    await fac.getByRole('button', { name: 'Take back facilitation' }).click()
    await expect
      .poll(() => anna.getByRole('button', { name: 'Facilitation', exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(0)
  })

  it('a meeting: started with who is here, provenance names it, ended into the meeting list', async () => {
    await fac.getByRole('button', { name: 'Meetings', exact: true }).click()
    const panel = fac.getByRole('complementary', { name: 'Meetings', exact: true })
    await panel.getByLabel('Title').fill('Resurser och hinder')
    await expect.poll(() => panel.getByLabel('Attendees, one per line').inputValue()).toContain('Bo Ek')
    await panel.getByRole('button', { name: 'Start meeting' }).click()
    await expect.poll(() => banner(bo), { timeout: 15_000 }).toContain('Meeting 1')
    await addFromToolbar(bo, 'Add note', 'Sagt i mötet')
    await expect.poll(() => watcher.byLabel('Sagt i mötet')?.meeting).toBe(1)
    await panel.getByRole('button', { name: 'End meeting' }).click()
    const item = panel.locator('[data-meeting="1"]')
    await expect
      .poll(() => item.textContent(), { timeout: 15_000 })
      .toContain('Meeting 1: Resurser och hinder')
    expect(await item.textContent()).toContain('Attendees: Fia Facilitator, Anna Berg, Bo Ek')
    expect(await item.getByTestId('meeting-activity').textContent()).toContain('Elements added: 1,')
    await item.getByRole('button', { name: 'Show what was added' }).click()
    expect(await item.getByRole('button', { name: 'Sagt i mötet' }).count()).toBe(1)
    await fac.screenshot({ path: artifactPath('facilitation-meetings.png') })
    await expect.poll(() => banner(bo)).not.toContain('Meeting 1')
    expect(errors).toEqual([])
  })
})
