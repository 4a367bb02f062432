import type { ZeroShotLabel } from '../zero-shot/zero-shot-types.js';

/** The version of the stored layout this version of ondevice writes (the export format is 1). */
export const storedVersion = 2;

/**
 * A classifier's record as stored (version 2): everything but the examples, which are records of
 * their own. `revision` counts the committed changes: a writer commits only over the revision
 * it read, so two tabs never lose each other's examples.
 *
 * @example
 * const meta: StoredMeta = { format: 'ondevice.teachable.stored', version: 2, id, modelId, labels, head, unsureBelow, revision: 3 }
 */
export interface StoredMeta {
  format: 'ondevice.teachable.stored';
  version: typeof storedVersion;
  id: string;
  modelId: string;
  labels: ZeroShotLabel[];
  head: { labels: string[]; weights: Float32Array; bias: Float32Array; dimensions: number } | null;
  unsureBelow: number;
  revision: number;
}

/**
 * One stored example, keyed by classifier id and text, with its normalised embedding (so
 * retraining never embeds it again), or `null` when it was never embedded on this device
 * (imported).
 *
 * @example
 * const example: StoredExample = { text: 'refund please', label: 'billing', taughtAt, vector }
 */
export interface StoredExample {
  text: string;
  label: string;
  taughtAt: string;
  vector: Float32Array | null;
}

/**
 * What a store holds for one id, unchecked: `layout` 2 (a meta record and example records) or
 * 1 (an export written whole by ondevice before version 2; `meta` is that record).
 *
 * @example
 * const stored = await store.read('intents') // { layout: 2, revision: 4, meta, examples }
 */
export interface StoredRecord {
  layout: 1 | 2;
  revision: number;
  meta: unknown;
  examples: unknown[];
}

/**
 * One change, written in one transaction: the whole meta record, the examples added or changed,
 * the texts removed. `clear` first removes every example (a replacement: import, or the first
 * write over a version-1 record).
 *
 * @example
 * await store.commit('intents', 3, { meta, put: [example], remove: [], clear: false })
 */
export interface StoreChange {
  meta: StoredMeta;
  put: StoredExample[];
  remove: string[];
  clear: boolean;
}

/** Where teachable classifiers are kept between sessions. */
export interface ClassifierStore {
  readonly kind: 'indexeddb' | 'memory';
  /** The stored record, or undefined when there is none (callers validate it). */
  read(id: string): Promise<StoredRecord | undefined>;
  /** The committed revision of `id` (0 when there is none); a cheap read. */
  revision(id: string): Promise<unknown>;
  /**
   * Commits `change` if the stored revision is still `expected`, in one transaction (nothing is
   * written when it fails); false when another writer committed first. Then tells the other
   * classifiers with this id (other tabs too).
   */
  commit(id: string, expected: number, change: StoreChange): Promise<boolean>;
  /** Removes everything stored under `id`, in one transaction, and tells the others. */
  remove(id: string): Promise<void>;
  /** Calls `listener` after another classifier (or tab) committed a change of `id`. */
  subscribe(id: string, listener: () => void): () => void;
}

const databaseName = 'ondevice-teachable';
/** Version-1 records (whole exports), read and removed by the first version-2 write. */
const legacyStoreName = 'classifiers';
const metaStoreName = 'classifier-meta';
const exampleStoreName = 'classifier-examples';
const channelName = 'ondevice-teachable';

/**
 * A store for one client: IndexedDB where it exists (browsers, workers), memory otherwise
 * (Node) or when the database cannot be opened (some private modes); `kind` says which. A
 * database written by a newer version of ondevice is not opened as memory: every read says so.
 *
 * @example
 * const store = await openClassifierStore()
 * store.kind // 'indexeddb' in a browser, 'memory' in Node
 */
export async function openClassifierStore(): Promise<ClassifierStore> {
  if (typeof indexedDB === 'undefined') return createMemoryStore();
  try {
    return await openIndexedDbStore(indexedDB);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'VersionError') {
      return createNewerDatabaseStore(error);
    }
    return createMemoryStore();
  }
}

/** A store whose records all read as written by a newer version (and are never written). */
function createNewerDatabaseStore(cause: unknown): ClassifierStore {
  const meta = { format: 'ondevice.teachable.stored', version: Number.POSITIVE_INFINITY };
  return {
    kind: 'indexeddb',
    read: async () => ({ layout: 2, revision: Number.NaN, meta, examples: [] }),
    revision: async () => Number.NaN,
    commit: async () => false,
    remove: async () => {
      throw cause;
    },
    subscribe: () => () => {},
  };
}

/**
 * A store that lasts as long as the client: used where IndexedDB is missing. It keeps
 * structured clones, as IndexedDB does: later changes to what was written do not leak in.
 *
 * `legacy` seeds version-1 records (whole exports, as ondevice stored them before version 2),
 * for tests of the upgrade path.
 *
 * @example
 * const store = createMemoryStore()
 * await store.commit('intents', 0, { meta, put: examples, remove: [], clear: true })
 */
