import type { RegisteredTaskHandler } from './task-definition.js';

/**
 * The engine side of every task, imported on first use (so only in the worker, and only for
 * the tasks an app uses). Adding a task is a folder under `tasks/` and one line here.
 *
 * @example
 * const { create } = await taskHandlers.sentiment!()
 */
export const taskHandlers: Readonly<Record<string, () => Promise<RegisteredTaskHandler>>> = {
  sentiment: () =>
    import('./sentiment/sentiment-handler.js').then((module) => module.sentimentHandler),
  'zero-shot': () =>
    import('./zero-shot/zero-shot-handler.js').then((module) => module.zeroShotHandler),
  teachable: () =>
    import('./teachable/teachable-handler.js').then((module) => module.teachableHandler),
  entities: () => import('./entities/entities-handler.js').then((module) => module.entitiesHandler),
  generation: () =>
    import('./generation/generation-handler.js').then((module) => module.generationHandler),
  'recommend-fit': () =>
    import('../recommend/recommend-handler.js').then((module) => module.recommendFitHandler),
};
