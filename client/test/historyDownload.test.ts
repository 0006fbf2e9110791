import { describe, expect, it } from 'vitest'
import {
  declaredLength,
  download,
  fileBaseName,
  filenameFromDisposition,
  isAbort,
  progressFraction,
  sanitizeFileName,
  type DownloadProgress,
} from '../src/history/download.js'
import { exportFileName, exportUrl, formatBytes } from '../src/history/exportFormats.js'
import * as Y from 'yjs'
import { addElement, exportBoardJson, initBoardDoc, readBoard } from '@circleboard/shared'
import { docFromJson, docFromUpdate, parseSnapshotList } from '../src/history/snapshotApi.js'
import { ApiFailure } from '../src/api/api.js'

/** A fetch that answers with `chunks` as a stream, recording the request. */
function streamingFetch(
  chunks: readonly Uint8Array[],
  headers: Record<string, string>,
  seen: { url?: string; init?: RequestInit } = {},
): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.url = url
    seen.init = init
    let i = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const signal = init?.signal
        if (signal?.aborted) {
          controller.error(new DOMException('aborted', 'AbortError'))
          return
        }
        if (i < chunks.length) controller.enqueue(chunks[i++]!)
        else controller.close()
      },
    })
    return new Response(body, { status: 200, headers })
  }) as unknown as typeof fetch
}

const bytes = (n: number, v = 1): Uint8Array => new Uint8Array(n).fill(v)

describe('download with progress', () => {
  it('reports bytes received against a known length, sends the token as a header and never in the URL', async () => {
    const seen: { url?: string; init?: RequestInit } = {}
    const progress: DownloadProgress[] = []
    const got = await download('/api/boards/b1/export?format=pdf', {
      token: 'secret-token',
      onProgress: (p) => progress.push(p),
      fetchImpl: streamingFetch(
        [bytes(100), bytes(50), bytes(50)],
        {
          'content-length': '200',
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="Unga-vuxna.pdf"',
        },
        seen,
      ),
    })
    expect(seen.url).not.toContain('secret-token')
    expect((seen.init?.headers as Record<string, string>).authorization).toBe('Bearer secret-token')
    expect(progress.map((p) => p.received)).toEqual([0, 100, 150, 200])
    expect(progress.every((p) => p.total === 200)).toBe(true)
    expect(progress.map(progressFraction)).toEqual([0, 0.5, 0.75, 1])
    expect(got.filename).toBe('Unga-vuxna.pdf')
    expect(got.blob.size).toBe(200)
    expect(got.blob.type).toBe('application/pdf')
  })

  it('is indeterminate when the length is unknown (a streamed zip) or untrue', async () => {
    const progress: DownloadProgress[] = []
    await download('/x', {
      token: 't',
      onProgress: (p) => progress.push(p),
      fetchImpl: streamingFetch([bytes(10), bytes(10)], { 'content-type': 'application/zip' }),
    })
    expect(progress.map(progressFraction)).toEqual([null, null, null])
    const lying: DownloadProgress[] = []
    await download('/x', {
      token: 't',
      onProgress: (p) => lying.push(p),
      fetchImpl: streamingFetch([bytes(10), bytes(10)], { 'content-length': '15' }),
    })
    // Past the declared length the total is no longer trusted.
    expect(lying.map((p) => p.total)).toEqual([15, 15, null])
  })

  it('ignores the length of a compressed transfer', () => {
    expect(declaredLength(new Headers({ 'content-length': '10', 'content-encoding': 'gzip' }))).toBeNull()
    expect(declaredLength(new Headers({ 'content-length': '10' }))).toBe(10)
    expect(declaredLength(new Headers({ 'content-length': 'ten' }))).toBeNull()
  })

  it('cancels: an aborted download rejects with an AbortError', async () => {
    const controller = new AbortController()
    const promise = download('/x', {
      token: 't',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.received >= 10) controller.abort()
      },
      fetchImpl: streamingFetch([bytes(10), bytes(10), bytes(10)], {}),
    })
    const err = await promise.catch((e: unknown) => e)
    expect(isAbort(err)).toBe(true)
  })

  it('turns an error answer into an ApiFailure with the server’s code', async () => {
    const fetchImpl = (async () =>
      new Response(
        JSON.stringify({ error: { code: 'BOARD_ERR_FORBIDDEN', message: 'this needs a facilitator link' } }),
        {
          status: 403,
          headers: { 'content-type': 'application/json' },
        },
      )) as unknown as typeof fetch
    const err = await download('/x', { token: 't', fetchImpl }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiFailure)
    expect(err).toMatchObject({ code: 'BOARD_ERR_FORBIDDEN', status: 403 })
  })
})

