import type { TeachableExport } from './teachable-types.js';

/** Where teachable classifiers are kept between sessions. */
export interface ClassifierStore {
  readonly kind: 'indexeddb' | 'memory';
  /** The stored record, or undefined when there is none (callers validate it). */
  read(id: string): Promise<unknown>;
  write(id: string, data: TeachableExport): Promise<void>;
}

const databaseName = 'ondevice-teachable';
const storeName = 'classifiers';

/**
 * A store for one client: IndexedDB where it exists (browsers, workers), memory otherwise
 * (Node) or when the database cannot be opened (some private modes); `kind` says which.
 *
 * @example
 * const store = await openClassifierStore()
 * store.kind // 'indexeddb' in a browser, 'memory' in Node
 */
export async function openClassifierStore(): Promise<ClassifierStore> {
  if (typeof indexedDB === 'undefined') return createMemoryStore();
  try {
    return await openIndexedDbStore(indexedDB);
  } catch {
    return createMemoryStore();
  }
}

/**
 * A store that lasts as long as the client: used where IndexedDB is missing.
 *
 * @example
 * const store = createMemoryStore()
 * await store.write('intents', exported)
 */
export function createMemoryStore(): ClassifierStore {
  const records = new Map<string, string>();
  return {
    kind: 'memory',
    async read(id) {
      const json = records.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    },
    async write(id, data) {
      // Stored as JSON, like IndexedDB stores a clone: later changes to `data` do not leak in.
      records.set(id, JSON.stringify(data));
    },
  };
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function openIndexedDbStore(factory: IDBFactory): Promise<ClassifierStore> {
  const opening = factory.open(databaseName, 1);
  opening.onupgradeneeded = () => {
    if (!opening.result.objectStoreNames.contains(storeName)) {
      opening.result.createObjectStore(storeName);
    }
  };
  const database = await promised(opening);
  const transaction = (mode: IDBTransactionMode) =>
    database.transaction(storeName, mode).objectStore(storeName);
  return {
    kind: 'indexeddb',
    async read(id) {
      return (await promised(transaction('readonly').get(id))) as unknown;
    },
    async write(id, data) {
      await promised(transaction('readwrite').put(data, id));
    },
  };
}
