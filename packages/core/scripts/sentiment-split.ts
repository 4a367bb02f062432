import { seededRandom, shuffled } from '@ondevice/core/evaluation';

/** Row indices of SST-2 train for training, model selection and calibration. */
export interface SentimentSplit {
  /** Rows that are neither held out nor a phrase of a held-out sentence. */
  train: number[];
  /** Held-out sentences for choosing hyperparameters. */
  selection: number[];
  /** Held-out sentences for calibration and the final held-out figures. */
  calibration: number[];
  /** Training rows set aside because they are phrases of a selection sentence. */
  selectionPhrases: number[];
  /** Training rows set aside because they are phrases of a calibration sentence. */
  calibrationPhrases: number[];
}

/**
 * Holds out whole sentences of SST-2 train without leaking them. SST-2 train holds every
 * sentence *and* its labelled phrases, so a random split would train on the phrases of held-out
 * sentences. Held-out rows are drawn (seeded) among rows of at least `minimumTokens` tokens that
 * occur in no other row (full sentences, like dev); every row that is a contiguous phrase of a
 * held-out sentence is set aside with it.
 *
 * @example
 * const split = splitSentimentRows(normalizedTexts, { seed: 13, selection: 1000, calibration: 1000 })
 */
export function splitSentimentRows(
  texts: readonly string[],
  options: { seed: number; selection: number; calibration: number; minimumTokens?: number },
): SentimentSplit {
  const minimumTokens = options.minimumTokens ?? 8;
  // Every row between spaces and newlines, so " phrase " matches whole tokens only.
  const spaced = ` \n ${texts.join(' \n ')} \n `;
  const occursElsewhere = (text: string) => {
    const needle = ` ${text} `;
    const first = spaced.indexOf(needle);
    return first >= 0 && spaced.indexOf(needle, first + 1) >= 0;
  };
  const random = seededRandom(options.seed);
  const candidates = shuffled(
    texts
      .map((_, index) => index)
      .filter((index) => (texts[index] as string).split(' ').length >= minimumTokens),
    random,
  );
  const heldOut: number[] = [];
  for (const index of candidates) {
    if (heldOut.length === options.selection + options.calibration) break;
    if (!occursElsewhere(texts[index] as string)) heldOut.push(index);
  }
  const selection = heldOut.slice(0, options.selection);
  const calibration = heldOut.slice(options.selection);
  const phrasesOf = (sentences: number[]) => {
    const phrases = new Set<string>();
    for (const index of sentences) {
      const tokens = (texts[index] as string).split(' ');
      for (let start = 0; start < tokens.length; start += 1) {
        for (let end = start + 1; end <= tokens.length; end += 1) {
          phrases.add(tokens.slice(start, end).join(' '));
        }
      }
    }
    return phrases;
  };
  const ofSelection = phrasesOf(selection);
  const ofCalibration = phrasesOf(calibration);
  const held = new Set(heldOut);
  const split: SentimentSplit = {
    train: [],
    selection,
    calibration,
    selectionPhrases: [],
    calibrationPhrases: [],
  };
  texts.forEach((text, index) => {
    if (held.has(index)) return;
    // A phrase of a calibration sentence stays out of every model that is calibrated.
    if (ofCalibration.has(text)) split.calibrationPhrases.push(index);
    else if (ofSelection.has(text)) split.selectionPhrases.push(index);
    else split.train.push(index);
  });
  return split;
}
