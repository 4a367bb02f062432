import { defineTaskHandler } from '../task-definition.js';
import { generationTask } from './generation-task.js';

/**
 * The engine side of generation: runs the model and streams each new piece of text back.
 *
 * @example
 * const handler = generationHandler.create()
 */
export const generationHandler = defineTaskHandler(generationTask, () => ({
  run: (payload, context) =>
    context.generate(payload.input, payload.options, (text) => context.emit(text)),
}));
