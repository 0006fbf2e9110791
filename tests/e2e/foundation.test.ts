/**
 * End to end in headless Chromium: create a board from the start page, open the participant link in two
 * pages, and see each other's presence over the live connection.
 */
import { describe, expect, it } from 'vitest'
import { browserSuite } from '../support/browserSuite.js'
import { artifactPath } from '../support/browser.js'

const suite = browserSuite()

describe('foundation in the browser', () => {
  it('creates a board from the start page; two participants see each other', async () => {
    const context = await suite.newContext({ locale: 'en-GB' })
    const start = await context.newPage()
    const errors: string[] = []
    start.on('pageerror', (e) => errors.push(e.message))
    await start.goto(suite.server.http)
    await start.getByLabel('Board title').fill('Unga vuxna – samverkan')
    await start.getByRole('button', { name: 'Create board' }).click()
    const participantLink = await start.getByRole('textbox', { name: 'Participant' }).inputValue()
    expect(participantLink).toMatch(new RegExp(`^${suite.server.http}/b/[a-z0-9]{12}#t=`))
    await start.screenshot({ path: artifactPath('foundation-start.png') })

    const other = await suite.newContext({ locale: 'sv-SE' })
    const [a, b] = [await context.newPage(), await other.newPage()]
    for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message))
    await a.goto(participantLink)
    await b.goto(participantLink)
    await expect
      .poll(() => a.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('live')
    await expect
      .poll(() => b.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('live')
    await expect.poll(() => a.getByRole('heading', { level: 1 }).textContent()).toBe('Unga vuxna – samverkan')
    // Presence: each page counts both people.
    await expect.poll(() => a.getByTestId('presence-count').textContent(), { timeout: 15_000 }).toBe('2 here')
    await expect.poll(() => b.getByTestId('presence-count').textContent(), { timeout: 15_000 }).toBe('2 här')
    await b.screenshot({ path: artifactPath('foundation-board.png') })
    // One leaves: the other sees it.
    await b.close()
    await expect.poll(() => a.getByTestId('presence-count').textContent(), { timeout: 45_000 }).toBe('1 here')
    expect(errors).toEqual([])
    await context.close()
    await other.close()
  })

  it('a damaged link is refused with a reason, not retried forever', async () => {
    const context = await suite.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    const board = await suite.server.createBoard('Refusal')
    await page.goto(`${suite.server.http}/b/${board.id}#t=${board.tokens.participant.slice(0, -4)}AAAA`)
    await expect
      .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('refused')
    expect(await page.getByRole('alert').textContent()).toMatch(/not valid/)
    await context.close()
  })
})
