import { InvalidInputError } from '@ondevice/core';
import { readTextFile } from './read-text-file.js';

/** One STS-B pair: a gold similarity score in [0, 5] and the two sentences. */
export interface StsbPair {
  score: number;
  sentence1: string;
  sentence2: string;
}

/** 0-based columns of the STS Benchmark distribution files (genre, file, year, id come first). */
const scoreColumn = 4;
const sentence1Column = 5;
const sentence2Column = 6;

/**
 * Parses STS Benchmark text (`sts-dev.csv`, `sts-train.csv`, `sts-test.csv`): tab-separated,
 * no header, score in column 5 and the sentences in columns 6 and 7 (1-based). Some rows carry
 * extra trailing fields (source notes); they are ignored. Quotes are ordinary characters.
 *
 * @throws {InvalidInputError} naming the line when a row has too few fields or a bad score.
 * @example
 * parseStsb('x\tx\tx\t1\t4.5\tA cat sits.\tA cat is sitting.\n') // [{ score: 4.5, … }]
 */
export function parseStsb(text: string, source = 'STS-B data'): StsbPair[] {
  const pairs: StsbPair[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = line.split('\t');
    const where = `${source}, line ${index + 1}`;
    if (fields.length <= sentence2Column) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: expected at least 7 tab-separated fields (score in 5, sentences in 6 and 7); got ${fields.length}.`,
      });
    }
    const rawScore = fields[scoreColumn] as string;
    const score = Number(rawScore);
    if (rawScore.trim() === '' || !Number.isFinite(score)) {
      throw new InvalidInputError({
        parameter: 'file',
        message: `${where}: column 5 should be a similarity score; got "${rawScore}".`,
      });
    }
    pairs.push({
      score,
      sentence1: fields[sentence1Column] as string,
      sentence2: fields[sentence2Column] as string,
    });
  });
  if (pairs.length < 2) {
    throw new InvalidInputError({
      parameter: 'file',
      message: `${source}: found ${pairs.length} pair(s); a rank correlation needs at least 2.`,
    });
  }
  return pairs;
}

/**
 * Reads and parses an STS Benchmark file.
 *
 * @throws {InvalidInputError} when the file cannot be read or is not in the STS-B format.
 * @example
 * const pairs = await readStsb('../shared/data/stsb/sts-dev.csv')
 */
export async function readStsb(path: string): Promise<StsbPair[]> {
  return parseStsb(await readTextFile(path), path);
}
