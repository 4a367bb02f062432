import { InvalidInputError } from '@ondevice/core';
import { type LabelledText, requireClassificationData } from './labelled-text.js';
import { readTextFile } from './read-text-file.js';

/** SST-2 labels by their value in the file. */
export const sst2Labels = { '0': 'negative', '1': 'positive' } as const;

/** The two SST-2 classes, in the order reports list them. */
export const sst2Classes = ['negative', 'positive'] as const;

/**
 * Parses SST-2 as GLUE distributes it (`dev.tsv`, `train.tsv`): one `sentence<TAB>label` per
 * line, label 0 (negative) or 1 (positive). The `sentence	label` header is optional. Quotes are
 * ordinary characters; the sentence is trimmed (GLUE sentences end with a space).
 *
 * @throws {InvalidInputError} naming the line of a row without exactly two fields or with a
 *   label other than 0 or 1.
 * @example
 * parseSst2('sentence\tlabel\na gorgeous film . \t1\n') // [{ text: 'a gorgeous film .', label: 'positive', line: 2 }]
 */
export function parseSst2(text: string, source = 'SST-2 data'): LabelledText[] {
  const examples: LabelledText[] = [];
  text.split(/\r?\n/).forEach((row, index) => {
    if (row.trim() === '') return;
    const fields = row.split('\t');
    const where = `${source}, line ${index + 1}`;
    if (index === 0 && fields[1]?.trim().toLowerCase() === 'label') return; // header
    if (fields.length !== 2) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: expected 2 tab-separated fields (sentence, label); got ${fields.length}.`,
      });
    }
    const [sentence, rawLabel] = fields as [string, string];
    const value = rawLabel.trim();
    if (value !== '0' && value !== '1') {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: the label should be 0 (negative) or 1 (positive); got "${rawLabel}".`,
      });
    }
    if (sentence.trim() === '') {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: the sentence is empty.`,
      });
    }
    examples.push({ text: sentence.trim(), label: sst2Labels[value], line: index + 1 });
  });
  requireClassificationData(examples, source);
  return examples;
}

/**
 * Reads and parses an SST-2 file.
 *
 * @throws {InvalidInputError} when the file cannot be read or is not in the SST-2 format.
 * @example
 * const examples = await readSst2('../shared/data/sst2/dev.tsv')
 */
export async function readSst2(path: string): Promise<LabelledText[]> {
  return parseSst2(await readTextFile(path), path);
}
