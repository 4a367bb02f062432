/**
 * Where a feature keeps whole records between sessions (a search index, a recommender): one
 * structured-clone value per id, written in one transaction so a reader never sees half of one.
 *
 * @example
 * const store = await openRecordStore('ondevice-search')
 * await store.put('help', record)
 */
export interface RecordStore {
  /** `indexeddb` in browsers; `memory` in Node, or where IndexedDB cannot be opened. */
  readonly kind: 'indexeddb' | 'memory';
  get(id: string): Promise<unknown>;
  put(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
}

const storeName = 'records';

/**
 * Opens the record store of one database: IndexedDB where it exists, else memory that lasts as
 * long as the returned object.
 *
 * @example
 * const store = await openRecordStore('ondevice-recommend')
 */
export async function openRecordStore(databaseName: string): Promise<RecordStore> {
  if (typeof indexedDB === 'undefined') return createMemoryRecordStore();
  try {
    return await openIndexedDbRecordStore(indexedDB, databaseName);
  } catch {
    return createMemoryRecordStore();
  }
}

/**
 * A record store in memory, keeping structured clones as IndexedDB does (later changes to a
 * written value do not leak in, and a value that cannot be cloned fails the write).
 *
 * @example
 * const store = createMemoryRecordStore()
 */
export function createMemoryRecordStore(): RecordStore {
  const records = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: async (id) => (records.has(id) ? structuredClone(records.get(id)) : undefined),
    put: async (id, value) => {
      records.set(id, structuredClone(value));
    },
    delete: async (id) => {
      records.delete(id);
    },
  };
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function openIndexedDbRecordStore(
  factory: IDBFactory,
  databaseName: string,
): Promise<RecordStore> {
  const opening = factory.open(databaseName, 1);
  opening.onupgradeneeded = () => {
    if (!opening.result.objectStoreNames.contains(storeName)) {
      opening.result.createObjectStore(storeName);
    }
  };
  const database = await promised(opening);
  database.onversionchange = () => database.close();
  const run = async <T>(
    mode: IDBTransactionMode,
    act: (store: IDBObjectStore) => IDBRequest<T>,
  ) => {
    const transaction = database.transaction(storeName, mode);
    const result = promised(act(transaction.objectStore(storeName)));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
    });
    return result;
  };
  return {
    kind: 'indexeddb',
    get: (id) => run('readonly', (store) => store.get(id)),
    put: async (id, value) => {
      await run('readwrite', (store) => store.put(value, id));
    },
    delete: async (id) => {
      await run('readwrite', (store) => store.delete(id));
    },
  };
}
