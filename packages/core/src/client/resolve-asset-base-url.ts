import { InvalidInputError } from '@ondevice/errors';
import { describeValue } from '../util/describe-value.js';

/**
 * The asset base URL as the engine gets it: a relative one (`'ondevice/'`) resolved against the
 * page, because a worker would resolve it against its own script's URL instead.
 *
 * @throws {InvalidInputError} when it is not a string, or is relative where there is no page
 *   location to resolve it against (Node).
 * @example
 * resolveAssetBaseUrl('ondevice/') // 'https://app.example/docs/ondevice/' on https://app.example/docs/
 */
export function resolveAssetBaseUrl(assetBaseUrl: unknown): string | undefined {
  if (assetBaseUrl === undefined) return undefined;
  if (typeof assetBaseUrl !== 'string') {
    throw new InvalidInputError({
      parameter: 'assetBaseUrl',
      message: `assetBaseUrl must be a URL string such as '/ondevice/'; got ${describeValue(assetBaseUrl)}.`,
    });
  }
  const base = assetBaseUrl.endsWith('/') ? assetBaseUrl : `${assetBaseUrl}/`;
  const page = (globalThis as { location?: { href: string } }).location?.href;
  if (page) return new URL(base, page).href;
  if (URL.canParse(base)) return base;
  throw new InvalidInputError({
    parameter: 'assetBaseUrl',
    message: `assetBaseUrl "${assetBaseUrl}" is relative, and there is no page location to resolve it against; give an absolute URL such as 'http://127.0.0.1:5173/ondevice/'.`,
  });
}
