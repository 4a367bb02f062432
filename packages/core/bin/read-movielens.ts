import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError } from '@ondevice/core';

/**
 * One rating of MovieLens: who, which film, when (seconds since the epoch). Ratings are read as
 * interactions: that someone rated a film at all is the signal (the NCF protocol).
 *
 * @example
 * const rating: MovieLensRating = { userId: '196', itemId: '242', timestamp: 881250949, line: 1 }
 */
export interface MovieLensRating {
  userId: string;
  itemId: string;
  timestamp: number;
  line: number;
}

/**
 * A film of `u.item`: its title and genres (from the genre flags and `u.genre`).
 *
 * @example
 * const film: MovieLensItem = { id: '1', title: 'Toy Story (1995)', genres: ['Animation', "Children's", 'Comedy'] }
 */
export interface MovieLensItem {
  id: string;
  title: string;
  genres: string[];
}

async function readIn(dir: string, name: string, encoding: 'utf8' | 'latin1'): Promise<string> {
  const path = join(dir, name);
  try {
    return await readFile(path, encoding);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InvalidInputError({
      parameter: 'dir',
      message: `Cannot read ${path}${code === 'ENOENT' ? ': no such file (--dir names the ml-100k folder, with u.data, u.item and u.genre)' : `: ${String(error)}`}.`,
      cause: error,
    });
  }
}

/**
 * Parses `u.data`: tab-separated `user item rating timestamp` lines.
 *
 * @throws {InvalidInputError} naming the line that is not four fields with a numeric timestamp.
 * @example
 * parseRatings('196\t242\t3\t881250949\n') // [{ userId: '196', itemId: '242', timestamp: 881250949, line: 1 }]
 */
export function parseRatings(text: string, source = 'u.data'): MovieLensRating[] {
  const ratings: MovieLensRating[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split('\t');
    const timestamp = Number(fields[3]);
    if (
      fields.length !== 4 ||
      fields[0] === '' ||
      fields[1] === '' ||
      !Number.isFinite(timestamp)
    ) {
      throw new InvalidInputError({
        parameter: 'dir',
        message: `${source}, line ${index + 1}: expected user, item, rating and timestamp separated by tabs; got "${line.slice(0, 60)}".`,
      });
    }
    ratings.push({
      userId: fields[0] as string,
      itemId: fields[1] as string,
      timestamp,
      line: index + 1,
    });
  });
  if (ratings.length === 0) {
    throw new InvalidInputError({ parameter: 'dir', message: `${source} holds no ratings.` });
  }
  return ratings;
}

/**
 * Parses `u.item` (pipe-separated, Latin-1: id, title, dates, URL, then 19 genre flags) with the
 * genre names of `u.genre`.
 *
 * @throws {InvalidInputError} naming a line with too few fields.
 * @example
 * parseItems('1|Toy Story (1995)|…|0|0|0|1|1|1|…', ['unknown', 'Action', …])
 */
export function parseItems(
  text: string,
  genres: readonly string[],
  source = 'u.item',
): MovieLensItem[] {
  const items: MovieLensItem[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const fields = raw.split('|');
    if (fields.length < 5 + genres.length) {
      throw new InvalidInputError({
        parameter: 'dir',
        message: `${source}, line ${index + 1}: expected ${5 + genres.length} fields separated by |; got ${fields.length}.`,
      });
    }
    const flags = fields.slice(5, 5 + genres.length);
    items.push({
      id: fields[0] as string,
      title: fields[1] as string,
      genres: genres.filter((_, genre) => flags[genre]?.trim() === '1'),
    });
  });
  return items;
}

/**
 * Reads MovieLens 100K from its folder: ratings, films and genre names.
 *
 * @throws {InvalidInputError} when a file is missing or malformed.
 * @example
 * const { ratings, items } = await readMovieLens('../shared/data/movielens/ml-100k')
 */
export async function readMovieLens(
  dir: string,
): Promise<{ ratings: MovieLensRating[]; items: MovieLensItem[] }> {
  const ratings = parseRatings(await readIn(dir, 'u.data', 'utf8'), join(dir, 'u.data'));
  const genres = (await readIn(dir, 'u.genre', 'latin1'))
    .split('\n')
    .map((line) => line.split('|')[0]?.trim() ?? '')
    .filter((name) => name !== '');
  const items = parseItems(await readIn(dir, 'u.item', 'latin1'), genres, join(dir, 'u.item'));
  return { ratings, items };
}
