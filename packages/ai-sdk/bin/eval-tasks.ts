import { evalTasks as coreEvalTasks } from '../../core/bin/eval-tasks.js';
import type { EvalTask } from '../../core/bin/eval-task.js';
import { escalationTask } from './escalation-task.js';

/**
 * The tasks of `npm run eval`: core's, then `escalation` (the AI SDK policy on the teachable
 * classifier), which core's bin cannot hold since core may not import @ondevice/ai-sdk.
 *
 * @example
 * await runEvalCli(['escalation', '--train', 'train.csv', '--holdout-per-class', '20'], io, { tasks: evalTasks })
 */
export const evalTasks: Readonly<Record<string, EvalTask>> = Object.freeze({
  ...coreEvalTasks,
  escalation: escalationTask,
});
