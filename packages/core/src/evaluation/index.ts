// @ondevice/core/evaluation: helpers for measuring models on labelled data sets (the eval CLI,
// training scripts and benchmarks use them); not needed by apps.
export { agNewsLabels } from './ag-news-labels.js';
export { fewShotSplit } from './few-shot-split.js';
export type { FewShotSplit, FewShotSplitOptions, LabelledText } from './few-shot-split.js';
export { parseCsv } from './parse-csv.js';
export type { CsvRecord } from './parse-csv.js';
export { seededRandom, shuffled } from '../util/seeded-random.js';
