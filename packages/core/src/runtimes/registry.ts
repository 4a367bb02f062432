import { InvalidInputError } from '@ondevice/errors';
import type { RuntimeFactory } from './runtime.js';

/**
 * Every runtime a model manifest can name, each imported on first use (so an app bundles
 * only the runtimes its models need, in the worker). Adding a runtime is a folder under
 * `runtimes/` and one line here.
 *
 * @example
 * const create = await runtimeRegistry.tfjs?.()
 */
export const runtimeRegistry: Readonly<Record<string, () => Promise<RuntimeFactory>>> = {
  tfjs: () => import('./tfjs/tfjs-runtime.js').then((module) => module.createTfjsRuntime),
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
export function loadRuntimeFactory(name: string): Promise<RuntimeFactory> {
  const load = Object.hasOwn(runtimeRegistry, name) ? runtimeRegistry[name] : undefined;
  if (!load) {
    throw new InvalidInputError({
      parameter: 'runtime',
      message: `No runtime is registered as "${name}". Runtimes: ${runtimeNames().join(', ')}.`,
    });
  }
  return load();
}
