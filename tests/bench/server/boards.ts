/**
 * circleboard's rooms are boards: each is created through `POST /api/boards`, and clients join it with
 * the participant token from `links.participant` (`/b/<id>#t=<token>`).
 */

interface CreatedBoard {
  readonly id: string
  readonly links: { readonly participant: string }
}

/** Boards created at once: enough to be quick, few enough not to be a load test of the REST API. */
const CONCURRENCY = 8

/** Creates `n` boards on the server at `http` and returns a participant websocket URL for each. */
export async function createBoards(http: string, n: number): Promise<string[]> {
  const urls: string[] = new Array<string>(n)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++
      urls[i] = await createBoard(http, `bench ${i}`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, worker))
  return urls
}

async function createBoard(http: string, title: string): Promise<string> {
  const res = await fetch(`${http}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
    signal: AbortSignal.timeout(10_000),
  })
  if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`)
  const board = (await res.json()) as CreatedBoard
  const token = /#t=(.+)$/.exec(board.links.participant)?.[1]
  if (!token) throw new Error(`no token in the participant link of board ${board.id}`)
  const ws = http.replace(/^http/, 'ws')
  return `${ws}/ws/${encodeURIComponent(board.id)}?token=${encodeURIComponent(decodeURIComponent(token))}`
}
