/**
 * The background compactions of a store (DocStore.compact): at most one per room at a time. Asked again
 * while one runs, it runs once more after it (the log may have grown meanwhile), and every caller waits
 * for the run that covers what it appended.
 */
export class RoomCompactions {
  private readonly runs = new Map<string, { running: Promise<void>; again: boolean }>()

  /** `stopped()` true: no further round starts (the store is closing). */
  constructor(private readonly stopped: () => boolean) {}

  /** Whether a compaction of `room` is running. */
  has(room: string): boolean {
    return this.runs.has(room)
  }

  /** Runs `once` for `room` now, or once more after the run in progress; resolves when that run ends. */
  run(room: string, once: () => Promise<unknown>): Promise<void> {
    const current = this.runs.get(room)
    if (current) {
      current.again = true
      return current.running
    }
    const entry = { running: Promise.resolve(), again: false }
    const loop = async (): Promise<void> => {
      try {
        do {
          entry.again = false
          await once()
        } while (entry.again && !this.stopped())
      } finally {
        this.runs.delete(room)
      }
    }
    entry.running = loop()
    this.runs.set(room, entry)
    return entry.running
  }

  /** Waits for the running compactions of board `id`'s rooms (`<id>` and `<id>/...`), or of all. */
  async settled(boardId?: string): Promise<void> {
    const running = [...this.runs]
      .filter(([room]) => boardId === undefined || room === boardId || room.startsWith(`${boardId}/`))
      .map(([, c]) => c.running)
    await Promise.allSettled(running)
  }
}
