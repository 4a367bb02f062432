import { UnknownBackendError } from '@ondevice/errors';

/** TensorFlow.js backends ondevice can run on, in the order `auto` considers them. */
export const backendNames = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** A concrete backend. */
export type BackendName = (typeof backendNames)[number];

/** A backend, or `auto` to measure the candidates and pick the fastest. */
export type BackendPreference = 'auto' | BackendName;

/**
 * Checks a backend option.
 *
 * @throws {UnknownBackendError} listing the valid names.
 */
export function parseBackendPreference(value: unknown): BackendPreference {
  if (value === 'auto' || (backendNames as readonly unknown[]).includes(value)) {
    return value as BackendPreference;
  }
  const validBackends = ['auto', ...backendNames];
  throw new UnknownBackendError({
    backend: String(value),
    validBackends,
    message: `Unknown backend "${String(value)}". Valid backends: ${validBackends.join(', ')}.`,
  });
}
