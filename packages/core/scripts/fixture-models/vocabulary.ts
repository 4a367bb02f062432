/**
 * The fixtures' shared WordPiece vocabulary, kept compact (543 entries): five special tokens,
 * every printable ASCII letter, digit and punctuation mark alone and as a `##` continuation (so any
 * English text tokenises: unknown words fall back to one piece per character), a few common
 * suffixes, then 391 common English words, including those the fixture tests use. `##son` is there
 * and `johnson` is not, so "Johnson" splits into `john ##son` and tests can check word pieces.
 */
const specialTokens = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/**
 * The special tokens by role, as `tokenizer_config.json` and `special_tokens_map.json` name them.
 *
 * @example
 * special.cls_token // '[CLS]'
 */
export const special = {
  pad_token: '[PAD]',
  unk_token: '[UNK]',
  cls_token: '[CLS]',
  sep_token: '[SEP]',
  mask_token: '[MASK]',
} as const;

// BertPreTokenizer splits on exactly these ASCII punctuation marks (plus Unicode punctuation).
const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const characters = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...punctuation];
const suffixes = ['son', 'ing', 'ed', 'ly', 'er', 'est', 'tion', 'ment', 'ness', 'able', 'ful'];

// One word a token, lower case (the normaliser lower-cases and strips accents before lookup).
const words = `
the of and to in is it that was for on are as with his they at be this have from or one had by
but not what all were we when your can said there use an each which she do how their if will up
other about out many then them these so some her would make like him into time has look two more
write go see number no way could people my than first water been call who oil its now find long
down day did get come made may part over new sound take only little work know place year live me
back give most very after thing our just name good sentence man think say great where help
through much before line right too mean old any same tell boy follow came want show also around
form three small set put end does another well large must big even such because turn here why
ask went men read need land different home us move try kind hand picture again change off play
spell air away animal house point page letter mother answer found study still learn should world
high every near add food between own below country plant last school father keep tree never
start city earth eye light thought head under story saw left few while along might close
something seem next hard open begin life always those both paper together got group often run
important until children side feet car mile night walk white sea began grow took river four
carry state once book hear stop without second later miss idea enough eat face watch far really
almost let above girl sometimes mountain cut young talk soon list song being leave family love
loved hate hated bad awful terrible horrible worst poor boring better best nice excellent
amazing wonderful happy sad angry fine okay movie film product service price quality refund
billing account payment order delivery shipping support customer problem issue please thanks
thank phone email sports politics technology business science health music art travel weather
news team won win lost match game player score season election government minister president
vote law court market company stock money bank alice john bob mary paris london berlin acme corp
google microsoft english french german works worked working short text longer words today
tomorrow yesterday example
`
  .trim()
  .split(/\s+/);

/**
 * Every token in id order: the index of a token is its id.
 *
 * @example
 * vocabulary.indexOf('[CLS]') // 2
 */
export const vocabulary: readonly string[] = [
  ...specialTokens,
  ...characters,
  ...characters.map((character) => `##${character}`),
  ...suffixes.map((suffix) => `##${suffix}`),
  ...words,
];

/**
 * The id of a token; throws for a token the vocabulary lacks, so a typo in a fixture's word list
 * fails the generator instead of silently doing nothing.
 *
 * @example
 * tokenId('[SEP]') // 3
 */
export function tokenId(token: string): number {
  const id = vocabulary.indexOf(token);
  if (id < 0) throw new RangeError(`"${token}" is not in the fixture vocabulary.`);
  return id;
}
