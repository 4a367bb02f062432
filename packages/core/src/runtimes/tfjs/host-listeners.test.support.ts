// Run as its own Node process by host-listeners.test.ts: an app with its own handlers embeds on
// the wasm backend, then leaves a promise rejection unhandled. The process must keep running
// and exit 0, with exactly the app's listeners registered.
import { createClient } from '../../index.js';

const handled: unknown[] = [];
const onRejection = (reason: unknown) => handled.push(reason);
const onException = (error: unknown) => handled.push(error);
process.on('unhandledRejection', onRejection);
process.on('uncaughtException', onException);

const client = createClient({ backend: 'wasm' });
const { embeddings } = await client.embedder().embed(['The host process is left alone.']);
const listeners = {
  unhandledRejection: process.listeners('unhandledRejection').length,
  uncaughtException: process.listeners('uncaughtException').length,
  ownRejectionHandler: process.listeners('unhandledRejection')[0] === onRejection,
};
void Promise.reject(new Error('an app bug, handled by the app'));
await new Promise((resolve) => setTimeout(resolve, 100));
client.dispose();
console.log(
  JSON.stringify({ dimensions: embeddings[0]?.length, listeners, handled: handled.length }),
);
