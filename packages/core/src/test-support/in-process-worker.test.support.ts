// Test helper (named *.test.* so the package never ships it).
import { createRequestHandler } from '../worker/handle-request.js';
import type { WorkerRequest, WorkerResponse } from '../worker/protocol.js';

type Listener = (event: unknown) => void;

/**
 * A stand-in for a module Web Worker in Node: the real request handler and engine, with every
 * message structured-cloned and delivered asynchronously, as across a real worker boundary.
 */
export class InProcessWorker {
  static created: InProcessWorker[] = [];
  readonly posted: WorkerRequest[] = [];
  private readonly listeners = new Map<string, Set<Listener>>();
  private terminated = false;
  private readonly handle = createRequestHandler((response: WorkerResponse, transfer) => {
    const copy = structuredClone(response, { transfer: transfer ?? [] });
    setTimeout(() => {
      if (!this.terminated) this.emit('message', { data: copy });
    }, 0);
  });

  constructor() {
    InProcessWorker.created.push(this);
  }

  addEventListener(type: string, listener: Listener) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  postMessage(message: WorkerRequest) {
    const copy = structuredClone(message);
    this.posted.push(copy);
    setTimeout(() => {
      if (!this.terminated) void this.handle(copy);
    }, 0);
  }

  terminate() {
    this.terminated = true;
  }

  crash() {
    this.emit('error', { message: 'out of memory', preventDefault() {} });
  }

  private emit(type: string, event: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
