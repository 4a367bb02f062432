import { RuntimeError } from '@ondevice/errors';
import { describe, expect, it } from 'vitest';
import { createMemoryRecordStore, type RecordStore } from './record-store.js';
import { recordWriter } from './record-writer.js';

describe('recordWriter', () => {
  it('writes one at a time; changes made meanwhile share one more write', async () => {
    const store = createMemoryRecordStore();
    let puts = 0;
    const counting: RecordStore = {
      ...store,
      put: async (id, value) => ((puts += 1), store.put(id, value)),
    };
    let value = 1;
    const save = recordWriter(
      async () => counting,
      'x',
      () => ({ value }),
      'Thing "x"',
    );
    const first = save();
    value = 2;
    const second = save();
    value = 3;
    const third = save();
    await Promise.all([first, second, third]);
    // The record is read when a write starts: the three changes needed one write here.
    expect(puts).toBe(1);
    value = 4;
    await save();
    expect(puts).toBe(2);
    expect(await store.get('x')).toEqual({ value: 4 });
  });

  it('says the change is in memory only when the store fails', async () => {
    const failing: RecordStore = {
      ...createMemoryRecordStore(),
      put: async () => Promise.reject(new Error('quota')),
    };
    const save = recordWriter(
      async () => failing,
      'x',
      () => ({}),
      'Search index "x"',
    );
    await expect(save()).rejects.toThrow(RuntimeError);
    await expect(save()).rejects.toThrow(
      /Search index "x" changed in memory but could not be saved: quota/,
    );
  });
});
