import { OnDeviceError } from '@ondevice/errors';

const marker = 'ondevice.error.proxy-config';
const symbol = Symbol.for(marker);

/**
 * The proxy's configuration is unusable: a field of `proxy.config.json` is missing or invalid
 * (`field` names it, e.g. `tenants[1].limits.dailyTokens`), or an environment variable an
 * upstream needs is not set (`field` is `upstreams[0].apiKeyEnv`; the message names the variable,
 * never a value). Thrown at startup, before the proxy listens.
 *
 * @example
 * try { await loadProxyConfig('proxy.config.json') } catch (error) {
 *   if (ProxyConfigError.isInstance(error)) console.error(error.message) // 'tenants[1].limits…'
 * }
 */
export class ProxyConfigError extends OnDeviceError {
  private readonly [symbol] = true;
  /** The first bad field, as a path (`tenants[1].limits.dailyTokens`); `''` for the file itself. */
  readonly field: string;

  constructor(options: { message: string; field: string; cause?: unknown }) {
    super({
      code: 'proxy-config',
      name: 'ProxyConfigError',
      message: options.message,
      cause: options.cause,
    });
    this.field = options.field;
  }

  static override isInstance(error: unknown): error is ProxyConfigError {
    return OnDeviceError.hasMarker(error, marker);
  }

  protected override serializableData(): Record<string, unknown> {
    return { field: this.field };
  }
}
