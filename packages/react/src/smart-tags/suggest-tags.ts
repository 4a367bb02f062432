import type { TaughtExample, TeachablePrediction } from '@ondevice/core';

/** A tag chip: a label taught for the text (`accepted`), or one the classifier suggests. */
export interface SuggestedTag {
  label: string;
  state: 'accepted' | 'suggested';
  /** The classifier's confidence for the label, when it has predicted the text. */
  confidence: number | undefined;
  /** The prediction is under the classifier's `unsureBelow` (the text may be out of scope). */
  unsure: boolean;
}

/**
 * The chips to show for a text: every label taught for exactly this text (accepted), then the
 * classifier's best labels that were neither taught nor dismissed. The best remaining label is
 * always suggested when nothing is accepted; others need `minConfidence`. At most
 * `maxSuggestions` chips in all, unless more labels were accepted.
 *
 * @example
 * suggestTags({ text, prediction, examples: state.examples, dismissed: [], maxSuggestions: 2,
 *   minConfidence: 0.25 }).map((tag) => `${tag.label}:${tag.state}`) // ['billing:suggested']
 */
export function suggestTags(input: {
  text: string;
  prediction: TeachablePrediction | undefined;
  examples: readonly TaughtExample[];
  dismissed: readonly string[];
  maxSuggestions: number;
  minConfidence: number;
}): SuggestedTag[] {
  const { text, prediction, examples, dismissed, maxSuggestions, minConfidence } = input;
  const confidence = (label: string) =>
    prediction?.labels.find((scored) => scored.id === label)?.score;
  const accepted = [
    ...new Set(examples.filter((example) => example.text === text).map((example) => example.label)),
  ];
  const tags: SuggestedTag[] = accepted.map((label) => ({
    label,
    state: 'accepted',
    confidence: confidence(label),
    unsure: false,
  }));
  const candidates = (prediction?.labels ?? []).filter(
    (scored) => !accepted.includes(scored.id) && !dismissed.includes(scored.id),
  );
  for (const [index, scored] of candidates.entries()) {
    if (tags.length >= maxSuggestions) break;
    if (!(index === 0 && accepted.length === 0) && scored.score < minConfidence) break;
    tags.push({
      label: scored.id,
      state: 'suggested',
      confidence: scored.score,
      unsure: prediction?.unsure ?? false,
    });
  }
  return tags;
}
