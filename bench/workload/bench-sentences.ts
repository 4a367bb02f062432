import { type SeededRandom, seededRandom } from './seeded-random.js';
import {
  actions,
  adjectives,
  feelings,
  outcomes,
  pastVerbs,
  people,
  places,
  reasons,
  things,
  times,
  topics,
} from './word-lists.js';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Sentence shapes: questions, support requests, news, reviews, short chat lines, long ones. */
const templates: readonly ((random: SeededRandom) => string)[] = [
  (r) => `How do I ${r.pick(actions)} ${r.pick(things)}?`,
  (r) => `Can you help me ${r.pick(actions)} ${r.pick(things)} ${r.pick(times)}?`,
  (r) => `I ${r.pick(pastVerbs)} ${r.pick(things)} ${r.pick(places)} ${r.pick(times)}.`,
  (r) => `${capitalise(r.pick(people))} ${r.pick(pastVerbs)} ${r.pick(things)} ${r.pick(reasons)}.`,
  (r) => `${capitalise(r.pick(topics))} ${r.pick(outcomes)} ${r.pick(times)}.`,
  (r) =>
    `The service ${r.pick(places)} was ${r.pick(adjectives)} and the staff were ${r.pick(adjectives)}.`,
  (r) => `Why is ${r.pick(things)} so ${r.pick(adjectives)}?`,
  (r) => `I feel ${r.pick(feelings)} about ${r.pick(topics)}.`,
  (r) => `${capitalise(r.pick(things))} is ${r.pick(adjectives)}.`,
  (r) => `Please ${r.pick(actions)} ${r.pick(things)} before ${r.pick(people)} arrives.`,
  (r) =>
    `${capitalise(r.pick(times))}, ${r.pick(people)} told me that ${r.pick(topics)} ${r.pick(outcomes)}, ` +
    `so I was ${r.pick(feelings)} and decided to ${r.pick(actions)} ${r.pick(things)} ${r.pick(places)}.`,
  (r) => `Is it possible to ${r.pick(actions)} ${r.pick(things)} ${r.pick(places)}?`,
  (r) => `${capitalise(r.pick(feelings))}!`,
  (r) =>
    `My ${r.pick(['order', 'booking', 'account', 'parcel', 'subscription'])} number ${r.integer(1000, 99999)} has not arrived ${r.pick(reasons)}.`,
  (r) => `Reviews say ${r.pick(things)} is ${r.pick(adjectives)} but ${r.pick(adjectives)}.`,
];

/**
 * Deterministic, varied English sentences for the bench: `count` distinct sentences from a
 * seeded generator (the same list on every run and on both sides of every comparison).
 *
 * @example
 * benchSentences(1000).length // 1000
 */
export function benchSentences(count: number, seed = 20240601): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const sentences: string[] = [];
  while (sentences.length < count) {
    const sentence = random.pick(templates)(random);
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    sentences.push(sentence);
  }
  return sentences;
}

/** Sentences used only to warm models up; none of them is in {@link benchSentences}. */
export const warmUpSentences: readonly string[] = [
  'Warm-up: the quick brown fox jumps over the lazy dog.',
  'Warm-up: what time does the pharmacy open on Sundays?',
  'Warm-up: thanks, that solved it.',
  'Warm-up: a long sentence about nothing in particular, written only to give the model a first run with several tokens.',
];
