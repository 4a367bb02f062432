// A redaction thread for thread-redactor.test.ts: answers its first text with a marker outcome
// (so the test sees which thread answered), then exits on the next one, mid-call.
import { parentPort } from 'node:worker_threads';

let answered = 0;
parentPort.on('message', (message) => {
  if (answered++ > 0) process.exit(3);
  parentPort.postMessage({
    id: message.id,
    result: { outcome: { blocked: false, text: 'from a fresh thread', counts: {} } },
  });
});
