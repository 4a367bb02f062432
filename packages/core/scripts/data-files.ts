import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@ondevice/core';
import { parseCsv as parseCsvRecords } from '@ondevice/core/evaluation';

const parseCsv = (text: string) => parseCsvRecords(text).map((record) => record.fields);

/** A labelled text. */
export interface LabelledText {
  text: string;
  label: string;
}

/**
 * Reads a UTF-8 file, with an error that names the path and says how to fix it.
 *
 * @example
 * const text = await readDataFile('../shared/data/sst2/dev.tsv')
 */
export async function readDataFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError({
      parameter: 'file',
      message: `Cannot read ${path} (${(error as { code?: string }).code ?? String(error)}). Pass the data file with --file, or check that ../shared/data is present.`,
      cause: error,
    });
  }
}

/**
 * SST-2 (GLUE): `sentence<TAB>label` with a header; label 1 is positive, 0 negative.
 *
 * @example const rows = await readSst2('../shared/data/sst2/dev.tsv')
 */
export async function readSst2(path: string): Promise<LabelledText[]> {
  const lines = (await readDataFile(path)).split(/\r?\n/);
  const rows: LabelledText[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const tab = line.lastIndexOf('\t');
    const label = line.slice(tab + 1).trim();
    if (tab < 0 || (label !== '0' && label !== '1')) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${path}, line ${index + 2}: expected "sentence<TAB>0|1"; got "${line.slice(0, 80)}".`,
      });
    }
    rows.push({ text: line.slice(0, tab).trim(), label: label === '1' ? 'positive' : 'negative' });
  });
  return rows;
}

/**
 * AG News class names by their 1-based index in the CSV.
 *
 * @example
 * agNewsClasses[Number('3') - 1] // 'Business'
 */
export const agNewsClasses = ['World', 'Sports', 'Business', 'Sci/Tech'] as const;

/**
 * AG News CSV: `"class","title","description"` with classes 1–4, no header. The text is the
 * title and the description joined by a space, with the HTML entities of the corpus decoded.
 *
 * @example const rows = await readAgNews('../shared/data/agnews/dev.csv')
 */
export async function readAgNews(path: string): Promise<LabelledText[]> {
  return parseCsv(await readDataFile(path)).map((fields, index) => {
    const label = agNewsClasses[Number(fields[0]) - 1];
    if (fields.length < 3 || label === undefined) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${path}, row ${index + 1}: expected "class (1-4)","title","description".`,
      });
    }
    return { text: decodeEntities(`${fields[1]} ${fields[2]}`.trim()), label };
  });
}

/**
 * BANKING77 CSV: `text,category` with a header.
 *
 * @example const rows = await readBanking77('../shared/data/banking77/train.csv')
 */
export async function readBanking77(path: string): Promise<LabelledText[]> {
  const rows = parseCsv(await readDataFile(path));
  return rows.slice(1).map((fields, index) => {
    if (fields.length !== 2 || fields[0] === '' || fields[1] === '') {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${path}, row ${index + 2}: expected "text,category".`,
      });
    }
    return { text: fields[0] as string, label: fields[1] as string };
  });
}

/**
 * SNIPS (Goo et al. split): a folder with `seq.in` (one utterance per line) and `label`.
 *
 * @example const rows = await readSnips('../shared/data/snips/train')
 */
export async function readSnips(folder: string): Promise<LabelledText[]> {
  const texts = (await readDataFile(`${folder}/seq.in`)).split(/\r?\n/);
  const labels = (await readDataFile(`${folder}/label`)).split(/\r?\n/);
  return texts
    .map((text, index) => ({ text: text.trim(), label: (labels[index] ?? '').trim() }))
    .filter((row) => row.text !== '' && row.label !== '');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\\\$/g, '$')
    .replace(/\s+/g, ' ');
}
