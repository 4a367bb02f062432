import { WorkerCrashedError, deserializeError } from '@ondevice/errors';
import {
  type KeywordDocument,
  type KeywordIndex,
  type KeywordMatches,
  type SuggestRequest,
  ThreadKeywordIndex,
} from './keyword-index.js';
import type { KeywordRequest, KeywordResponse } from './keyword-protocol.js';

/** Documents sent to the worker in one message when the whole index is replaced. */
const stageSize = 2000;

type Pending = { resolve: (result: unknown) => void; reject: (error: unknown) => void };
type RequestBody = KeywordRequest extends infer R
  ? R extends KeywordRequest
    ? Omit<R, 'id' | 'index'>
    : never
  : never;

/**
 * The page's side of one keyword worker: numbered requests, answered in order. A worker that
 * fails (its script does not load, or it dies) rejects every pending and later request with a
 * {@link WorkerCrashedError}.
 *
 * @example
 * const connection = keywordConnection(worker)
 */
class KeywordConnection {
  private nextId = 1;
  private nextIndex = 0;
  private readonly pending = new Map<number, Pending>();
  private failure: WorkerCrashedError | null = null;

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<KeywordResponse>) => {
      const response = event.data;
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) {
        pending.reject(deserializeError(response.error));
      } else {
        pending.resolve(response.result);
      }
    });
    const fail = (event: Event) => {
      event.preventDefault?.();
      const message =
        event instanceof ErrorEvent && event.message ? `: ${event.message}` : ' (no message)';
      this.fail(new WorkerCrashedError({ message: `The keyword search worker failed${message}.` }));
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
  }

  openIndex(): number {
    return this.nextIndex++;
  }

  request<T>(index: number, body: RequestBody, transfer: Transferable[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      try {
        this.worker.postMessage({ ...body, id, index } as KeywordRequest, transfer);
      } catch (error) {
        this.pending.delete(id);
        reject(error as Error);
      }
    });
  }

  private fail(error: WorkerCrashedError) {
    if (this.failure) return;
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.worker.terminate();
  }
}

const connections = new WeakMap<Worker, KeywordConnection>();

function connectionOf(worker: Worker): KeywordConnection {
  let connection = connections.get(worker);
  if (!connection) {
    connection = new KeywordConnection(worker);
    connections.set(worker, connection);
  }
  return connection;
}

/** An index opened in one worker. */
interface Opened {
  connection: KeywordConnection;
  index: number;
  ready: Promise<unknown>;
}

/**
 * The keyword index of a search index on a page: MiniSearch in a Web Worker (shared by a client's
 * search indexes), so a query that matches thousands of documents is ranked off the main thread.
 * When its worker ends (`client.dispose()`, or a crash), the index is rebuilt from `documents()`
 * (what the search index holds) in the worker `worker()` gives then, and the call goes on there;
 * if that one fails too (say its script does not load), in this thread: nothing is lost.
 *
 * @example
 * const keyword = new WorkerKeywordIndex(() => worker, { title: 2, body: 1 }, () => keywordDocuments())
 */
export class WorkerKeywordIndex implements KeywordIndex {
  private opened: Opened;
  private fallback: Promise<ThreadKeywordIndex> | null = null;
  /** Set while the index is rebuilt after its worker ended: calls wait for it. */
  private rebuilding: Promise<void> | null = null;

  constructor(
    private readonly worker: () => Worker,
    private readonly fields: Record<string, number>,
    private readonly documents: () => readonly KeywordDocument[],
  ) {
    this.opened = this.open();
  }

  get where(): 'worker' | 'thread' {
    return this.fallback ? 'thread' : 'worker';
  }

  replace(removeKeys: readonly string[], documents: readonly KeywordDocument[]): Promise<void> {
    return this.call(
      () => this.send({ op: 'replace', removeKeys, documents }),
      (local) => local.replace(removeKeys, documents),
      // After a rebuild, not again: the search index's documents it is built from hold this change.
      false,
    );
  }

  replaceAll(documents: readonly KeywordDocument[]): Promise<void> {
    return this.call(
      () => this.sendAll(documents),
      (local) => local.replaceAll(documents),
    );
  }

  clear(): Promise<void> {
    return this.call(
      () => this.send({ op: 'clear' }),
      (local) => local.clear(),
    );
  }

  search(query: string): Promise<KeywordMatches> {
    return this.call(
      () => this.send<KeywordMatches>({ op: 'search', query }),
      (local) => local.search(query),
    );
  }

  suggest(request: SuggestRequest): Promise<string[]> {
    return this.call(
      () => this.send<string[]>({ op: 'suggest', request }),
      (local) => local.suggest(request),
    );
  }

  storable(): unknown {
    // Serialising a worker's index would copy it through the page: a reload rebuilds it there.
    return undefined;
  }

  private open(): Opened {
    const connection = connectionOf(this.worker());
    const index = connection.openIndex();
    const ready = connection.request(index, { op: 'open', fields: this.fields });
    // A failure here shows again (and is handled) at the first call.
    ready.catch(() => undefined);
    return { connection, index, ready };
  }

  private async send<T>(body: RequestBody): Promise<T> {
    const { connection, index, ready } = this.opened;
    await ready;
    return connection.request<T>(index, body);
  }

  /**
   * Runs the call in the worker; when the worker has ended, rebuilds the index (in a new worker
   * once, then in this thread) and runs the call again there (`again` false: not, as the rebuild
   * already holds its change).
   */
  private async call<T>(
    inWorker: () => Promise<T>,
    inThread: (local: ThreadKeywordIndex) => Promise<T>,
    again = true,
  ): Promise<T> {
    for (;;) {
      while (this.rebuilding) await this.rebuilding;
      if (this.fallback) return inThread(await this.fallback);
      const attempt = this.opened;
      try {
        return await inWorker();
      } catch (error) {
        if (!WorkerCrashedError.isInstance(error)) throw error;
        if (this.opened === attempt) this.rebuilding ??= this.rebuild();
      }
      if (!again) {
        while (this.rebuilding) await this.rebuilding;
        return undefined as T;
      }
    }
  }

  private async rebuild(): Promise<void> {
    try {
      // The client gives a new worker after dispose(); a worker that cannot start fails again.
      this.opened = this.open();
      try {
        await this.sendAll(this.documents());
        return;
      } catch (error) {
        if (!WorkerCrashedError.isInstance(error)) throw error;
      }
      const local = new ThreadKeywordIndex(this.fields);
      this.fallback = local.replaceAll(this.documents()).then(() => local);
      await this.fallback;
    } finally {
      this.rebuilding = null;
    }
  }

  private async sendAll(documents: readonly KeywordDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += stageSize) {
      await this.send({ op: 'stage', documents: documents.slice(start, start + stageSize) });
    }
    await this.send({ op: 'commit' });
  }
}
