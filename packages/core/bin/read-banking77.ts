import { InvalidInputError } from '@ondevice/core';
import { type LabelledText, requireClassificationData } from './labelled-text.js';
import { parseCsv } from '@ondevice/core/evaluation';
import { readTextFile } from './read-text-file.js';

/**
 * Parses BANKING77 as its authors distribute it (`train.csv`, `test.csv`): CSV records
 * `text,category`, text in double quotes when it holds a comma, category an intent name
 * without spaces such as `card_arrival` (the file also has `Refund_not_showing_up` and
 * `reverted_card_payment?`). The `text,category` header is optional.
 *
 * @throws {InvalidInputError} naming the line of a record without exactly two fields, with an
 *   empty text or with a category that is not an intent name.
 * @example
 * parseBanking77('text,category\nWhere is my card?,card_arrival\n') // [{ text: 'Where is my card?', label: 'card_arrival', line: 2 }]
 */
export function parseBanking77(text: string, source = 'BANKING77 data'): LabelledText[] {
  const examples: LabelledText[] = [];
  parseCsv(text, source).forEach(({ line, fields }, index) => {
    const where = `${source}, line ${line}`;
    if (index === 0 && fields[0]?.trim() === 'text' && fields[1]?.trim() === 'category') return;
    if (fields.length !== 2) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: expected 2 comma-separated fields (text, category); got ${fields.length}. Quote a text that holds a comma.`,
      });
    }
    const [sentence, rawCategory] = fields as [string, string];
    const category = rawCategory.trim();
    if (!/^\S+$/.test(category)) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: the category should be an intent name without spaces, such as card_arrival; got "${rawCategory}".`,
      });
    }
    if (sentence.trim() === '') {
      throw new InvalidInputError({ parameter: 'file', message: `${where}: the text is empty.` });
    }
    examples.push({ text: sentence.trim(), label: category, line });
  });
  requireClassificationData(examples, source);
  return examples;
}

/**
 * Reads and parses a BANKING77 CSV file.
 *
 * @throws {InvalidInputError} when the file cannot be read or is not in the BANKING77 format.
 * @example
 * const examples = await readBanking77('../shared/data/banking77/train.csv')
 */
export async function readBanking77(path: string): Promise<LabelledText[]> {
  return parseBanking77(await readTextFile(path), path);
}
