import { defineTaskHandler } from '../tasks/task-definition.js';
import { fitHybrid } from './hybrid-model.js';
import { packTransitions } from './packed-model.js';
import { recommendFitTask } from './recommend-task.js';

/**
 * The engine side of the recommender: fits EASE, transitions and the blend in the worker,
 * reporting `{ done, total }` as it goes and stopping when the request is cancelled.
 *
 * @example
 * const handler = recommendFitHandler.create()
 */
export const recommendFitHandler = defineTaskHandler(recommendFitTask, () => ({
  async run(payload, context) {
    const started = performance.now();
    const sequences = Array.from({ length: payload.offsets.length - 1 }, (_, user) =>
      payload.items.subarray(payload.offsets[user], payload.offsets[user + 1]),
    );
    const isCancelled = () => {
      try {
        context.throwIfCancelled();
        return false;
      } catch {
        return true;
      }
    };
    const { model, validation } = await fitHybrid(sequences, payload.itemCount, {
      seed: payload.seed,
      content: payload.content,
      blends: payload.blends,
      contentWeights: payload.contentWeights,
      isCancelled,
      onProgress: (done, total) => context.emit({ done, total }),
    });
    return {
      itemCount: payload.itemCount,
      easeWeights: model.ease.weights,
      transitions: packTransitions(model.transitions),
      popularity: model.popularity,
      blend: model.blend,
      contentWeight: model.contentWeight,
      validation: {
        ...validation,
        users: validation.trials[0]?.figures.users ?? 0,
      },
      milliseconds: performance.now() - started,
    };
  },
}));
