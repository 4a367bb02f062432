import { special, tokenId, vocabulary } from './vocabulary.js';

/**
 * Longest input the fixtures accept, as for BERT checkpoints (`max_position_embeddings` too).
 *
 * @example
 * const positions = modelMaxLength // 512
 */
export const modelMaxLength = 512;

const specialTokens = Object.values(special);

function addedToken(content: string) {
  return {
    content,
    lstrip: false,
    normalized: false,
    rstrip: false,
    single_word: false,
    special: true,
  };
}

/**
 * `tokenizer.json` in the Hugging Face tokenizers format, as `bert-base-uncased` has it:
 * BertNormalizer (lower case, accents stripped), BertPreTokenizer, WordPiece, the
 * `[CLS] $A [SEP]` / `[CLS] $A [SEP] $B:1 [SEP]:1` templates and the WordPiece decoder.
 *
 * @example
 * const json = JSON.stringify(tokenizerJson())
 */
export function tokenizerJson(): Record<string, unknown> {
  const specialToken = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
  const sequence = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specialTokens.map((content) => ({
      id: tokenId(content),
      ...addedToken(content),
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [specialToken('[CLS]', 0), sequence('A', 0), specialToken('[SEP]', 0)],
      pair: [
        specialToken('[CLS]', 0),
        sequence('A', 0),
        specialToken('[SEP]', 0),
        sequence('B', 1),
        specialToken('[SEP]', 1),
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [
          token,
          { id: token, ids: [tokenId(token)], tokens: [token] },
        ]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: special.unk_token,
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, id) => [token, id])),
    },
  };
}

/**
 * `tokenizer_config.json` as the `transformers` BertTokenizer writes it.
 *
 * @example
 * tokenizerConfigJson().model_max_length // 512
 */
export function tokenizerConfigJson(): Record<string, unknown> {
  return {
    added_tokens_decoder: Object.fromEntries(
      specialTokens.map((content) => [String(tokenId(content)), addedToken(content)]),
    ),
    clean_up_tokenization_spaces: true,
    ...special,
    do_basic_tokenize: true,
    do_lower_case: true,
    model_max_length: modelMaxLength,
    never_split: null,
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
  };
}

/**
 * `special_tokens_map.json`: the special tokens by role.
 *
 * @example
 * specialTokensMapJson().cls_token // '[CLS]'
 */
export function specialTokensMapJson(): Record<string, unknown> {
  return { ...special };
}
