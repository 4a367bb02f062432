import { defineTask } from '../task-definition.js';
import type { EntitySpan } from './entity-types.js';

/**
 * What the page sends to recognise entities.
 *
 * @example
 * const payload: EntitiesPayload = { texts: ['Alice works at Acme'], minScore: 0 }
 */
export interface EntitiesPayload {
  texts: string[];
  minScore: number;
}

/**
 * The entities task: texts in, spans per text out.
 *
 * @example
 * await runner.run(entitiesTask, { texts, minScore: 0 })
 */
export const entitiesTask = defineTask<EntitiesPayload, EntitySpan[][]>('entities');
