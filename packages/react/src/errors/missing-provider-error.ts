import { InvalidInputError, OnDeviceError } from '@ondevice/core';

const marker = 'ondevice.error.missing-provider';
const symbol = Symbol.for(marker);

/**
 * A hook or widget that needs the ondevice client was rendered outside `<OnDeviceProvider>`.
 * It is an {@link InvalidInputError} (code `invalid-input`, parameter `client`), so code that
 * handles invalid input handles it too.
 *
 * @example
 * try {
 *   renderToString(<ModelProgress />)
 * } catch (error) {
 *   if (MissingProviderError.isInstance(error)) console.error(error.message)
 * }
 */
export class MissingProviderError extends InvalidInputError {
  private readonly [symbol] = true;
  /** The hook or component that needed the client. */
  readonly caller: string;

  constructor(options: { caller: string }) {
    super({
      parameter: 'client',
      message: `${options.caller} needs an ondevice client, but no <OnDeviceProvider> is above it. Wrap your app: <OnDeviceProvider client={createClient()}>…</OnDeviceProvider>.`,
    });
    this.name = 'MissingProviderError';
    this.caller = options.caller;
  }

  /** True for a missing-provider error, whichever copy of the package created it. */
  static override isInstance(error: unknown): error is MissingProviderError {
    return OnDeviceError.hasMarker(error, marker);
  }
}
