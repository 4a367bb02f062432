import { InvalidInputError, type Embedder } from '@ondevice/core';
import type { TaskContext } from '../src/engine/task-context.js';

/**
 * A task context for scripts: embeddings from a client's embedder (whose cache makes repeated
 * descriptions free), so scripts score exactly as the engine does.
 *
 * @example const context = scriptTaskContext(client.embedder())
 */
export function scriptTaskContext(embedder: Embedder, dimensions = 512): TaskContext {
  const memos = new Map<string, Promise<unknown>>();
  return {
    modelId: embedder.modelId,
    task: 'text-embedding',
    labels: [],
    dimensions,
    classify: () => Promise.reject(onlyEmbeddings()),
    classifyTokens: () => Promise.reject(onlyEmbeddings()),
    generate: () => Promise.reject(onlyEmbeddings()),
    emit() {},
    async embed(texts) {
      return (await embedder.embed([...texts])).embeddings;
    },
    throwIfCancelled() {},
    memo<T>(key: string, create: () => Promise<T>) {
      let value = memos.get(key) as Promise<T> | undefined;
      if (!value) {
        value = create();
        memos.set(key, value);
      }
      return value;
    },
  };
}

function onlyEmbeddings() {
  return new InvalidInputError({
    parameter: 'task',
    message: 'Script task contexts embed only (they evaluate embedding-model heads).',
  });
}
