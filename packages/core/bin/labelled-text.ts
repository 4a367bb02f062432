import { InvalidInputError } from '@ondevice/core';

/** One example of a classification data set. */
export interface LabelledText {
  /** The text the model sees. */
  text: string;
  /** The gold label, as the task names it (e.g. `positive`, `Sports`, `card_arrival`). */
  label: string;
  /** Line of the data file the example starts on (1-based). */
  line: number;
}

/**
 * Checks that a parsed data set can be scored: at least two examples and two labels.
 *
 * @throws {InvalidInputError} saying how many examples and labels were found.
 * @example
 * requireClassificationData(examples, 'dev.tsv')
 */
export function requireClassificationData(examples: readonly LabelledText[], source: string): void {
  const labels = new Set(examples.map((example) => example.label));
  if (examples.length < 2 || labels.size < 2) {
    throw new InvalidInputError({
      parameter: 'file',
      message: `${source}: found ${examples.length} example(s) in ${labels.size} class(es); an accuracy needs at least 2 examples of at least 2 classes.`,
    });
  }
}
