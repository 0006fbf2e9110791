/**
 * The storage contract (server/SPEC.md, ST1-ST9): every DocStore implementation runs this suite.
 * `make` returns a fresh, empty store; `reopen` (optional) closes a store and opens one on the same data.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardRecord, DocStore, SnapshotMeta } from '../../src/index.js'

/** How the suite gets stores. */
export interface ContractHooks {
  make(): Promise<DocStore> | DocStore
  /** Closes `store` and opens a new one on the same data; omit for stores that do not persist. */
  reopen?(store: DocStore): Promise<DocStore>
}

/** A document built from `updates`, as a JSON value for comparison. */
export function docJson(stored: { state: Uint8Array | null; updates: readonly Uint8Array[] }): unknown {
  const doc = new Y.Doc()
  for (const u of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u)
  const json = { items: doc.getMap('items').toJSON(), text: doc.getText('text').toString() }
  doc.destroy()
  return json
}

/** A stream of real Yjs updates from one editing document. */
export function editor(): { doc: Y.Doc; next: (fn: (doc: Y.Doc) => void) => Uint8Array } {
  const doc = new Y.Doc()
  return {
    doc,
    next(fn) {
      let captured: Uint8Array | null = null
      const h = (u: Uint8Array): void => {
        captured = u
      }
      doc.on('update', h)
      fn(doc)
      doc.off('update', h)
      if (!captured) throw new Error('no update')
      return captured
    },
  }
}

const meta = (boardId: string, id: string, createdAt: number): SnapshotMeta => ({
  id,
  boardId,
  label: `snapshot ${id}`,
  createdAt,
  meeting: 2,
  author: 'Facilitator',
  size: 0,
})

/** A board record with default settings and no expiry. */
export function boardRecord(id: string, extra: Partial<BoardRecord> = {}): BoardRecord {
  return {
    id,
    title: id,
    template: null,
    createdAt: 1,
    settings: { identityNumberCheck: true, language: null },
    expiresAt: null,
    ...extra,
  }
}

