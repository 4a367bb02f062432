// Test helpers (named *.test.* so the package never ships them).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv as parseCsvRecords } from '../evaluation/parse-csv.js';

/** `../shared/data` next to the repository, where evaluation data lives (never in the repo). */
export const sharedDataFolder = fileURLToPath(
  new URL('../../../../../shared/data/', import.meta.url),
);

/**
 * The text of a shared data file, or undefined (with a note on the console saying why the test
 * is skipped) when it is absent.
 */
export function readSharedData(relativePath: string): string | undefined {
  const path = `${sharedDataFolder}${relativePath}`;
  if (!existsSync(path)) {
    console.warn(`Skipping: ${path} is absent (evaluation data lives in ../shared/data).`);
    return undefined;
  }
  return readFileSync(path, 'utf8');
}

/** Rows of fields of a CSV text (the shared RFC 4180 parser, without line numbers). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}
