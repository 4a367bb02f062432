import { parentPort } from 'node:worker_threads';
import { redactWithCore } from './core-redactor.js';
import type { RedactionPolicy } from './redactor.js';

/**
 * A redaction thread of {@link createThreadRedactor}: each message `{ id, text, policy }` is
 * answered `{ id, result }` (core's `redactPII`, as data) or `{ id, failure }` (the error's
 * message), in the order the texts finish.
 */
const port = parentPort; // null outside a worker thread: then this script does nothing
port?.on('message', (message: { id: number; text: string; policy: RedactionPolicy }) => {
  redactWithCore(message.text, message.policy).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        failure: error instanceof Error ? error.message : String(error),
      }),
  );
});
