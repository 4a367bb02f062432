import { describe, expect, it } from 'vitest';
import { measureBundleSize } from './measure-bundle-size.js';

/** The most initial JS, gzip, that @ondevice/core and @ondevice/react may add to an app. */
const budgetBytes = 25_000;

describe('bundle-size budget', () => {
  it(`keeps the initial JS of @ondevice/core + @ondevice/react within ${budgetBytes / 1000} kB gzip`, async () => {
    // bench/size-app (createClient, <OnDeviceProvider>, <ModelProgress>), built with vite build,
    // minified, React left out of the bundle: what ondevice adds to the page before any model work.
    const { 'app-without-react': build } = await measureBundleSize({
      variants: ['app-without-react'],
    });
    console.log(
      `initial JS of core + react: ${(build.initial.gzipBytes / 1000).toFixed(1)} kB gzip (${build.initial.files.join(', ')})`,
    );
    expect(build.initial.gzipBytes).toBeLessThanOrEqual(budgetBytes);
    // Model work stays out of the initial JS: tfjs and the worker are loaded when needed.
    expect(build.initial.files.some((file) => /tfjs|worker/i.test(file))).toBe(false);
    expect(build.lazy.bytes).toBeGreaterThan(build.initial.bytes);
  });
});
