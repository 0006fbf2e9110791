// The functions these helpers pass to `page.evaluate` run in the page: they need the DOM's types.
/// <reference lib="dom" />
/**
 * Helpers for browser tests of the board page: open a board link with the `?test` read hook
 * (client/src/panels/testHook.ts), wait for the live connection, find elements on the canvas, read the
 * outline, and drive the pointer like a person would. Every wait retries; none sleeps a fixed time.
 */
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

/** A board link with the test hook switched on (`/b/<id>?test#t=<token>`). */
export function withTestHook(link: string): string {
  const [path, fragment] = link.split('#')
  return `${path}${path!.includes('?') ? '&' : '?'}test#${fragment}`
}

/** Opens a board link with the test hook and waits until the page is live and the hook installed. */
export async function openBoard(page: Page, link: string): Promise<void> {
  await page.goto(withTestHook(link))
  await expect
    .poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 20_000 })
    .toBe('live')
  await expect.poll(() => page.evaluate(() => window.__circleboard !== undefined)).toBe(true)
}

/** Ids of the elements labelled exactly `label`. */
export function idsByLabel(page: Page, label: string): Promise<string[]> {
  return page.evaluate((l) => window.__circleboard!.idsByLabel(l), label)
}

/** The one element labelled `label` (waits until there is exactly one). */
export async function elementId(page: Page, label: string): Promise<string> {
  await expect.poll(() => idsByLabel(page, label), { timeout: 15_000 }).toHaveLength(1)
  return (await idsByLabel(page, label))[0]!
}

/**
 * Adds an element from the toolbar button named `button` and types `label` into the label editor that
 * opens on it; resolves with the new element's id once the board holds it.
 */
export async function addFromToolbar(page: Page, button: string, label: string): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click()
  const editor = page.locator('textarea.label-editor')
  await expect.poll(() => editor.count()).toBe(1)
  await editor.fill(label)
  await editor.press('Enter')
  await expect.poll(() => editor.count()).toBe(0)
  return elementId(page, label)
}

/** The centre of an element on screen (page coordinates). */
export async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate((i) => window.__circleboard!.screenBox(i), id)
  if (!box) throw new Error(`element ${id} is not on the board`)
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 }
}

/** The board as canonical plain data, from the page's document. */
export function boardData(page: Page): Promise<BoardJson> {
  return page.evaluate(() => window.__circleboard!.board()) as Promise<BoardJson>
}

/** Ids of the elements the canvas draws dimmed. */
export function dimmedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__circleboard!.dimmed())
}

/** The parts of the board data the tests look at. */
export interface BoardJson {
  readonly meta: { readonly title: string; readonly template: string | null }
  readonly elements: readonly {
    id: string
    type: string
    kind: string
    label: string
    x: number
    y: number
    color: string | null
    tags: readonly string[]
  }[]
  readonly links: readonly { id: string; from: string; to: string; kind: string; label: string }[]
}

/** The outline list (opened by the caller). */
export function outline(page: Page): Locator {
  return page.getByRole('list', { name: 'Board outline' })
}

/** The outline's text, one line per item head and link line (without the row's buttons). */
export function outlineText(page: Page): Promise<string[]> {
  return outline(page).evaluate((list) =>
    Array.from(list.querySelectorAll<HTMLElement>('[data-stop]')).map((stop) => {
      const copy = stop.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.outline-actions').forEach((a) => a.remove())
      // Type and label sit in separate spans: keep them apart.
      copy.querySelectorAll('.outline-type').forEach((a) => a.append(': '))
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
    }),
  )
}

/** Drags with the mouse from one page point to another in steps, as a person would. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 8,
): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps })
  await page.mouse.up()
}

declare global {
  interface Window {
    __circleboard?: {
      screenBox(id: string): { x: number; y: number; w: number; h: number } | null
      idsByLabel(label: string): string[]
      dimmed(): string[]
      board(): unknown
      scale(): number
    }
  }
}

/**
 * What a page knows about its own person on board `boardId`, for the message of a test that waited in vain
 * for the person to reach another client: whether the page has a personal token, whether its document has
 * the entry (then it did not travel) or not (then it was never written), and the connection state.
 */
async function personDiagnosis(page: Page, boardId: string): Promise<string> {
  try {
    const state = await page.evaluate((id) => {
      const stored = localStorage.getItem(`circleboard.identity.${id}`)
      const board = window.__circleboard?.board() as { people?: unknown } | undefined
      return {
        personId: stored === null ? null : (JSON.parse(stored) as { personId: string }).personId,
        peopleInPage: board?.people ?? null,
        status: document.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
      }
    }, boardId)
    return JSON.stringify(state)
  } catch (err) {
    return `page not readable: ${String(err)}`
  }
}

/** Runs `wait`; when it fails, adds `personDiagnosis` to the error's message. */
export async function explainPersonWait<T>(page: Page, boardId: string, wait: Promise<T>): Promise<T> {
  try {
    return await wait
  } catch (err) {
    if (err instanceof Error) err.message += `\nthe page: ${await personDiagnosis(page, boardId)}`
    throw err
  }
}
