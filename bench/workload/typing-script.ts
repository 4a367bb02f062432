import { seededRandom } from './seeded-random.js';

/** One key of the typing script and the gap before the next one. */
export interface ScriptedKey {
  /** The character typed (Playwright `keyboard.type`). */
  key: string;
  /** Milliseconds from this key to the next (the last key: to the end of the recording). */
  gapAfterMs: number;
  /** A pause: the typist stops long enough for the badge to catch up. */
  pause: boolean;
}

/** What the typist writes: four sentences of a support message / review, mixed sentiment. */
export const typingParagraph =
  'The new dashboard is fast and the export finally works, great job! ' +
  'Support took three days to answer and my refund still has not arrived. ' +
  "It's okay I guess, nothing special but it does what it says. " +
  'Honestly the worst update so far: everything is slower and search is broken.';

/** Typing cadence: between keys within a word run, after a word now and then, after a sentence. */
export const typingCadence = {
  keyGapMs: [60, 120],
  wordPauseMs: [500, 900],
  wordPauseShare: 0.4,
  sentencePauseMs: 1200,
  seed: 11,
} as const;

/**
 * The keys of `text` with human-ish gaps from a seeded generator: 60–120 ms between keys; after
 * the last letter of a word, a 500–900 ms pause 40 % of the time; 1.2 s after the end of a
 * sentence. Identical on every run.
 *
 * @example
 * typingScript('Great job!') // [{ key: 'G', gapAfterMs: 87, pause: false }, …]
 */
export function typingScript(
  text = typingParagraph,
  seed: number = typingCadence.seed,
): ScriptedKey[] {
  const random = seededRandom(seed);
  const between = ([low, high]: readonly [number, number]) =>
    low + Math.round(random.next() * (high - low));
  const keys = [...text];
  return keys.map((key, index) => {
    const next = keys[index + 1];
    const endOfSentence = /[.!?]/.test(key) && (next === undefined || next === ' ');
    const endOfWord = /[\p{L}\p{N}]/u.test(key) && (next === undefined || next === ' ');
    if (endOfSentence || next === undefined) {
      return { key, gapAfterMs: typingCadence.sentencePauseMs, pause: true };
    }
    if (endOfWord && random.next() < typingCadence.wordPauseShare) {
      return { key, gapAfterMs: between(typingCadence.wordPauseMs), pause: true };
    }
    return { key, gapAfterMs: between(typingCadence.keyGapMs), pause: false };
  });
}
