import { type ClientOptions, type OnDeviceClient, createClient } from '../client/create-client.js';
import { hashingModelManifest } from '../runtimes/hashing/hashing-model-manifest.js';

/**
 * A real client for an app's unit tests, on the deterministic hashing model: embeddings,
 * zero-shot and teachable classifiers, observers and hooks all run for real (in-thread), but
 * nothing is downloaded and no ML runs, so a test takes milliseconds and gives the same answer
 * every time. Texts that share words are similar. Sentiment still uses its trained head on
 * USE-lite (read from node_modules in Node), since no other head exists.
 *
 * @example
 * import { createTestClient } from '@ondevice/core/testing'
 * const client = createTestClient()
 * render(<OnDeviceProvider client={client}><SmartTags text="refund please" classifierId="t" /></OnDeviceProvider>)
 */
export function createTestClient(options: ClientOptions = {}): OnDeviceClient {
  return createClient({
    worker: false,
    modelCache: 'memory',
    rememberBackend: false,
    defaultModel: hashingModelManifest.id,
    ...options,
    models: [hashingModelManifest, ...(options.models ?? [])],
  });
}
