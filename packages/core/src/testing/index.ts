// @ondevice/core/testing: a fake model for an app's own unit tests (the house-style `./testing`).
export { createTestClient } from './create-test-client.js';
export {
  createHashingModelManifest,
  hashingModelManifest,
} from '../runtimes/hashing/hashing-model-manifest.js';
