/**
 * Sharing from inside a meeting: fresh links for the share dialog, and the short join link for the
 * meeting room's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peekToken } from '@circleboard/shared'
import { startServer, type TestBoard, type TestServer } from '../helpers.js'

let server: TestServer
let board: TestBoard

beforeAll(async () => {
  server = await startServer()
  board = await server.createBoard('Share')
})
afterAll(async () => {
  await server.close(true)
})

const get = (path: string, token?: string) =>
  fetch(`${server.http}${path}`, {
    redirect: 'manual',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })

describe('share links', () => {
  it('gives the facilitator the three links again, and nobody else', async () => {
    const res = await get(`/api/boards/${board.id}/links`, board.tokens.facilitator)
    expect(res.status).toBe(200)
    const { links } = (await res.json()) as { links: Record<string, string> }
    expect(peekToken(links.participant!.split('#t=')[1]!)).toMatchObject({
      boardId: board.id,
      role: 'participant',
    })
    expect(peekToken(links.viewer!.split('#t=')[1]!)?.role).toBe('viewer')
    expect((await get(`/api/boards/${board.id}/links`, board.tokens.participant)).status).toBe(403)
    expect((await get(`/api/boards/${board.id}/links`)).status).toBe(401)
  })

  it('a short join link redirects to a participant link; a wrong code gets 404', async () => {
    const res = await get(`/api/boards/${board.id}/join`, board.tokens.facilitator)
    const join = (await res.json()) as { path: string; code: string }
    expect(join.path).toBe(`/j/${board.id}/${join.code}`)
    expect(join.code).toMatch(/^[a-z2-7]{10}$/)
    const redirect = await get(join.path)
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/b/${board.id}#t=`))
    expect(peekToken(location.split('#t=')[1]!)).toMatchObject({ boardId: board.id, role: 'participant' })
    expect((await get(`/j/${board.id}/aaaaaaaaaa`)).status).toBe(404)
    expect((await get(`/j/${board.id}/short`)).status).toBe(404)
    expect((await get(`/api/boards/${board.id}/join`, board.tokens.viewer)).status).toBe(403)
  })
})
