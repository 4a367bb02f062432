import { InvalidInputError } from '@ondevice/errors';

interface Entry {
  resolved: Record<string, unknown>;
  instance: unknown;
}

/**
 * The one caching rule of every factory of the client (`embedder`, `sentiment`, `zeroShot`,
 * `teachable`):
 * - with an `id`, the instance is the one of that id: options the caller leaves out take the
 *   instance's, and an option given with another value than the instance's is an
 *   {@link InvalidInputError} (never silently ignored);
 * - without an `id`, equal options (after defaults) give the same instance, other options
 *   another one.
 *
 * @example
 * const cache = new InstanceCache()
 * const embedder = cache.get('embedder', undefined, given, resolved, (instanceId) => new Embedder(…))
 */
export class InstanceCache {
  private readonly entries = new Map<string, Entry>();
  private created = 0;

  /**
   * The instance of `kind` for these options, created by `create` the first time.
   *
   * @param given the options as the caller passed them (`undefined` fields count as left out).
   * @param resolved the same options checked, with defaults applied.
   * @throws {InvalidInputError} naming the option when `id` exists with another value for it.
   */
  get<T>(
    kind: string,
    id: string | undefined,
    given: object,
    resolved: Record<string, unknown>,
    create: (instanceId: string) => T,
  ): T {
    const key = id === undefined ? `${kind}\u0000=${canonical(resolved)}` : `${kind}\u0000#${id}`;
    const existing = this.entries.get(key);
    if (existing) {
      for (const [name, value] of Object.entries(given)) {
        if (value === undefined || name === 'id') continue;
        if (canonical(resolved[name]) !== canonical(existing.resolved[name])) {
          throw new InvalidInputError({
            parameter: name,
            message: `${kind}({ id: "${String(id)}" }) exists with another ${name} (${canonical(existing.resolved[name])}); got ${canonical(resolved[name])}. Pass the same options wherever you name this id, leave them out to use the existing ones, or choose another id.`,
          });
        }
      }
      return existing.instance as T;
    }
    this.created += 1;
    const instance = create(`${kind}#${this.created}`);
    this.entries.set(key, { resolved, instance });
    return instance;
  }

  /** Every instance created so far, oldest first. */
  instances(): unknown[] {
    return [...this.entries.values()].map((entry) => entry.instance);
  }
}

/** JSON with object keys sorted, so equal options give equal strings. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, inner: unknown) =>
      typeof inner === 'object' && inner !== null && !Array.isArray(inner)
        ? Object.fromEntries(
            Object.entries(inner as Record<string, unknown>).sort(([left], [right]) =>
              left < right ? -1 : left > right ? 1 : 0,
            ),
          )
        : inner,
    ) ?? 'undefined'
  );
}
