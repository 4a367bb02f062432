import { InvalidInputError } from '@ondevice/core';
import { type LabelledText, requireClassificationData } from './labelled-text.js';
import { parseCsv } from '@ondevice/core/evaluation';
import { readTextFile } from './read-text-file.js';

/** AG News classes; class index n in the file (1–4) is entry n - 1 (as in `classes.txt`). */
export const agNewsClasses = ['World', 'Sports', 'Business', 'Sci/Tech'] as const;

/** One of the four AG News classes. */
export type AgNewsClass = (typeof agNewsClasses)[number];

/**
 * Parses AG News as Zhang et al. (2015) distribute it (`ag_news_csv/test.csv`): CSV records
 * `class,title,description`, class 1–4, fields in double quotes with `""` for a quote. A header
 * row (a first row whose class is not a number) is skipped. The text is title + " " +
 * description, the usual input for this benchmark, unchanged otherwise.
 *
 * @throws {InvalidInputError} naming the line of a record without exactly three fields or
 *   with a class outside 1–4.
 * @example
 * parseAgNews('"2","Zidane retires","Real Madrid star ..."\n') // [{ text: 'Zidane retires Real Madrid star ...', label: 'Sports', line: 1 }]
 */
export function parseAgNews(text: string, source = 'AG News data'): LabelledText[] {
  const examples: LabelledText[] = [];
  parseCsv(text, source).forEach(({ line, fields }, index) => {
    const where = `${source}, line ${line}`;
    const rawClass = (fields[0] ?? '').trim();
    if (index === 0 && !/^\d+$/.test(rawClass) && fields.length === 3) return; // header
    if (fields.length !== 3) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: expected 3 comma-separated fields (class, title, description); got ${fields.length}.`,
      });
    }
    const label = /^[1-4]$/.test(rawClass) ? agNewsClasses[Number(rawClass) - 1] : undefined;
    if (label === undefined) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: the class should be 1 (World), 2 (Sports), 3 (Business) or 4 (Sci/Tech); got "${rawClass}".`,
      });
    }
    const [, title, description] = fields as [string, string, string];
    if (`${title}${description}`.trim() === '') {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: both the title and the description are empty.`,
      });
    }
    examples.push({ text: `${title} ${description}`, label, line });
  });
  requireClassificationData(examples, source);
  return examples;
}

/**
 * Reads and parses an AG News CSV file.
 *
 * @throws {InvalidInputError} when the file cannot be read or is not in the AG News format.
 * @example
 * const examples = await readAgNews('../shared/data/agnews/dev.csv')
 */
export async function readAgNews(path: string): Promise<LabelledText[]> {
  return parseAgNews(await readTextFile(path), path);
}
