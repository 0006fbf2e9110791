import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemoryDocStore, SqliteDocStore, type DocStore } from '../../src/index.js'
import { describeDocStoreContract } from './docStoreContract.js'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'circleboard-store-'))

describeDocStoreContract('memory', { make: () => new MemoryDocStore() })

describeDocStoreContract('sqlite (compaction in the worker thread)', {
  make: () => SqliteDocStore.inDataDir(tempDir()),
  async reopen(store: DocStore) {
    const file = (store as SqliteDocStore).file
    await store.close()
    return new SqliteDocStore(file)
  },
})

describeDocStoreContract('sqlite (inline compaction)', {
  make: () => SqliteDocStore.inDataDir(tempDir(), { inlineCompaction: true }),
})
