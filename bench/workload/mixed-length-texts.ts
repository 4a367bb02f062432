import { seededRandom } from './seeded-random.js';

/**
 * Words that are one token each in the fixture models' WordPiece vocabulary
 * (packages/core/scripts/fixture-models/vocabulary.ts), so a text's token count is exact:
 * `[CLS]`, one token per word, `.`, `[SEP]`. bench/node/mixed-length-texts.test.ts checks it
 * with the fixture's own tokenizer.
 */
const oneTokenWords = `
the of and to in is it that was for on are as with his they at be this have from or one had by
but not what all were we when your can said there use an each which she do how their if will up
other about out many then them these so some her would make like him into time has look two more
write go see number no way could people my than first water been call who its now find long down
day did get come made may part over new sound take only little work know place year live me back
give most very after thing our just name good sentence man think say great where help through
much before line right too mean old any same tell boy follow came want show also around form
three small set put end does another well large must big even such because turn here why ask
went men read need land different home us move try kind hand picture again change off play air
away animal house point page letter mother answer found study still learn should world high every
near add food between own below country plant last school father keep tree never start city earth
eye light thought head under story saw left few while along might close something seem next hard
open begin life always those both paper together got group often run important until children
side feet car mile night walk white sea began grow took river four carry state once book hear
stop without second later miss idea enough eat face watch far really almost let above girl
sometimes mountain cut young talk soon list song being leave family love movie film product
service price quality refund billing account payment order delivery shipping support customer
problem issue please thanks phone email music travel weather news team game player season market
company money bank today tomorrow yesterday example
`
  .trim()
  .split(/\s+/);

/** Shortest and longest text of the set, in tokens (`[CLS]` and `[SEP]` included). */
export const mixedLengthRange = { shortest: 8, longest: 256 } as const;

/**
 * Token counts of a mixed-length set: `count` values spaced geometrically from 8 to 256 tokens
 * (half of the texts are under 45 tokens, as in collections of messages, reviews and tickets),
 * shuffled with the seed so long and short texts arrive interleaved.
 *
 * @example
 * mixedLengthTokenCounts(64, 1) // 64 counts from 8 to 256, in a seeded order
 */
export function mixedLengthTokenCounts(count: number, seed: number): number[] {
  const { shortest, longest } = mixedLengthRange;
  const counts = Array.from({ length: count }, (_, index) =>
    Math.round(shortest * (longest / shortest) ** (index / Math.max(1, count - 1))),
  );
  const random = seededRandom(seed);
  for (let index = counts.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    [counts[index], counts[other]] = [counts[other] as number, counts[index] as number];
  }
  return counts;
}

/**
 * `count` distinct texts of the fixture vocabulary with mixed lengths
 * ({@link mixedLengthTokenCounts}): words drawn with the seed, closed by a full stop, each text
 * exactly its token count long for the fixture encoder. Another seed gives other texts, so a
 * cache never answers a later set.
 *
 * @example
 * const texts = mixedLengthTexts(64, 1)
 */
export function mixedLengthTexts(count: number, seed: number): { text: string; tokens: number }[] {
  const random = seededRandom(seed * 7919 + 17);
  return mixedLengthTokenCounts(count, seed).map((tokens) => {
    // [CLS] + words + '.' + [SEP]
    const words = Array.from({ length: tokens - 3 }, () => random.pick(oneTokenWords));
    return { text: `${words.join(' ')}.`, tokens };
  });
}
