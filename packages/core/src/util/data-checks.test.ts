import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToBytesInSlices, bytesToBase64, dataChecks } from './data-checks.js';

describe('data checks', () => {
  it('round-trips bytes through base64, in slices past 1 MB of text', async () => {
    const bytes = Uint8Array.from({ length: 3_000_001 }, (_, index) => (index * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text.length).toBeGreaterThan(1 << 20);
    expect(await base64ToBytesInSlices(text)).toEqual(bytes);
    expect(base64ToBytes('AQID')).toEqual(Uint8Array.of(1, 2, 3));
    expect(await base64ToBytesInSlices(`${text.slice(0, -4)}!!!!`)).toBeUndefined();
    expect(base64ToBytes('%%%')).toBeUndefined();
  });

  it('names the field and what the data was for', () => {
    const check = dataChecks('recommender');
    expect(() => check.header({ format: 'x', version: 1 }, 'ondevice.recommender', 1)).toThrow(
      expect.objectContaining({ path: 'format', what: 'recommender' }),
    );
    expect(() =>
      check.header({ format: 'ondevice.recommender', version: 3 }, 'ondevice.recommender', 1),
    ).toThrow(/newer version/);
    const holey = [1, 2, 3];
    delete holey[1];
    expect(() => check.array(holey, 'items')).toThrow(
      expect.objectContaining({ path: 'items[1]' }),
    );
  });
});
