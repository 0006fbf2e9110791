/**
 * What the export worker does for one export: rebuild the board document from its stored bytes, read it
 * as plain data (shared's `readBoard`), replace people by pseudonyms on a pseudonymous board, and write
 * the format with shared's exporters. Runs in the worker thread (exportWorker.ts); plain functions, so
 * tests can also call them directly.
 *
 * The minutes and the session package need the previous meeting's snapshot, which only the event loop can
 * read from the store: the job asks for it through `io.previous`.
 */
import * as Y from 'yjs'
import {
  exportBoardJson,
  exportCsvZip,
  exportGraphml,
  exportMinutes,
  exportPdf,
  exportSvg,
  migrate,
  participationCsv,
  readBoard,
  readVoteRecords,
  streamSessionPackage,
  type BoardData,
  type MeetingData,
  type SessionPackageInput,
  type VoteRecord,
  type VoteRound,
} from '@circleboard/shared'
import { applyPseudonyms, pseudonymsFor, type Pseudonyms } from '../privacy/pseudonymise.js'
import type { ExportRequest, StoredBoard } from './exportTypes.js'

/** How a job talks to the event loop. */
export interface ExportIo {
  /** The newest snapshot state of meeting `meeting`, if there is one. */
  previous(meeting: number): Promise<Uint8Array | null>
  /** A piece of the output; `final` on the last. */
  chunk(data: Uint8Array, final: boolean): void
}

const utf8 = new TextEncoder()

/** A document built from stored bytes; updates that cannot be applied are skipped (like Room.load). */
export function docFrom(stored: StoredBoard): Y.Doc {
  const doc = new Y.Doc()
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) {
    try {
      Y.applyUpdate(doc, u)
    } catch {
      // A damaged update loses itself, not the export.
    }
  }
  // A board nobody has opened since an upgrade is still in its old schema: read it as a room would.
  migrate(doc)
  return doc
}

/** The board and its voting records from stored bytes. */
export function readStored(stored: StoredBoard): { board: BoardData; votes: VoteRecord[] } {
  const doc = docFrom(stored)
  try {
    return { board: readBoard(doc), votes: readVoteRecords(doc) }
  } finally {
    doc.destroy()
  }
}

/**
 * The meeting minutes are about: the snapshot's meeting, else the running one, else the latest held,
 * else the latest planned; `null` on a board without meetings.
 */
export function meetingOf(meetings: readonly MeetingData[], number: number | null): MeetingData | null {
  if (number !== null) return meetings.find((m) => m.number === number) ?? null
  const byNumber = [...meetings].sort((a, b) => b.number - a.number)
  return (
    byNumber.find((m) => m.startedAt !== null && m.endedAt === null) ??
    byNumber.find((m) => m.startedAt !== null) ??
    byNumber[0] ??
    null
  )
}

/** The meeting before `meeting` (the highest number below it), if any. */
export function previousMeetingNumber(meetings: readonly MeetingData[], meeting: MeetingData): number | null {
  const before = meetings.map((m) => m.number).filter((n) => n < meeting.number)
  return before.length > 0 ? Math.max(...before) : null
}

/** Voting rounds as the minutes print them: those of the meeting (all of them without one). */
export function voteRounds(votes: readonly VoteRecord[], meeting: MeetingData | null): VoteRound[] {
  return votes
    .filter((v) => meeting === null || v.meeting === meeting.number)
    .map((v) => ({
      title: v.title,
      results: Object.entries(v.results).map(([elementId, count]) => ({ elementId, votes: count })),
    }))
}

/** Runs one export, writing its bytes to `io.chunk`. */
export async function runExport(req: ExportRequest, io: ExportIo): Promise<void> {
  const read = readStored(req.board)
  let board = read.board
  let pseudonyms: Pseudonyms | null = null
  if (req.pseudonymise && board.meta.pseudonymous) {
    pseudonyms = pseudonymsFor(board, req.lang)
    board = applyPseudonyms(board, pseudonyms)
  }
  const generatedAt = new Date(req.generatedAt)
  const exportedAt = generatedAt.toISOString()
  const snapshot = req.snapshot ?? undefined
  const text = (s: string): void => io.chunk(utf8.encode(s), true)
  switch (req.format) {
    case 'json':
      return text(exportBoardJson(board, { exportedAt, ...(snapshot ? { snapshot } : {}) }))
    case 'csv':
      return io.chunk(exportCsvZip(board, req.lang, { modifiedAt: generatedAt }), true)
    case 'graphml':
      return text(exportGraphml(board, req.lang, { exportedAt }))
    case 'svg':
      return text(exportSvg(board, { lang: req.lang }))
    case 'pdf':
      return io.chunk(await pdf(board, req, generatedAt), true)
    case 'md':
      return text(exportMinutes(await minutesInput(board, read.votes, req, pseudonyms, io)))
    case 'zip': {
      const input: SessionPackageInput = {
        ...(await minutesInput(board, read.votes, req, pseudonyms, io)),
        ...(snapshot ? { snapshot } : {}),
      }
      const files = {
        'board.svg': exportSvg(board, { lang: req.lang }),
        'board.pdf': await pdf(board, req, generatedAt),
        // Groups by role and organisation only: the default names nobody (shared's participation).
        'participation.csv': participationCsv(board),
      }
      streamSessionPackage(input, files, (data, final) => io.chunk(data, final))
      return
    }
  }
}

function pdf(board: BoardData, req: ExportRequest, generatedAt: Date): Promise<Uint8Array> {
  const meeting = req.snapshot?.meeting != null ? meetingOf(board.meetings, req.snapshot.meeting) : undefined
  return exportPdf(board, {
    paper: req.paper,
    lang: req.lang,
    generatedAt,
    ...(meeting !== undefined ? { meeting } : {}),
  })
}

async function minutesInput(
  board: BoardData,
  votes: readonly VoteRecord[],
  req: ExportRequest,
  pseudonyms: Pseudonyms | null,
  io: ExportIo,
): Promise<SessionPackageInput> {
  const meeting = meetingOf(board.meetings, req.snapshot?.meeting ?? null)
  const before = meeting ? previousMeetingNumber(board.meetings, meeting) : null
  let previous: BoardData | null = null
  if (before !== null) {
    const state = await io.previous(before)
    if (state) {
      const earlier = readStored({ state, updates: [] }).board
      previous = pseudonyms ? applyPseudonyms(earlier, pseudonyms) : earlier
    }
  }
  return {
    board,
    lang: req.lang,
    meeting,
    votes: voteRounds(votes, meeting),
    previous,
    generatedAt: new Date(req.generatedAt),
  }
}
