import {
  type GenerationDefaults,
  GenerationObserver,
  type GenerationState,
  type TextGenerator,
} from '@ondevice/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useStableOptions } from './use-stable-options.js';

/**
 * Options of {@link useGeneration}: defaults for every `generate()` call (each call's own
 * options win).
 *
 * @example
 * useGeneration(generator, { maxNewTokens: 64, temperature: 0.7 })
 */
export type UseGenerationOptions = GenerationDefaults;

/**
 * What {@link useGeneration} returns: the generation's state and its two actions.
 *
 * @example
 * const { status, text, generate, stop } = useGeneration(generator)
 */
export type UseGenerationResult = GenerationState & {
  /**
   * Starts generating (stopping a generation in flight). Resolves with the result when it
   * finishes, with `undefined` when it is stopped, superseded or fails; never rejects.
   */
  generate: GenerationObserver['generate'];
  /** Stops the generation in flight (state `stopped`, its text kept). */
  stop: GenerationObserver['stop'];
};

/**
 * Streams text from a generator (`client.generator({ model })`) on the device: `status` goes
 * `idle` → `loading` (the model's download in `progress`) → `generating` (`text` grows piece
 * by piece) → `done` (`result` with token counts and timings), or `stopped` / `error`.
 * `generate` and `stop` keep their identity. Unmounting stops the generation in flight.
 * Pass the same generator on every render (the client returns the same one for the same model).
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function Story({ generator }: { generator: TextGenerator }) {
 *   const { status, text, generate, stop } = useGeneration(generator, { maxNewTokens: 80 })
 *   return (
 *     <>
 *       <button onClick={() => generate('Once upon a time')}>Tell a story</button>
 *       <button onClick={stop} disabled={status !== 'generating'}>Stop</button>
 *       <p aria-live="polite">{text}</p>
 *     </>
 *   )
 * }
 */
export function useGeneration(
  generator: TextGenerator,
  options: UseGenerationOptions = {},
): UseGenerationResult {
  const client = useOnDeviceClient();
  const observer = useMemo(
    () => new GenerationObserver(client, { generator }),
    [client, generator],
  );
  const state = useSyncExternalStore(
    observer.subscribe,
    observer.getSnapshot,
    observer.getSnapshot,
  );
  const defaults = useStableOptions(options);
  useEffect(() => observer.setOptions(defaults), [observer, defaults]);
  return useMemo(
    () => ({ ...state, generate: observer.generate, stop: observer.stop }),
    [state, observer],
  );
}
