// Entry of `npm run train -- <sentiment|zero-shot> [--file <path>] [--seed <n>]`.
import { trainSentiment } from './train-sentiment.js';
import { trainZeroShot } from './train-zero-shot.js';

const [task, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const index = rest.indexOf(`--${name}`);
  return index >= 0 ? rest[index + 1] : undefined;
};
const log = (line: string) => process.stdout.write(`${line}\n`);
const seed = Number(option('seed') ?? 13);

switch (task) {
  case 'sentiment':
    await trainSentiment({ file: option('file') ?? '../shared/data/sst2/train.tsv', seed, log });
    break;
  case 'zero-shot':
    await trainZeroShot({ folder: option('file') ?? '../shared/data/snips/train', log });
    break;
  default:
    process.stderr.write(
      'Usage: npm run train -- <sentiment|zero-shot> [--file <path>] [--seed <n>]\n' +
        '  sentiment   trains the sentiment head on SST-2 train (default ../shared/data/sst2/train.tsv)\n' +
        '  zero-shot   fits the zero-shot calibration on SNIPS train (default ../shared/data/snips/train)\n',
    );
    process.exitCode = 2;
}
