import { describe, expect, it } from 'vitest';
import { InvalidInputError, OutOfMemoryError, RuntimeError } from '@ondevice/errors';
import { guardRun } from './model-runs.js';

describe('guardRun', () => {
  it('turns a runtime running out of memory into OutOfMemoryError, other failures into RuntimeError', async () => {
    for (const message of [
      'std::bad_alloc',
      'WebAssembly.Memory.grow(): could not allocate memory',
      'RangeError: Array buffer allocation failed',
      '[WebGPU] out of memory',
    ]) {
      await expect(guardRun('m', () => Promise.reject(new Error(message)))).rejects.toSatisfy(
        (error) =>
          OutOfMemoryError.isInstance(error) && String(error).includes('m ran out of memory'),
      );
    }
    await expect(
      guardRun('m', () => Promise.reject(new Error('shape mismatch'))),
    ).rejects.toSatisfy((error) => RuntimeError.isInstance(error));
    const typed = new InvalidInputError({ parameter: 'x', message: 'bad x' });
    await expect(guardRun('m', () => Promise.reject(typed))).rejects.toBe(typed);
  });
});
