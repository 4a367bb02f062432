import { type PiiType, piiTypes } from '@ondevice/core';

/** An entity with its type and UTF-16 span. */
export interface TypedSpan {
  start: number;
  end: number;
  type: PiiType;
}

/** Precision, recall and F1 of one type or of all, with the number of labelled entities. */
export interface PiiFigures {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Counts that the figures come from. */
export interface PiiCounts {
  /** Predictions that match a labelled entity. */
  truePositives: number;
  /** Predictions. */
  predicted: number;
  /** Labelled entities. */
  labelled: number;
  /** Labelled entities that a prediction matches (differs from truePositives for overlaps). */
  found: number;
}

/**
 * How a prediction matches a labelled entity: `exact` when type, start and end are equal;
 * `partial` when the type is equal and the spans share at least one code unit.
 *
 * @example
 * const mode: PiiMatch = 'exact'
 */
export type PiiMatch = 'exact' | 'partial';

const matches = (mode: PiiMatch, a: TypedSpan, b: TypedSpan) =>
  a.type === b.type &&
  (mode === 'exact' ? a.start === b.start && a.end === b.end : a.start < b.end && b.start < a.end);

/**
 * Counts per type over a set of lines: a prediction is right when it matches a labelled entity
 * (see {@link PiiMatch}); a labelled entity is found when a prediction matches it.
 *
 * @example
 * countMatches([{ labelled: [gold], predicted: [guess] }], 'exact').EMAIL.truePositives
 */
export function countMatches(
  lines: readonly { labelled: readonly TypedSpan[]; predicted: readonly TypedSpan[] }[],
  mode: PiiMatch,
): Record<PiiType, PiiCounts> {
  const counts = Object.fromEntries(
    piiTypes.map((type) => [type, { truePositives: 0, predicted: 0, labelled: 0, found: 0 }]),
  ) as Record<PiiType, PiiCounts>;
  for (const { labelled, predicted } of lines) {
    for (const guess of predicted) {
      counts[guess.type].predicted += 1;
      if (labelled.some((gold) => matches(mode, guess, gold)))
        counts[guess.type].truePositives += 1;
    }
    for (const gold of labelled) {
      counts[gold.type].labelled += 1;
      if (predicted.some((guess) => matches(mode, guess, gold))) counts[gold.type].found += 1;
    }
  }
  return counts;
}

/**
 * Precision (right predictions / predictions), recall (labelled entities found / labelled) and
 * their harmonic mean from counts; summed over `types` first (micro average) when several.
 * An empty denominator counts as 1 (nothing predicted: precision 1; nothing labelled: recall 1).
 *
 * @example
 * figuresOf(counts, ['EMAIL']) // { precision, recall, f1, support }
 */
export function figuresOf(
  counts: Readonly<Record<PiiType, PiiCounts>>,
  types: readonly PiiType[],
): PiiFigures {
  let truePositives = 0;
  let predicted = 0;
  let labelled = 0;
  let found = 0;
  for (const type of types) {
    truePositives += counts[type].truePositives;
    predicted += counts[type].predicted;
    labelled += counts[type].labelled;
    found += counts[type].found;
  }
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = labelled === 0 ? 1 : found / labelled;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: labelled };
}
