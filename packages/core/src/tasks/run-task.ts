import type { TaskContext } from './task-context.js';
import type { TaskRequest, TaskResult } from './task-types.js';

/**
 * Runs one classifier task on the engine's thread. Each task's code (and the sentiment head's
 * weights) is imported on first use, so it is only loaded by apps that use it, and only in the
 * worker.
 *
 * @example
 * const result = await runTask({ kind: 'sentiment', texts: ['Great!'], explain: false }, context)
 */
export async function runTask(request: TaskRequest, context: TaskContext): Promise<TaskResult> {
  switch (request.kind) {
    case 'sentiment': {
      const { runSentimentTask } = await import('../sentiment/sentiment-task.js');
      return { kind: 'sentiment', results: await runSentimentTask(request, context) };
    }
    case 'zero-shot': {
      const { runZeroShotTask } = await import('../zero-shot/zero-shot-task.js');
      return { kind: 'zero-shot', results: await runZeroShotTask(request, context) };
    }
    case 'teachable-train': {
      const { runTeachableTraining } = await import('../teachable/teachable-task.js');
      return runTeachableTraining(request, context);
    }
    case 'teachable-predict': {
      const { runTeachablePrediction } = await import('../teachable/teachable-task.js');
      return { kind: 'teachable-predict', results: await runTeachablePrediction(request, context) };
    }
  }
}
