/// <reference lib="webworker" />
// Entry of the module Web Worker that runs inference off the main thread.
import { createRequestHandler } from './handle-request.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createRequestHandler((response: WorkerResponse, transfer?: Transferable[]) =>
  scope.postMessage(response, transfer ?? []),
);
scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data);
});
