import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  type CoreRedactionResult,
  coreRedactor,
  redactionOutcome,
  redactWithCore,
} from './core-redactor.js';
import type { RedactionPolicy, Redactor } from './redactor.js';

/**
 * Options of {@link createThreadRedactor}.
 *
 * @example
 * const options: ThreadRedactorOptions = { threads: 1 }
 */
export interface ThreadRedactorOptions {
  /** Worker threads redacting side by side (each loads core and its name model once). @default 1 */
  threads?: number;
  /**
   * The thread's script. @default the proxy's redaction-thread (its `.ts` source under tsx or
   * Vitest, its `.js` build otherwise)
   */
  entry?: URL;
  /** Told when a thread fails (it is replaced; its texts are redacted on the event loop). */
  onThreadError?: (error: unknown) => void;
}

/**
 * A {@link Redactor} whose work runs off the event loop, and what to do with its threads.
 *
 * @example
 * const redaction = createThreadRedactor(); createProxyApp({ …, redactor: redaction.redactor }); await redaction.close()
 */
export interface ThreadRedactor {
  redactor: Redactor;
  /** `threads` while they run; `event-loop` once a thread could not start (then every text is redacted on the event loop). */
  readonly mode: 'threads' | 'event-loop';
  /** Ends the threads; texts still waiting are redacted on the event loop. */
  close(): Promise<void>;
}

interface Pending {
  text: string;
  policy: RedactionPolicy;
  resolve: (result: CoreRedactionResult) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Answered at least once: a failure after that is a crash, not a thread that cannot start. */
  answered: boolean;
}

type Reply = { id: number; result: CoreRedactionResult } | { id: number; failure: string };

/**
 * `@ondevice/core`'s `redactPII` (the proxy's {@link coreRedactor}) in worker threads: the
 * name detector (compromise, a few ms per prompt) and its garbage stay off the event loop that
 * relays every open stream (bench (o), part (d): with it on the event loop, 1,000 open streams
 * waited behind it). Threads start with the first text; a text goes to the thread with the
 * fewest waiting. A thread that fails is replaced and its texts are redacted on the event loop
 * (none is lost, none leaves unredacted); a thread that fails before its first answer (its
 * script cannot load) switches the redactor to the event loop for good.
 *
 * @example
 * const redaction = createThreadRedactor({ threads: 1 })
 * const outcome = await redaction.redactor('Mail maria@example.com', policy)
 * await redaction.close()
 */
export function createThreadRedactor(options: ThreadRedactorOptions = {}): ThreadRedactor {
  const count = options.threads ?? 1;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`threads must be a whole number of at least 1; got ${count}.`);
  const threads: (Thread | undefined)[] = Array.from({ length: count }, () => undefined);
  let mode: ThreadRedactor['mode'] = 'threads';
  let closed = false;
  let nextId = 0;

  // A text its thread could not answer: the same core call, here (its result goes the same way).
  const onEventLoop = (pending: Pending) =>
    redactWithCore(pending.text, pending.policy).then(pending.resolve, pending.reject);

  const fail = (slot: number, thread: Thread, error: unknown) => {
    if (threads[slot] !== thread) return;
    threads[slot] = undefined;
    if (!thread.answered) mode = 'event-loop';
    if (!closed) options.onThreadError?.(error);
    void thread.worker.terminate();
    for (const pending of thread.pending.values()) void onEventLoop(pending);
    thread.pending.clear();
  };

  const start = (slot: number): Thread | undefined => {
    let worker: Worker;
    try {
      worker = startWorker(options.entry);
    } catch (error) {
      // Refused at once (a flag a thread cannot take, no threads in this runtime).
      mode = 'event-loop';
      options.onThreadError?.(error);
      return undefined;
    }
    // The server keeps the process alive, not the threads: a proxy closed without close() exits.
    worker.unref();
    const thread: Thread = { worker, pending: new Map(), answered: false };
    worker.on('message', (reply: Reply) => {
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      thread.pending.delete(reply.id);
      thread.answered = true;
      if ('result' in reply) pending.resolve(reply.result);
      else pending.reject(new Error(`Redaction failed: ${reply.failure}`));
    });
    worker.on('error', (error) => fail(slot, thread, error));
    worker.on('exit', (code) =>
      fail(slot, thread, new Error(`The redaction thread exited (code ${code}).`)),
    );
    threads[slot] = thread;
    return thread;
  };

  const pick = (): Thread | undefined => {
    let best: Thread | undefined;
    for (let slot = 0; slot < count && mode === 'threads'; slot++) {
      const thread = threads[slot] ?? start(slot);
      if (thread && (!best || thread.pending.size < best.pending.size)) best = thread;
    }
    return best;
  };

  const redactor: Redactor = async (text, policy) => {
    const thread = closed || mode === 'event-loop' ? undefined : pick();
    if (!thread) return coreRedactor(text, policy);
    const result = await new Promise<CoreRedactionResult>((resolve, reject) => {
      const id = nextId++;
      thread.pending.set(id, { text, policy, resolve, reject });
      thread.worker.postMessage({ id, text, policy });
    });
    return redactionOutcome(result);
  };

  return {
    redactor,
    get mode() {
      return mode;
    },
    async close() {
      closed = true;
      const running = threads.filter((thread): thread is Thread => thread !== undefined);
      threads.fill(undefined);
      for (const thread of running) {
        for (const pending of thread.pending.values()) void onEventLoop(pending);
        thread.pending.clear();
      }
      await Promise.all(running.map((thread) => thread.worker.terminate()));
    },
  };
}

function startWorker(entry: URL | undefined): Worker {
  if (entry) return new Worker(entry);
  // Built: the thread's .js beside this file. From source (tsx, Vitest): the .ts, loaded through
  // tsx's API (a worker does not inherit the parent's loader hooks), with the source condition
  // so that @ondevice/core resolves as it does here.
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./redaction-thread.js', import.meta.url));
  const tsx = tsxEsmApi();
  const script = new URL('./redaction-thread.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(import.meta.url)}))`,
    {
      eval: true,
      // Only what the thread needs: the process's own flags may not be a thread's (--trace-gc).
      execArgv: ['--conditions=@ondevice/source'],
    },
  );
}

/** The URL of tsx's ESM API (`tsx/esm/api` under the import condition), from its export map. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return new URL(exports['./esm/api']?.import.default ?? '', pathToFileURL(manifest)).href;
}
