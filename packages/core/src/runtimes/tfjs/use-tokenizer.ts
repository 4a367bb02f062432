import type { TokenizedText } from '../runtime.js';

/** SentencePiece's word-boundary mark, which replaces spaces. */
const separator = '\u2581';
/** The vocabulary's first pieces are reserved (unk, control symbols) and never matched. */
const reservedPieces = 6;

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Index of the piece that ends here, with its score. */
  piece?: { index: number; score: number; length: number };
}

/**
 * The Universal Sentence Encoder's SentencePiece tokenizer (unigram lattice, Viterbi), written
 * to cost time linear in the text: `@tensorflow-models/universal-sentence-encoder`'s
 * `Tokenizer.encode` copies the rest of the text at every position (`symbols.slice(i)`), which is
 * quadratic (66 s for 40,000 characters). This one gives the same tokens (a test compares them),
 * looks at most {@link UseTokenizer.maxPieceLength} symbols ahead, and stops reading a text once
 * it has more tokens than the model uses.
 *
 * @example
 * const tokenizer = new UseTokenizer(vocabulary)
 * tokenizer.encode('Hello world', 128) // { tokens: [...], truncated: false }
 */
export class UseTokenizer {
  private readonly root: TrieNode = { children: new Map() };
  /** Length of the longest piece, in UTF-16 code units. */
  readonly maxPieceLength: number;

  constructor(private readonly vocabulary: readonly (readonly [string, number | null])[]) {
    let longest = 1;
    for (let index = reservedPieces; index < vocabulary.length; index += 1) {
      const [piece, score] = vocabulary[index] as readonly [string, number | null];
      let node = this.root;
      for (const symbol of symbolsOf(piece)) {
        let child = node.children.get(symbol);
        if (!child) {
          child = { children: new Map() };
          node.children.set(symbol, child);
        }
        node = child;
      }
      const length = symbolsOf(piece).length;
      // A later duplicate of a piece replaces the earlier one, as in the reference trie.
      node.piece = { index, score: score ?? 0, length };
      longest = Math.max(longest, length);
    }
    this.maxPieceLength = longest;
  }

  /**
   * Token ids of the start of `text`: at most `maxTokens`, and `truncated` when the text had more
   * (or was longer than the part that was read).
   */
  encode(text: string, maxTokens: number): TokenizedText {
    // Every token covers at least one symbol, so (maxTokens + 1) pieces of the longest length
    // are always enough to find more than maxTokens tokens; the rest of the text is never read.
    const window = (maxTokens + 1) * this.maxPieceLength;
    const cut = text.length > window;
    const tokens = this.encodeAll(cut ? text.slice(0, window) : text);
    return tokens.length > maxTokens
      ? { tokens: tokens.slice(0, maxTokens), truncated: true }
      : { tokens, truncated: cut };
  }

  /** The reference algorithm, with the lookahead bounded by the longest piece. */
  private encodeAll(input: string): number[] {
    const normalized = input.normalize('NFKC');
    if (normalized.length === 0) return [];
    const symbols = symbolsOf(separator + normalized.replace(/ /g, separator));
    const size = symbols.length;
    // best[end] / words[end]: best score and last piece of a segmentation of symbols[0, end).
    const best = new Float64Array(size + 1);
    const words = new Int32Array(size + 1);
    const lengths = new Int32Array(size + 1);
    // Pieces ending at each position, by start (ascending), as the reference lattice visits them.
    const ending: { start: number; index: number; score: number; length: number }[][] = Array.from(
      { length: size + 1 },
      () => [],
    );
    for (let start = 0; start < size; start += 1) {
      let node = this.root.children.get(symbols[start] as string);
      let found = false;
      for (let offset = 0; node && offset < this.maxPieceLength; offset += 1) {
        if (node.piece) {
          ending[start + node.piece.length]?.push({ start, ...node.piece });
          found = true;
        }
        if (start + offset + 1 >= size) break;
        node = node.children.get(symbols[start + offset + 1] as string);
      }
      // An unknown symbol is the unk piece (0) with score 0, one symbol long.
      if (!found) ending[start + 1]?.push({ start, index: 0, score: 0, length: 1 });
    }
    for (let end = 0; end <= size; end += 1) {
      const pieces = (ending[end] as (typeof ending)[number]).sort((a, b) => a.start - b.start);
      for (const piece of pieces) {
        const score = piece.score + (best[end - piece.length] as number);
        if (best[end] === 0 || score >= (best[end] as number)) {
          best[end] = score;
          words[end] = piece.index;
          lengths[end] = piece.length;
        }
      }
    }
    const reversed: number[] = [];
    for (let position = size; position > 0; position -= lengths[position] as number) {
      reversed.push(words[position] as number);
    }
    // Consecutive unknown symbols are one unk token.
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  }
}

/** UTF-16 code units, as the reference tokenizer splits strings. */
function symbolsOf(text: string): string[] {
  const symbols: string[] = new Array<string>(text.length);
  for (let index = 0; index < text.length; index += 1) symbols[index] = text[index] as string;
  return symbols;
}
