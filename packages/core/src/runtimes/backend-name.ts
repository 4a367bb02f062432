import { describeValue } from '../util/describe-value.js';
import { UnknownBackendError } from '@ondevice/errors';

/**
 * Backends a runtime can run on (TensorFlow.js knows all four), GPU first, as `auto` considers them.
 *
 * @example
 * backendNames.includes(setting as BackendName)
 */
export const backendNames = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/**
 * A concrete backend.
 *
 * @example
 * const chosen: BackendName = client.diagnostics().backend.selection?.chosen ?? 'wasm'
 */
export type BackendName = (typeof backendNames)[number];

/**
 * A backend, or `auto` to measure the candidates and pick the fastest.
 *
 * @example
 * const backend: BackendPreference = isLowEndDevice ? 'wasm' : 'auto'
 */
export type BackendPreference = 'auto' | BackendName;

/**
 * Checks a backend option.
 *
 * @throws {UnknownBackendError} listing the valid names.
 *
 * @example
 * const backend = parseBackendPreference(new URLSearchParams(location.search).get('backend') ?? 'auto')
 */
export function parseBackendPreference(value: unknown): BackendPreference {
  if (value === 'auto' || (backendNames as readonly unknown[]).includes(value)) {
    return value as BackendPreference;
  }
  const validBackends = ['auto', ...backendNames];
  throw new UnknownBackendError({
    backend: String(value),
    validBackends,
    message: `Unknown backend ${typeof value === 'string' ? `"${value}"` : describeValue(value)}. Valid backends: ${validBackends.join(', ')}.`,
  });
}
