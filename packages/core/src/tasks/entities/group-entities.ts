/**
 * One recognised token: its character offsets and label probabilities.
 *
 * @example
 * const token: RecognizedToken = { start: 0, end: 5, probabilities: Float32Array.of(0.1, 0.9) }
 */
export interface RecognizedToken {
  start: number;
  end: number;
  probabilities: Float32Array;
}

/**
 * Groups token labels into entity spans. Tokens that touch (one ends where the next starts) form
 * a word, labelled by its first token (sub-word pieces never split an entity); consecutive words
 * of one type join a span unless a word is labelled `B-` (a new entity of the same type). Labels
 * may be IOB (`B-PER`, `I-PER`), BIOES (`S-`, `E-`) or bare types; `O` is no entity. A span's
 * score is the mean probability of its words' labels.
 *
 * @example
 * groupEntities('Alice Johnson', ['O', 'B-PER', 'I-PER'], tokens) // [{ type: 'PER', text: 'Alice Johnson', … }]
 */
export function groupEntities(
  text: string,
  labels: readonly string[],
  tokens: readonly RecognizedToken[],
  minScore = 0,
): { type: string; text: string; start: number; end: number; score: number }[] {
  interface Word {
    start: number;
    end: number;
    label: string;
    scores: number[];
  }
  const words: Word[] = [];
  for (const token of tokens) {
    if (token.start < 0 || token.end <= token.start) continue;
    let best = 0;
    token.probabilities.forEach((value, index) => {
      if (value > (token.probabilities[best] as number)) best = index;
    });
    const previous = words.at(-1);
    // A piece touching the word before continues it when both sides are letters or digits
    // (`john` + `##son`); punctuation after a word (`Paris` + `.`) is a word of its own.
    const continues =
      previous !== undefined &&
      token.start === previous.end &&
      wordCharacter.test(text[token.start - 1] ?? '') &&
      wordCharacter.test(text[token.start] ?? '');
    if (previous && continues) {
      previous.end = token.end;
      const index = labels.indexOf(previous.label);
      previous.scores.push(index >= 0 ? (token.probabilities[index] as number) : 0);
      continue;
    }
    words.push({
      start: token.start,
      end: token.end,
      label: labels[best] ?? 'O',
      scores: [token.probabilities[best] as number],
    });
  }
  const spans: { type: string; text: string; start: number; end: number; score: number }[] = [];
  let open: { type: string; start: number; end: number; scores: number[] } | undefined;
  const close = () => {
    if (!open) return;
    const score = open.scores.reduce((sum, value) => sum + value, 0) / open.scores.length;
    if (score >= minScore) {
      spans.push({
        type: open.type,
        text: text.slice(open.start, open.end),
        start: open.start,
        end: open.end,
        score,
      });
    }
    open = undefined;
  };
  for (const word of words) {
    const { prefix, type } = splitLabel(word.label);
    const score = word.scores.reduce((sum, value) => sum + value, 0) / word.scores.length;
    if (type === undefined) {
      close();
      continue;
    }
    if (open && open.type === type && prefix !== 'B' && prefix !== 'S') {
      open.end = word.end;
      open.scores.push(score);
    } else {
      close();
      open = { type, start: word.start, end: word.end, scores: [score] };
    }
    if (prefix === 'E' || prefix === 'S') close();
  }
  close();
  return spans;
}

const wordCharacter = /[\p{L}\p{N}\p{M}]/u;

function splitLabel(label: string): { prefix: string | undefined; type: string | undefined } {
  if (label === 'O' || label === '') return { prefix: undefined, type: undefined };
  const match = /^([BIESL])-(.+)$/.exec(label);
  return match ? { prefix: match[1], type: match[2] } : { prefix: undefined, type: label };
}
