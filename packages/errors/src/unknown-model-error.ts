import { OnDeviceError } from './ondevice-error.js';

const marker = 'ondevice.error.unknown-model';
const symbol = Symbol.for(marker);

/**
 * No manifest exists for the requested model id; `validModelIds` lists the ones that do.
 *
 * @example
 * if (UnknownModelError.isInstance(error)) console.warn(`try one of ${error.validModelIds.join(', ')}`)
 */
export class UnknownModelError extends OnDeviceError {
  private readonly [symbol] = true;
  readonly modelId: string;
  readonly validModelIds: readonly string[];

  constructor(options: {
    message: string;
    cause?: unknown;
    modelId: string;
    validModelIds: readonly string[];
  }) {
    super({
      code: 'unknown-model',
      name: 'UnknownModelError',
      message: options.message,
      cause: options.cause,
    });
    this.modelId = options.modelId;
    this.validModelIds = options.validModelIds;
  }

  static override isInstance(error: unknown): error is UnknownModelError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { modelId: this.modelId, validModelIds: this.validModelIds };
  }
}
