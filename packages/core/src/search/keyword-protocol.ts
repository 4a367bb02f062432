import type { SerializedError } from '@ondevice/errors';
import type { KeywordDocument, KeywordMatches, SuggestRequest } from './keyword-index.js';

/**
 * A request to the keyword worker, for the index numbered `index` (one worker serves every
 * search index of a client).
 *
 * @example
 * const request: KeywordRequest = { id: 1, index: 0, op: 'search', query: 'refund' }
 */
export type KeywordRequest = { id: number; index: number } & (
  | { op: 'open'; fields: Record<string, number> }
  | { op: 'replace'; removeKeys: readonly string[]; documents: readonly KeywordDocument[] }
  | { op: 'stage'; documents: readonly KeywordDocument[] }
  | { op: 'commit' }
  | { op: 'clear' }
  | { op: 'search'; query: string }
  | { op: 'suggest'; request: SuggestRequest }
);

/**
 * The keyword worker's answer to request `id`: its result, or the error it threw.
 *
 * @example
 * const response: KeywordResponse = { id: 1, result: null }
 */
export type KeywordResponse =
  { id: number; result: KeywordMatches | string[] | null } | { id: number; error: SerializedError };
