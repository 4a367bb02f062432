// Test helpers (named *.test.* so the package never ships them).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/** Parses CSV (quoted fields, doubled quotes, newlines inside quotes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
