import type { AttributionSpan, Explanation } from './explanation-types.js';

/** A word of the explained text: characters `[start, end)`. */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
}

/** The texts to score for an occlusion explanation, and which words each one leaves out. */
export interface OcclusionPlan {
  words: WordSpan[];
  /** `variants[i]` is the text without the words of `groups[i]`. */
  variants: string[];
  groups: number[][];
}

/** Letters and digits, with inner apostrophes or hyphens (`don't`, `well-made`), or an emoji. */
const wordPattern = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*|\p{Extended_Pictographic}/gu;

/**
 * Most variants scored for one explanation. Longer texts leave out runs of neighbouring words
 * (each word of a run gets the run's weight shared equally), so the cost stays bounded.
 *
 * @example
 * planOcclusion(longText, maximumOcclusionVariants).variants.length // ≤ 128
 */
export const maximumOcclusionVariants = 128;

/**
 * Splits a text into words and builds one variant per word (or run of words) with it removed.
 *
 * @example
 * planOcclusion('not bad at all').variants // ['bad at all', 'not at all', 'not bad all', 'not bad at']
 */
export function planOcclusion(
  text: string,
  maximumVariants = maximumOcclusionVariants,
): OcclusionPlan {
  const words: WordSpan[] = [...text.matchAll(wordPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
  const runLength = Math.max(1, Math.ceil(words.length / maximumVariants));
  const groups: number[][] = [];
  for (let first = 0; first < words.length; first += runLength) {
    groups.push(
      Array.from({ length: Math.min(runLength, words.length - first) }, (_, k) => first + k),
    );
  }
  const variants = groups.map((group) => {
    const start = (words[group[0] as number] as WordSpan).start;
    const end = (words[group.at(-1) as number] as WordSpan).end;
    const before = text.slice(0, start).replace(/\s+$/u, '');
    const after = text.slice(end).replace(/^\s+/u, '');
    return before !== '' && after !== '' ? `${before} ${after}` : before + after;
  });
  return { words, variants, groups };
}

/**
 * Turns the explained label's score on the full text and on each variant into signed word
 * weights: `weight = score(full) − score(without the word)`.
 *
 * @example
 * explanationFromScores({ label: 'negative', score: 0.9, plan, variantScores: [0.2, 0.9] })
 */
export function explanationFromScores(options: {
  label: string;
  score: number;
  plan: OcclusionPlan;
  variantScores: readonly number[];
}): Explanation {
  const { label, score, plan, variantScores } = options;
  const spans: AttributionSpan[] = plan.words.map((word) => ({ ...word, weight: 0 }));
  plan.groups.forEach((group, index) => {
    const weight = (score - (variantScores[index] ?? score)) / group.length;
    for (const wordIndex of group) (spans[wordIndex] as AttributionSpan).weight = weight;
  });
  return { label, score, spans, method: 'occlusion' };
}