export function createMemoryStore(legacyRecords: Record<string, unknown> = {}): ClassifierStore {
  const metas = new Map<string, StoredMeta>();
  const examples = new Map<string, Map<string, StoredExample>>();
  const legacy = new Map<string, unknown>(
    Object.entries(legacyRecords).map(([id, record]) => [id, structuredClone(record)]),
  );
  const listeners = new Map<string, Set<() => void>>();
  const tell = (id: string) => {
    for (const listener of listeners.get(id) ?? []) queueMicrotask(listener);
  };
  return {
    kind: 'memory',
    async read(id) {
      const meta = metas.get(id);
      if (meta) {
        return {
          layout: 2,
          revision: meta.revision,
          meta: structuredClone(meta),
          examples: [...(examples.get(id)?.values() ?? [])].map((example) =>
            structuredClone(example),
          ),
        };
      }
      if (legacy.has(id)) {
        return { layout: 1, revision: 0, meta: structuredClone(legacy.get(id)), examples: [] };
      }
      return undefined;
    },
    async revision(id) {
      return metas.get(id)?.revision ?? 0;
    },
    async commit(id, expected, change) {
      if ((metas.get(id)?.revision ?? 0) !== expected) return false;
      // Clone everything first: a failure leaves nothing half-written.
      const meta = structuredClone(change.meta);
      const put = change.put.map((example) => structuredClone(example));
      const kept = change.clear ? new Map() : new Map(examples.get(id));
      for (const text of change.remove) kept.delete(text);
      for (const example of put) kept.set(example.text, example);
      metas.set(id, meta);
      examples.set(id, kept);
      legacy.delete(id);
      tell(id);
      return true;
    },
    async remove(id) {
      metas.delete(id);
      examples.delete(id);
      legacy.delete(id);
      tell(id);
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
    transaction.onerror = () => undefined; // the abort that follows reports it
  });
}

/** Every example key of classifier `id`: [id, text] for any text (arrays sort after strings). */
const examplesOf = (id: string) => IDBKeyRange.bound([id, ''], [id, []]);

async function openIndexedDbStore(factory: IDBFactory): Promise<ClassifierStore> {
  const opening = factory.open(databaseName, storedVersion);
  opening.onupgradeneeded = () => {
    const database = opening.result;
    for (const name of [legacyStoreName, metaStoreName, exampleStoreName]) {
      if (!database.objectStoreNames.contains(name)) database.createObjectStore(name);
    }
  };
  const database = await promised(opening);
  // A newer version of ondevice in another tab upgrades the database: let it.
  database.onversionchange = () => database.close();
  const listeners = new Map<string, Set<() => void>>();
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  const tellHere = (id: string) => {
    for (const listener of listeners.get(id) ?? []) queueMicrotask(listener);
  };
  if (channel) {
    channel.onmessage = (event: MessageEvent<{ id?: unknown }>) => {
      if (typeof event.data?.id === 'string') tellHere(event.data.id);
    };
  }
  const tell = (id: string) => {
    tellHere(id);
    channel?.postMessage({ id });
  };
  const allStores = [legacyStoreName, metaStoreName, exampleStoreName];
  return {
    kind: 'indexeddb',
    async read(id) {
      const transaction = database.transaction(allStores, 'readonly');
      const [meta, examples, legacy] = await Promise.all([
        promised(transaction.objectStore(metaStoreName).get(id)) as Promise<unknown>,
        promised(transaction.objectStore(exampleStoreName).getAll(examplesOf(id))) as Promise<
          unknown[]
        >,
        promised(transaction.objectStore(legacyStoreName).get(id)) as Promise<unknown>,
      ]);
      if (meta !== undefined) {
        const revision = (meta as { revision?: unknown } | null)?.revision;
        return {
          layout: 2,
          revision: typeof revision === 'number' ? revision : Number.NaN,
          meta,
          examples,
        };
      }
      if (legacy !== undefined) return { layout: 1, revision: 0, meta: legacy, examples: [] };
      return undefined;
    },
    async revision(id) {
      const transaction = database.transaction(metaStoreName, 'readonly');
      const meta = (await promised(transaction.objectStore(metaStoreName).get(id))) as
        { revision?: unknown } | undefined;
      return meta === undefined ? 0 : meta.revision;
    },
    async commit(id, expected, change) {
      const transaction = database.transaction(allStores, 'readwrite');
      const finished = done(transaction);
      const metas = transaction.objectStore(metaStoreName);
      const current = (await promised(metas.get(id))) as { revision?: unknown } | undefined;
      // Still inside the transaction: the request callback above keeps it active.
      if ((current === undefined ? 0 : current.revision) !== expected) {
        transaction.abort();
        await finished.catch(() => undefined);
        return false;
      }
      const examples = transaction.objectStore(exampleStoreName);
      if (change.clear) examples.delete(examplesOf(id));
      for (const text of change.remove) examples.delete([id, text]);
      for (const example of change.put) examples.put(example, [id, example.text]);
      metas.put(change.meta, id);
      transaction.objectStore(legacyStoreName).delete(id);
      await finished;
      tell(id);
      return true;
    },
    async remove(id) {
      const transaction = database.transaction(allStores, 'readwrite');
      const finished = done(transaction);
      transaction.objectStore(metaStoreName).delete(id);
      transaction.objectStore(exampleStoreName).delete(examplesOf(id));
      transaction.objectStore(legacyStoreName).delete(id);
      await finished;
      tell(id);
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
