import { InvalidInputError } from '@ondevice/errors';
import type { RuntimeFactory } from './runtime.js';

/**
 * A runtime's module: its folder's entry file exports `createRuntime`.
 *
 * @example
 * export const createRuntime: RuntimeFactory = (environment) => new TfjsRuntime(environment)
 */
export interface RuntimeModule {
  createRuntime: RuntimeFactory;
}

/**
 * Every runtime a model manifest can name, each imported on first use (so an app bundles
 * only the runtimes its models need, in the worker). Adding a runtime is a folder under
 * `runtimes/` and one line here.
 *
 * @example
 * const { createRuntime } = await runtimeRegistry.tfjs!()
 */
export const runtimeRegistry: Readonly<Record<string, () => Promise<RuntimeModule>>> = {
  tfjs: () => import('./tfjs/tfjs-runtime.js'),
  hashing: () => import('./hashing/hashing-runtime.js'),
  transformers: () => import('./transformers/transformers-runtime.js'),
};

/**
 * Names of the registered runtimes.
 *
 * @example
 * runtimeNames() // ['tfjs', …]
 */
export function runtimeNames(): string[] {
  return Object.keys(runtimeRegistry);
}

/**
 * The factory of a registered runtime.
 *
 * @throws {InvalidInputError} naming the registered runtimes when `name` is not one of them.
 * @example
 * const createRuntime = await loadRuntimeFactory(manifest.runtime)
 */
export async function loadRuntimeFactory(name: string): Promise<RuntimeFactory> {
  const load = Object.hasOwn(runtimeRegistry, name) ? runtimeRegistry[name] : undefined;
  if (!load) {
    throw new InvalidInputError({
      parameter: 'runtime',
      message: `No runtime is registered as "${name}". Runtimes: ${runtimeNames().join(', ')}.`,
    });
  }
  return (await load()).createRuntime;
}