describe('file names', () => {
  it('reads Content-Disposition (filename* wins) and keeps it to a plain name', () => {
    expect(filenameFromDisposition(`attachment; filename="a.zip"; filename*=UTF-8''M%C3%B6te%203.zip`)).toBe(
      'Möte 3.zip',
    )
    expect(filenameFromDisposition('attachment; filename=plain.json')).toBe('plain.json')
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromDisposition('inline')).toBeNull()
    expect(sanitizeFileName('..')).toBeNull()
  })

  it('makes file names from titles and snapshot labels', () => {
    expect(fileBaseName('Unga vuxna – samverkan!')).toBe('Unga-vuxna-samverkan')
    expect(fileBaseName('   ')).toBe('board')
    expect(exportFileName('Cirkeln', 'zip', 'Möte 2')).toBe('Cirkeln-Möte-2-session.zip')
    expect(exportFileName('Cirkeln', 'md', null)).toBe('Cirkeln-minutes.md')
  })

  it('builds the export URL with the snapshot, language and (PDF only) paper', () => {
    expect(exportUrl('abc', { format: 'pdf', snapshot: 's1', lang: 'sv', paper: 'A3' })).toBe(
      '/api/boards/abc/export?format=pdf&snapshot=s1&lang=sv&paper=A3',
    )
    expect(exportUrl('abc', { format: 'zip', snapshot: null, lang: 'en', paper: 'A3' })).toBe(
      '/api/boards/abc/export?format=zip&lang=en',
    )
  })

  it('formats sizes in the locale', () => {
    expect(formatBytes(512, 'en-GB')).toBe('512 B')
    expect(formatBytes(1_250_000, 'en-GB')).toBe('1.3 MB')
    expect(formatBytes(1_250_000, 'sv-SE')).toBe('1,3 MB')
  })
})

describe('snapshot list', () => {
  it('reads an array or { snapshots }, newest first, marks automatic ones, drops entries without id', () => {
    const list = parseSnapshotList({
      snapshots: [
        { id: 'a', label: 'Start', createdAt: 1000, meeting: null, author: 'Anna' },
        { id: 'b', label: 'End of meeting 1', createdAt: 3000, meeting: 1, author: null, automatic: true },
        { id: 'end-Qx3', label: 'x', createdAt: '1970-01-01T00:00:02.000Z', author: 'facilitator' },
        { label: 'no id', createdAt: 5 },
      ],
    })
    expect(list.map((s) => s.id)).toEqual(['b', 'end-Qx3', 'a'])
    expect(list.map((s) => s.automatic)).toEqual([true, true, false])
    expect(list[0]).toMatchObject({ meeting: 1, author: null, label: 'End of meeting 1' })
    expect(parseSnapshotList([{ id: 'z', createdAt: 1 }])).toHaveLength(1)
    expect(parseSnapshotList('nonsense')).toEqual([])
  })
})

describe('snapshot documents', () => {
  it('opens the JSON answer ({ snapshot, document }) and the raw Yjs update as the same board', () => {
    const doc = new Y.Doc()
    initBoardDoc(doc, { title: 'Cirkeln', template: null, createdAt: '2025-01-01T00:00:00.000Z' })
    addElement(
      doc,
      { type: 'actor', x: 0, y: 0, label: 'Försäkringskassan' },
      { personId: 'p', meeting: null },
    )
    const board = readBoard(doc)
    const wrapped = `{"snapshot":{"id":"s1"},"document":${exportBoardJson(board)}}`
    expect(readBoard(docFromJson(wrapped)).elements).toEqual(board.elements)
    expect(readBoard(docFromJson(exportBoardJson(board))).elements).toEqual(board.elements)
    expect(readBoard(docFromUpdate(Y.encodeStateAsUpdate(doc))).elements).toEqual(board.elements)
    expect(() => docFromJson('{"format":"something-else"}')).toThrow()
  })
})
