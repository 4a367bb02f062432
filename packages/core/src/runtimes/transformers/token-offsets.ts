/**
 * Character offsets of tokens in the text they came from. Transformers.js tokenizers give ids,
 * not offsets, so each token's piece is found in the text from where the previous one ended:
 * WordPiece's `##`, SentencePiece's `▁` and byte-level BPE's `Ġ` markers are dropped, and the
 * text is compared lower-cased and without accents (as BERT tokenizers normalise it), mapped
 * back to the original characters.
 *
 * @example
 * alignTokens('Alice Johnson', ['[CLS]', 'alice', 'john', '##son', '[SEP]'], new Set(['[CLS]', '[SEP]']))
 * // [[-1, -1], [0, 5], [6, 10], [10, 13], [-1, -1]]
 */
export function alignTokens(
  text: string,
  pieces: readonly string[],
  special: ReadonlySet<string>,
): [number, number][] {
  const { folded, origin } = foldText(text);
  const offsets: [number, number][] = [];
  let cursor = 0;
  const pending: number[] = []; // unknown tokens waiting for the next match to bound them
  const closePending = (end: number) => {
    let from = cursor;
    while (from < end && /\s/.test(folded[from] as string)) from += 1;
    let to = end;
    while (to > from && /\s/.test(folded[to - 1] as string)) to -= 1;
    for (const index of pending) {
      const start = Math.min(from, to);
      offsets[index] = [origin[start] ?? text.length, originEnd(origin, to, text.length)];
    }
    pending.length = 0;
  };
  for (const [index, raw] of pieces.entries()) {
    if (special.has(raw) && !/^<0x[0-9A-F]{2}>$/.test(raw)) {
      offsets.push([-1, -1]);
      continue;
    }
    const piece = foldText(
      raw
        .replace(/^##/, '')
        .replace(/^[▁Ġ]+/, '')
        .replace(/Ċ/g, '\n'),
    ).folded;
    if (piece === '' || /^<0x[0-9A-F]{2}>$/.test(raw)) {
      offsets.push([-1, -1]);
      pending.push(index);
      continue;
    }
    const found = folded.indexOf(piece, cursor);
    // A piece far ahead is a different occurrence: an unknown token stands for what is between.
    if (found < 0) {
      offsets.push([-1, -1]);
      pending.push(index);
      continue;
    }
    if (pending.length > 0) closePending(found);
    const start = origin[found] as number;
    const end = originEnd(origin, found + piece.length, text.length);
    offsets.push([start, end]);
    cursor = found + piece.length;
  }
  if (pending.length > 0) closePending(folded.length);
  // Unknown tokens that found no bounds stay [-1, -1] only when nothing was left to give them.
  return offsets.map(([start, end]) => (start >= end ? [-1, -1] : [start, end]));
}

/** Lower-cased text without combining marks, with the original index of each character. */
function foldText(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const simple = character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    // One origin per UTF-16 unit, as `folded` is indexed: an emoji is two units.
    for (let unit = 0; unit < simple.length; unit += 1) origin.push(index);
    folded += simple;
    index += character.length;
  }
  return { folded, origin };
}

function originEnd(origin: readonly number[], foldedEnd: number, textLength: number): number {
  if (foldedEnd >= origin.length) return textLength;
  return origin[foldedEnd] as number;
}
