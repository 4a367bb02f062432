import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';

/**
 * Writes a generated TypeScript file formatted with the repository's Prettier settings, so
 * `prettier --check` passes on generated sources too.
 *
 * @example await writeSourceFile('src/x.ts', 'export const x = 1')
 */
export async function writeSourceFile(path: string, source: string): Promise<void> {
  const config = (await resolveConfig(path)) ?? {};
  await writeFile(path, await format(source, { ...config, filepath: path }));
}
