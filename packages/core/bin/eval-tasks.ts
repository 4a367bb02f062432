import { agNewsTask } from './agnews-task.js';
import { banking77Task } from './banking77-task.js';
import type { EvalTask } from './eval-task.js';
import { movieLensTask } from './movielens-task.js';
import { piiTask } from './pii-task.js';
import { retrievalTask } from './retrieval-task.js';
import { sst2Task } from './sst2-task.js';
import { stsbTask } from './stsb-task.js';

/** Every task `ondevice-eval` runs, by the name given on the command line. */
export const evalTasks: Readonly<Record<string, EvalTask>> = Object.freeze({
  stsb: stsbTask,
  sst2: sst2Task,
  agnews: agNewsTask,
  banking77: banking77Task,
  retrieval: retrievalTask,
  movielens: movieLensTask,
  pii: piiTask,
});

/** Task names, for messages and `--help`. */
export const evalTaskNames: readonly string[] = Object.keys(evalTasks);
