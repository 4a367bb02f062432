/** Where verified model files are kept between loads. */
export type CacheStorageKind = 'cache-api' | 'memory' | 'none';

/**
 * What the cache did, for diagnostics.
 *
 * @example
 * const { storage, reason } = client.diagnostics().modelCache ?? {}
 */
export interface CacheDiagnostics {
  storage: CacheStorageKind;
  /** Why the storage is not the Cache API, when it is not. */
  reason?: string;
  hits: number;
  misses: number;
}

/** A store of model files keyed by location and hash. */
export interface ModelFileCache {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Drops the in-memory copies of these keys (an unloaded model); the Cache API keeps its own. */
  forget(keys: Iterable<string>): void;
  diagnostics(): CacheDiagnostics;
}

const cacheName = 'ondevice-models-v1';

/**
 * The Cache API where the context has it (a second visit then needs no network), else memory.
 * A failed write (quota, private mode) switches to memory for the rest of the session and
 * records why.
 */
export function createModelFileCache(options: { persistent: boolean }): ModelFileCache {
  const memory = new Map<string, Uint8Array>();
  const stats: CacheDiagnostics = { storage: 'memory', hits: 0, misses: 0 };
  let cache: Promise<Cache | undefined> | undefined;
  if (!options.persistent) {
    stats.reason = 'persistent caching is turned off (cache: "memory")';
  } else if (typeof caches === 'undefined') {
    stats.reason = 'the Cache API is not available here (Node, or not a secure context)';
  } else {
    stats.storage = 'cache-api';
    cache = caches.open(cacheName).catch((error: unknown) => {
      fallBack(`opening the Cache API failed: ${describe(error)}`);
      return undefined;
    });
  }

  function fallBack(reason: string) {
    stats.storage = 'memory';
    stats.reason = reason;
    cache = undefined;
  }

  return {
    async get(key) {
      const opened = await cache;
      let bytes = memory.get(key);
      if (!bytes && opened) {
        try {
          const response = await opened.match(key);
          if (response) bytes = new Uint8Array(await response.arrayBuffer());
        } catch (error) {
          fallBack(`reading the Cache API failed: ${describe(error)}`);
        }
      }
      if (bytes) stats.hits += 1;
      else stats.misses += 1;
      return bytes;
    },
    async put(key, bytes) {
      const opened = await cache;
      if (opened) {
        try {
          await opened.put(key, new Response(bytes as Uint8Array<ArrayBuffer>));
          return;
        } catch (error) {
          fallBack(`writing to the Cache API failed (over quota?): ${describe(error)}`);
        }
      }
      memory.set(key, bytes);
    },
    forget(keys) {
      for (const key of keys) memory.delete(key);
    },
    diagnostics: () => ({ ...stats }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
