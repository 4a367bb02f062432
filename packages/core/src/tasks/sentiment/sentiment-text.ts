/**
 * Text preparation shared by the sentiment head at run time and by its training script, so the
 * two see texts the same way. The training data (SST-2) is lower-cased and tokenised Penn
 * Treebank style (`does n't`, `film 's`, spaces around punctuation); everyday text is not, so
 * both are brought to that form before they are embedded or split into n-grams.
 */

const contractions = /(\p{L})(n't|'s|'re|'ve|'ll|'d|'m)(?![\p{L}\p{N}])/gu;
const punctuation = /([,.!?;:()"])/g;

/**
 * Lower-cases and tokenises a text the way SST-2 is written: `"Doesn't work!"` becomes
 * `does n't work !`. Idempotent: SST-2 sentences come out unchanged (but for spacing).
 *
 * @example
 * normalizeSentimentText("It's GREAT, isn't it?") // "it 's great , is n't it ?"
 */
export function normalizeSentimentText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(contractions, '$1 $2')
    .replace(punctuation, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Tokens of a normalised text that carry sentiment: words, contractions, `!` and `?`.
 *
 * @example
 * sentimentTokens("it 's great , is n't it ?") // ['it', "'s", 'great', 'is', "n't", 'it', '?']
 */
export function sentimentTokens(normalized: string): string[] {
  return normalized.split(' ').filter((token) => token !== '' && !/^[,.;:()"`]+$/.test(token));
}

/**
 * 32-bit FNV-1a hash of a string (UTF-16 code units): the n-gram feature index, stable across
 * threads, runs and platforms.
 *
 * @example
 * hashString('good') % (1 << 17) // the bucket of the unigram `good`
 */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Words that open a negated stretch of text. */
const negators = new Set([
  'not',
  "n't",
  'no',
  'never',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
]);

/** Tokens that close a negated stretch: punctuation and contrasting conjunctions. */
const scopeEnds = new Set([',', '.', ';', ':', '!', '?', '--', 'but', 'however', 'yet']);

/**
 * Distinct hashed feature buckets of a normalised text (presence, not counts), sorted:
 * unigrams, bigrams, and every word between a negator and the end of its clause marked as
 * negated (`not a good film` also gives `NEG_a`, `NEG_good`, `NEG_film`).
 *
 * @example
 * ngramBuckets('not good', 1 << 17) // `not`, `good`, `not good` and `NEG_good`
 */
export function ngramBuckets(normalized: string, buckets: number): number[] {
  const tokens = sentimentTokens(normalized);
  const found = new Set<number>();
  tokens.forEach((token, index) => {
    found.add(hashString(token) % buckets);
    const next = tokens[index + 1];
    if (next !== undefined) found.add(hashString(`${token} ${next}`) % buckets);
  });
  let negated = false;
  for (const token of normalized.split(' ')) {
    if (scopeEnds.has(token)) {
      negated = false;
      continue;
    }
    if (negated) found.add(hashString(`NEG_${token}`) % buckets);
    if (negators.has(token)) negated = true;
  }
  return [...found].sort((a, b) => a - b);
}
