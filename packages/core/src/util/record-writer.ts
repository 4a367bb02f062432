import { RuntimeError } from '@ondevice/errors';
import type { RecordStore } from './record-store.js';

/**
 * Writes one record whole after every change, one write at a time: a change made while a write
 * runs is saved by one more write after it, which every caller waiting meanwhile shares.
 *
 * @example
 * const save = recordWriter(() => store, 'help', () => toRecord(), 'Search index "help"')
 * await save() // after each change
 */
export function recordWriter(
  store: () => Promise<RecordStore>,
  id: string,
  record: () => unknown,
  what: string,
): () => Promise<void> {
  let saving: Promise<void> | null = null;
  let again = false;
  return () => {
    if (saving) {
      again = true;
      return saving;
    }
    const write = async () => {
      const opened = await store();
      do {
        again = false;
        await opened.put(id, record());
      } while (again);
    };
    saving = write()
      .catch((error: unknown) => {
        throw new RuntimeError({
          message: `${what} changed in memory but could not be saved: ${(error as Error).message}`,
          cause: error,
        });
      })
      .finally(() => {
        saving = null;
      });
    return saving;
  };
}
