/**
 * REST calls to the server (shapes in shared `api.ts`). Failures become `ApiFailure` with the server's
 * stable error code and message, or `network` when the server could not be reached.
 */
import type { ApiError, BoardInfo, CreateBoardRequest, CreateBoardResponse } from '@circleboard/shared'

/** A failed call: the server's error code and message, or a network failure. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

/** Public facts about the server. */
export interface ServerFacts {
  readonly serverKeyRequired: boolean
  readonly maxPayloadBytes: number
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, init)
  } catch (err) {
    throw new ApiFailure('network', err instanceof Error ? err.message : String(err), 0)
  }
  if (!res.ok) {
    let body: Partial<ApiError> = {}
    try {
      body = (await res.json()) as ApiError
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiFailure(
      body.error?.code ?? `http_${res.status}`,
      body.error?.message ?? res.statusText,
      res.status,
    )
  }
  return (await res.json()) as T
}

/** `GET /api/config` */
export function fetchServerFacts(): Promise<ServerFacts> {
  return call('/api/config')
}

/** `POST /api/boards` */
export function createBoard(request: CreateBoardRequest, serverKey?: string): Promise<CreateBoardResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (serverKey) headers.authorization = `Bearer ${serverKey}`
  return call('/api/boards', { method: 'POST', headers, body: JSON.stringify(request) })
}

/** `GET /api/boards/:id` */
export function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  return call(`/api/boards/${encodeURIComponent(boardId)}`, { headers: { authorization: `Bearer ${token}` } })
}
