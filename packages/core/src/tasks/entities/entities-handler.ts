import { defineTaskHandler } from '../task-definition.js';
import { entitiesTask } from './entities-task.js';
import { groupEntities } from './group-entities.js';

/**
 * The engine side of entity recognition: per-token label probabilities with offsets (in
 * length-bucketed batches), grouped into spans.
 *
 * @example
 * const handler = entitiesHandler.create()
 */
export const entitiesHandler = defineTaskHandler(entitiesTask, () => ({
  run: async (payload, context) => {
    const { labels, texts } = await context.classifyTokens(payload.texts);
    return texts.map((recognized, index) => {
      const width = labels.length;
      const tokens = recognized.offsets.map(([start, end], position) => ({
        start,
        end,
        probabilities: recognized.probabilities.subarray(position * width, (position + 1) * width),
      }));
      return groupEntities(payload.texts[index] as string, labels, tokens, payload.minScore);
    });
  },
}));
