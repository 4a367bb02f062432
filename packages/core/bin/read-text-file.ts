import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@ondevice/core';

/**
 * Reads a UTF-8 data file named on the command line.
 *
 * @throws {InvalidInputError} (parameter `file`) saying why the file could not be read.
 * @example
 * const text = await readTextFile('../shared/data/stsb/sts-dev.csv')
 */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(error);
    throw new InvalidInputError({
      parameter: 'file',
      message: `Cannot read --file ${path}: ${reason}.`,
      cause: error,
    });
  }
}
