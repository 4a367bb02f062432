import type {
  GenerationInput,
  RuntimeGenerateOptions,
  RuntimeGeneration,
} from '../../runtimes/runtime.js';
import { defineTask } from '../task-definition.js';

/**
 * What the page sends to generate.
 *
 * @example
 * const payload: GenerationPayload = { input: { prompt: 'Hi' }, options: { maxNewTokens: 8, temperature: 0, topK: 0, stop: [] } }
 */
export interface GenerationPayload {
  input: GenerationInput;
  options: RuntimeGenerateOptions;
}

/**
 * The generation task: partial results are text pieces (`task-progress`), the result the whole.
 *
 * @example
 * await runner.run(generationTask, payload, { onProgress: (piece) => append(piece as string) })
 */
export const generationTask = defineTask<GenerationPayload, RuntimeGeneration>('generation');
