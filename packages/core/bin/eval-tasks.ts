import type { EvalTask } from './eval-task.js';
import { stsbTask } from './stsb-task.js';

/** Every task `ondevice-eval` runs, by the name given on the command line. */
export const evalTasks: Readonly<Record<string, EvalTask>> = Object.freeze({
  stsb: stsbTask,
});

/** Task names, for messages and `--help`. */
export const evalTaskNames: readonly string[] = Object.keys(evalTasks);