/** Registers the contract suite for one implementation. */
export function describeDocStoreContract(name: string, hooks: ContractHooks): void {
  describe(`DocStore contract: ${name}`, () => {
    const open: DocStore[] = []
    const make = async (): Promise<DocStore> => {
      const s = await hooks.make()
      open.push(s)
      return s
    }
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()))
    })

    it('[ST1] an unknown room loads empty', async () => {
      const store = await make()
      expect(await store.load('nothing0here')).toEqual({ state: null, updates: [] })
      expect(await store.logLength('nothing0here')).toBe(0)
    })

    it('[ST2] appended updates load back in order and rebuild the document', async () => {
      const store = await make()
      const e = editor()
      const u1 = e.next((d) => d.getMap('items').set('a', 1))
      const u2 = e.next((d) => d.getText('text').insert(0, 'hej å ä ö'))
      const u3 = e.next((d) => d.getMap('items').set('a', 2))
      await store.append('room00000001', [u1])
      await store.append('room00000001', [u2, u3])
      const loaded = await store.load('room00000001')
      expect(loaded.state).toBeNull()
      expect(loaded.updates.map((u) => [...u])).toEqual([u1, u2, u3].map((u) => [...u]))
      expect(docJson(loaded)).toEqual({ items: { a: 2 }, text: 'hej å ä ö' })
      expect(await store.logLength('room00000001')).toBe(3)
      expect(await store.load('room00000002')).toEqual({ state: null, updates: [] })
    })

    it('[ST3] compaction folds the log into the state without changing the document', async () => {
      const store = await make()
      const e = editor()
      const updates = Array.from({ length: 50 }, (_, i) =>
        e.next((d) => d.getMap('items').set(`k${i % 7}`, i)),
      )
      await store.append('room00000001', updates)
      const before = docJson(await store.load('room00000001'))
      await store.compact('room00000001')
      const after = await store.load('room00000001')
      expect(after.state).not.toBeNull()
      expect(after.updates).toHaveLength(0)
      expect(await store.logLength('room00000001')).toBe(0)
      expect(docJson(after)).toEqual(before)
      // A second compaction with an empty log is a no-op, and more appends stack on the state.
      await store.compact('room00000001')
      await store.append('room00000001', [e.next((d) => d.getText('text').insert(0, 'x'))])
      expect(docJson(await store.load('room00000001'))).toEqual({ ...(before as object), text: 'x' })
    })

    it('[ST14] compaction from the live document replaces the state and drops the log', async () => {
      const store = await make()
      const e = editor()
      await store.append('room00000002', [e.next((d) => d.getMap('items').set('a', 1))])
      await store.compact('room00000002')
      await store.append('room00000002', [
        e.next((d) => d.getMap('items').set('b', 2)),
        e.next((d) => d.getText('text').insert(0, 'live')),
      ])
      await store.compact('room00000002', Y.encodeStateAsUpdate(e.doc))
      const after = await store.load('room00000002')
      expect(after.updates).toHaveLength(0)
      expect(docJson(after)).toEqual({ items: { a: 1, b: 2 }, text: 'live' })
      // Appends after it stack on the new state.
      await store.append('room00000002', [e.next((d) => d.getMap('items').set('c', 3))])
      expect(docJson(await store.load('room00000002'))).toEqual({ items: { a: 1, b: 2, c: 3 }, text: 'live' })
      expect(await store.logLength('room00000002')).toBe(1)
    })

    it('[ST4] appends made while a compaction runs are kept', async () => {
      const store = await make()
      const e = editor()
      await store.append(
        'room00000001',
        Array.from({ length: 200 }, (_, i) => e.next((d) => d.getMap('items').set(`k${i}`, i))),
      )
      const compaction = store.compact('room00000001')
      const late = Array.from({ length: 20 }, (_, i) => e.next((d) => d.getMap('items').set(`late${i}`, i)))
      for (const u of late) await store.append('room00000001', [u])
      await compaction
      await store.compact('room00000001')
      const items = (docJson(await store.load('room00000001')) as { items: Record<string, number> }).items
      expect(Object.keys(items)).toHaveLength(220)
      expect(items.late19).toBe(19)
    })

    it('[ST10] listRooms finds the stored rooms under a prefix, and only those', async () => {
      const store = await make()
      const u = editor().next((d) => d.getMap('items').set('a', 1))
      for (const room of [
        'eeeeeeeeeeee',
        'eeeeeeeeeeee/control',
        'eeeeeeeeeeee/drafts/b',
        'eeeeeeeeeeee/drafts/a',
        'eeeeeeeeeeef/drafts/a',
      ]) {
        await store.append(room, [u])
      }
      await store.compact('eeeeeeeeeeee/drafts/a')
      expect(await store.listRooms('eeeeeeeeeeee/drafts/')).toEqual([
        'eeeeeeeeeeee/drafts/a',
        'eeeeeeeeeeee/drafts/b',
      ])
      expect(await store.listRooms('eeeeeeeeeeee/')).toHaveLength(3)
      expect(await store.listRooms('ffffffffffff/')).toEqual([])
    })

    it('[ST5] board records: create, get, no duplicates', async () => {
      const store = await make()
      const record = boardRecord('abcdefabcdef', {
        title: 'Samverkan för unga vuxna',
        template: 'blank',
        createdAt: 1_700_000_000_000,
        settings: { identityNumberCheck: false, language: 'sv' },
        expiresAt: 1_800_000_000_000,
      })
      expect(await store.getBoard(record.id)).toBeNull()
      await store.createBoard(record)
      expect(await store.getBoard(record.id)).toEqual(record)
      await expect(store.createBoard(record)).rejects.toThrow()
    })

    it('[ST11] settings and expiry change; expired boards are listed, oldest expiry first', async () => {
      const store = await make()
      await store.createBoard(boardRecord('aaaaaaaaaaaa'))
      await store.createBoard(boardRecord('aaaaaaaaaaab', { expiresAt: 5000 }))
      await store.createBoard(boardRecord('aaaaaaaaaaac', { expiresAt: 3000 }))
      expect(await store.updateBoard('aaaaaaaaaaaa', { expiresAt: 4000 })).toBe(true)
      expect(await store.updateBoard('zzzzzzzzzzzz', { expiresAt: 4000 })).toBe(false)
      expect(await store.listExpiredBoards(2999)).toEqual([])
      expect(await store.listExpiredBoards(4000)).toEqual(['aaaaaaaaaaac', 'aaaaaaaaaaaa'])
      expect(await store.listExpiredBoards(9999)).toEqual(['aaaaaaaaaaac', 'aaaaaaaaaaaa', 'aaaaaaaaaaab'])
      const settings = { identityNumberCheck: false, language: 'sv' } as const
      expect(await store.updateBoard('aaaaaaaaaaab', { settings, expiresAt: null })).toBe(true)
      expect(await store.getBoard('aaaaaaaaaaab')).toMatchObject({ settings, expiresAt: null })
      expect(await store.listExpiredBoards(9999)).toEqual(['aaaaaaaaaaac', 'aaaaaaaaaaaa'])
      // Changing only the settings keeps the expiry, and the other way round.
      expect(await store.updateBoard('aaaaaaaaaaaa', { settings })).toBe(true)
      expect(await store.getBoard('aaaaaaaaaaaa')).toMatchObject({ settings, expiresAt: 4000 })
    })

    it('[ST12] the audit log: appended entries list back newest first, per board', async () => {
      const store = await make()
      for (let i = 0; i < 5; i++) {
        await store.appendAudit({
          boardId: 'aaaaaaaaaaaa',
          at: 1000 + i,
          event: i === 0 ? 'joined' : 'export',
          role: 'facilitator',
          person: i % 2 ? 'p1' : null,
          detail: i === 0 ? null : { format: 'pdf', n: i, ok: true, snapshot: null },
        })
      }
      await store.appendAudit({
        boardId: 'aaaaaaaaaaab',
        at: 1,
        event: 'joined',
        role: 'viewer',
        person: null,
        detail: null,
      })
      const list = await store.listAudit('aaaaaaaaaaaa', 3)
      expect(list.map((e) => e.at)).toEqual([1004, 1003, 1002])
      expect(list[0]).toEqual({
        boardId: 'aaaaaaaaaaaa',
        at: 1004,
        event: 'export',
        role: 'facilitator',
        person: null,
        detail: { format: 'pdf', n: 4, ok: true, snapshot: null },
      })
      expect((await store.listAudit('aaaaaaaaaaaa', 100)).at(-1)).toMatchObject({
        event: 'joined',
        detail: null,
      })
      expect(await store.listAudit('aaaaaaaaaaab', 100)).toHaveLength(1)
    })

    it('[ST6] deleteBoard removes the board, all its rooms and snapshots, and nothing else', async () => {
      const store = await make()
      const e = editor()
      const u = e.next((d) => d.getMap('items').set('a', 1))
      for (const id of ['aaaaaaaaaaaa', 'aaaaaaaaaaab']) {
        await store.createBoard(boardRecord(id))
        for (const room of [id, `${id}/control`, `${id}/drafts/p1`]) await store.append(room, [u])
        await store.putSnapshot(meta(id, 's1', 1), u)
        await store.appendAudit({
          boardId: id,
          at: 1,
          event: 'joined',
          role: 'viewer',
          person: null,
          detail: null,
        })
      }
      // A room name sharing the prefix but not under `<id>/` belongs to no board and must survive.
      await store.append('aaaaaaaaaaaa0', [u])
      await store.compact('aaaaaaaaaaaa/control')
      await store.deleteBoard('aaaaaaaaaaaa')
      expect(await store.getBoard('aaaaaaaaaaaa')).toBeNull()
      for (const room of ['aaaaaaaaaaaa', 'aaaaaaaaaaaa/control', 'aaaaaaaaaaaa/drafts/p1']) {
        expect(await store.load(room)).toEqual({ state: null, updates: [] })
      }
      expect(await store.listSnapshots('aaaaaaaaaaaa')).toEqual([])
      expect(await store.listAudit('aaaaaaaaaaaa', 10)).toEqual([])
      expect(await store.listAudit('aaaaaaaaaaab', 10)).toHaveLength(1)
      expect(await store.getBoard('aaaaaaaaaaab')).not.toBeNull()
      expect((await store.load('aaaaaaaaaaab/drafts/p1')).updates).toHaveLength(1)
      expect((await store.load('aaaaaaaaaaaa0')).updates).toHaveLength(1)
      expect(await store.listSnapshots('aaaaaaaaaaab')).toHaveLength(1)
    })

    it('[ST7] snapshots: put, list oldest first, get with content', async () => {
      const store = await make()
      const e = editor()
      const s1 = e.next((d) => d.getMap('items').set('a', 1))
      const s2 = e.next((d) => d.getMap('items').set('b', 2))
      await store.putSnapshot(meta('bbbbbbbbbbbb', 'later', 2000), s2)
      await store.putSnapshot(meta('bbbbbbbbbbbb', 'first', 1000), s1)
      const list = await store.listSnapshots('bbbbbbbbbbbb')
      expect(list.map((s) => s.id)).toEqual(['first', 'later'])
      expect(list[0]).toEqual({ ...meta('bbbbbbbbbbbb', 'first', 1000), size: s1.length })
      const got = await store.getSnapshot('bbbbbbbbbbbb', 'later')
      expect(got?.meta.label).toBe('snapshot later')
      expect([...(got?.state ?? [])]).toEqual([...s2])
      expect(await store.getSnapshot('bbbbbbbbbbbb', 'nope')).toBeNull()
      expect(await store.getSnapshot('cccccccccccc', 'first')).toBeNull()
    })

    it('[ST8] an update that cannot be applied is skipped by compaction, not fatal', async () => {
      const store = await make()
      const e = editor()
      const good = e.next((d) => d.getMap('items').set('a', 1))
      await store.append('room00000001', [
        good,
        new Uint8Array([9, 9, 9, 9, 9]),
        e.next((d) => d.getMap('items').set('b', 2)),
      ])
      await store.compact('room00000001')
      const loaded = await store.load('room00000001')
      expect(loaded.updates).toHaveLength(0)
      expect(docJson(loaded)).toEqual({ items: { a: 1, b: 2 }, text: '' })
    })

    if (hooks.reopen) {
      const reopen = hooks.reopen
      it('[ST9] what was appended survives closing and reopening', async () => {
        const store = await hooks.make()
        const e = editor()
        await store.createBoard(boardRecord('dddddddddddd', { expiresAt: 7 }))
        await store.append('dddddddddddd', [e.next((d) => d.getMap('items').set('a', 1))])
        await store.compact('dddddddddddd')
        await store.append('dddddddddddd', [e.next((d) => d.getMap('items').set('b', 2))])
        const again = await reopen(store)
        open.push(again)
        expect(docJson(await again.load('dddddddddddd'))).toEqual({ items: { a: 1, b: 2 }, text: '' })
        expect(await again.getBoard('dddddddddddd')).toEqual(boardRecord('dddddddddddd', { expiresAt: 7 }))
        // Sequence numbers continue after a reopen instead of colliding with the old log.
        await again.append('dddddddddddd', [e.next((d) => d.getMap('items').set('c', 3))])
        expect(docJson(await again.load('dddddddddddd'))).toEqual({ items: { a: 1, b: 2, c: 3 }, text: '' })
      })
    }
  })
}
