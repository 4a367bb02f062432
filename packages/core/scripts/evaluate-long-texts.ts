// `npm run eval:long-texts [-- <sst2 train.tsv> <agnews dev.csv>]`
// How should sentiment and zero-shot read a text longer than the model's 128 tokens? Long texts are made of
// the SST-2 train sentences the shipped head never trained on (its calibration sentences, seed
// 13), 5 sentences of the text's label and 3 of the other, shuffled; each pooling is measured
// on the same texts.
import { createClient } from '@ondevice/core';
import { seededRandom, shuffled } from '@ondevice/core/evaluation';
import type { PassagePooling } from '../src/tasks/passages.js';
import { analyzeSentiment } from '../src/tasks/sentiment/sentiment-handler.js';
import { agNewsLabels } from '@ondevice/core/evaluation';
import { classifyZeroShot } from '../src/tasks/zero-shot/zero-shot-handler.js';
import { readAgNews, readSst2 } from './data-files.js';
import { scriptTaskContext } from './script-task-context.js';
import { splitSentimentRows } from './sentiment-split.js';

const file = process.argv[2] ?? '../shared/data/sst2/train.tsv';
const agNewsFile = process.argv[3] ?? '../shared/data/agnews/dev.csv';
const rows = await readSst2(file);
const split = splitSentimentRows(
  rows.map((row) => row.text),
  { seed: 13, selection: 1000, calibration: 1000 },
);
const random = seededRandom(2026);
const byLabel = (label: string) =>
  shuffled(
    split.calibration.filter((index) => rows[index]?.label === label),
    random,
  );
/** Texts of `major` sentences of their label and `minor` of the other, in random order. */
function mixedTexts(major: number, minor: number) {
  const pools = { positive: byLabel('positive'), negative: byLabel('negative') };
  const texts: { text: string; label: string }[] = [];
  for (;;) {
    const label = texts.length % 2 === 0 ? 'positive' : 'negative';
    const other = label === 'positive' ? 'negative' : 'positive';
    if (pools[label].length < major || pools[other].length < minor) break;
    const sentences = shuffled(
      [...pools[label].splice(0, major), ...pools[other].splice(0, minor)],
      random,
    );
    texts.push({ label, text: sentences.map((index) => rows[index]?.text).join(' ') });
  }
  return texts;
}
const client = createClient({ backend: 'wasm' });
const context = scriptTaskContext(client.embedder({ cacheSize: 20_000 }));
for (const [major, minor] of [
  [5, 3],
  [8, 4],
  [12, 6],
]) {
  const texts = mixedTexts(major as number, minor as number);
  const words = texts.map(({ text }) => text.split(' ').length).sort((a, b) => a - b);
  process.stdout.write(
    `\n${texts.length} texts of ${major} sentences of their label and ${minor} of the other (held-out calibration sentences of ${file}), median ${words[words.length >> 1]} words (min ${words[0]}, max ${words.at(-1)})\n`,
  );
  for (const pooling of ['first', 'mean-probability', 'mean-embedding'] as PassagePooling[]) {
    const results = await analyzeSentiment(
      { texts: texts.map(({ text }) => text), explain: false },
      context,
      pooling,
    );
    const correct = results.filter((result, index) => {
      const predicted =
        result.probabilities.positive >= result.probabilities.negative ? 'positive' : 'negative';
      return predicted === texts[index]?.label;
    }).length;
    process.stdout.write(
      `  ${pooling.padEnd(17)} accuracy ${((100 * correct) / texts.length).toFixed(2)} % (${correct}/${texts.length})\n`,
    );
  }
}

// Zero-shot topics: AG News dev articles (evaluation data, used for measuring only), 3 of the
// text's class and 1 of another, in random order.
const articles = await readAgNews(agNewsFile);
const classes = [...new Set(articles.map((row) => row.label))];
const byClass = new Map(
  classes.map((label) => [
    label,
    shuffled(
      articles.filter((row) => row.label === label),
      random,
    ),
  ]),
);
const topicTexts: { text: string; label: string }[] = [];
for (let round = 0; ; round += 1) {
  const label = classes[round % classes.length] as string;
  const other = classes[(round + 1 + (round % 3)) % classes.length] as string;
  const own = byClass.get(label) as { text: string }[];
  const rest = byClass.get(other) as { text: string }[];
  if (own.length < 3 || rest.length < 1 || other === label) break;
  const parts = shuffled([...own.splice(0, 3), ...rest.splice(0, 1)], random);
  topicTexts.push({ label, text: parts.map((part) => part.text).join(' ') });
}
const topicWords = topicTexts.map(({ text }) => text.split(' ').length).sort((a, b) => a - b);
process.stdout.write(
  `\n${topicTexts.length} texts of 3 AG News dev articles of their class and 1 of another (${agNewsFile}), median ${topicWords[topicWords.length >> 1]} words\n`,
);
const state = { labels: [...agNewsLabels], multiLabel: false, threshold: 0.5 };
for (const pooling of ['first', 'mean-probability', 'mean-embedding'] as PassagePooling[]) {
  const results = await classifyZeroShot(
    state,
    { texts: topicTexts.map(({ text }) => text), explain: false },
    context,
    pooling,
  );
  const correct = results.filter(
    (result, index) => result.selected[0] === topicTexts[index]?.label,
  ).length;
  process.stdout.write(
    `  ${pooling.padEnd(17)} accuracy ${((100 * correct) / topicTexts.length).toFixed(2)} % (${correct}/${topicTexts.length})\n`,
  );
}
client.dispose();
