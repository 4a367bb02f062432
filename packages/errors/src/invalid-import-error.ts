import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.invalid-import';
const symbol = Symbol.for(marker);

/**
 * Data given to a search index's or a recommender's `import()` (or read back from storage) is
 * malformed or belongs to something else: wrong format or version, another model, bad shapes, a
 * vector of the wrong length… `path` names the offending field (e.g. `documents[3].id`); nothing
 * of the data was applied.
 *
 * @example
 * try { await index.import(json) } catch (error) {
 *   if (InvalidImportError.isInstance(error)) console.warn(error.what, error.path, error.message)
 * }
 */
export class InvalidImportError extends OnDeviceError {
  private readonly [symbol] = true;
  /** Where in the data the problem is, as a property path (`vectors.codes`, `documents[2].id`). */
  readonly path: string;
  /** What the data was for: `search-index` or `recommender`. */
  readonly what: string;

  constructor(options: { message: string; cause?: unknown; path: string; what: string }) {
    super({
      code: 'invalid-import',
      name: 'InvalidImportError',
      message: options.message,
      cause: options.cause,
    });
    this.path = options.path;
    this.what = options.what;
  }

  static override isInstance(error: unknown): error is InvalidImportError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { path: this.path, what: this.what };
  }
}
