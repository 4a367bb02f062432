import { EmbeddingEngine } from '../engine/embedding-engine.js';
import { InvalidInputError } from '@ondevice/errors';
import { serializeError } from '@ondevice/errors';
import { type WorkerRequest, type WorkerResponse, protocolVersion } from './protocol.js';

/**
 * The worker side of the protocol, independent of `self` so it can be tested: takes requests,
 * posts responses. Cancelled ids are remembered until their request finishes.
 */
export function createRequestHandler(
  post: (response: WorkerResponse, transfer?: Transferable[]) => void,
) {
  let engine: EmbeddingEngine | undefined;
  const cancelled = new Set<number>();
  const requireEngine = () => {
    if (!engine) {
      throw new InvalidInputError({
        parameter: 'type',
        message: 'The worker got a request before init.',
      });
    }
    return engine;
  };

  return async function handle(request: WorkerRequest): Promise<void> {
    try {
      switch (request.type) {
        case 'init':
          if (request.protocolVersion !== protocolVersion) {
            throw new InvalidInputError({
              parameter: 'protocolVersion',
              message: `Worker speaks protocol ${protocolVersion}, page sent ${request.protocolVersion}: the worker script is stale.`,
            });
          }
          engine = new EmbeddingEngine(request.options);
          post({ type: 'initialized', id: request.id });
          return;
        case 'cancel':
          cancelled.add(request.targetId);
          return;
        case 'load': {
          const report = await requireEngine().load(request.modelId, (status) => {
            if (status.status !== 'error') post({ type: 'status', id: request.id, status });
          });
          post({ type: 'loaded', id: request.id, report });
          return;
        }
        case 'embed': {
          const vectors = await requireEngine().embed(request.modelId, request.texts, () =>
            cancelled.has(request.id),
          );
          post({ type: 'embedded', id: request.id, vectors }, [vectors.buffer]);
          return;
        }
        case 'task': {
          const result = await requireEngine().runTask(request.modelId, request.task, () =>
            cancelled.has(request.id),
          );
          post({ type: 'task-result', id: request.id, result });
          return;
        }
        case 'tensor-count':
          post({
            type: 'tensor-count',
            id: request.id,
            count: await requireEngine().tensorCount(),
          });
          return;
      }
    } catch (error) {
      post({ type: 'failed', id: request.id, error: serializeError(error) });
    } finally {
      cancelled.delete(request.id);
    }
  };
}
