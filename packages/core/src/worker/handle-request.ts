import { InvalidInputError, serializeError } from '@ondevice/errors';
import { Engine } from '../engine/engine.js';
import { type WorkerRequest, type WorkerResponse, protocolVersion } from './protocol.js';
import { createTaskDispatcher } from './task-dispatcher.js';

/**
 * The worker side of the protocol, independent of `self` so it can be tested: takes requests,
 * posts responses. Cancelled ids are remembered until their request finishes.
 *
 * @example
 * const handle = createRequestHandler((response, transfer) => self.postMessage(response, transfer ?? []))
 * self.addEventListener('message', (event) => void handle(event.data))
 */
export function createRequestHandler(
  post: (response: WorkerResponse, transfer?: Transferable[]) => void,
) {
  let engine: Engine | undefined;
  let dispatch: ReturnType<typeof createTaskDispatcher> | undefined;
  const cancelled = new Set<number>();
  /** Loads in flight, by request id: a cancel stops the engine's wait (and, if last, the download). */
  const loads = new Map<number, AbortController>();
  const requireEngine = () => {
    if (!engine || !dispatch) {
      throw new InvalidInputError({
        parameter: 'type',
        message: 'The worker got a request before init.',
      });
    }
    return { engine, dispatch };
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
          engine = new Engine(request.options, {
            onReport: (report) => post({ type: 'report', report }),
          });
          dispatch = createTaskDispatcher(engine);
          post({ type: 'initialized', id: request.id });
          return;
        case 'cancel':
          cancelled.add(request.targetId);
          loads.get(request.targetId)?.abort();
          post({ type: 'cancel-received', id: request.id });
          return;
        case 'load': {
          const controller = new AbortController();
          loads.set(request.id, controller);
          const report = await requireEngine().engine.load(
            request.modelId,
            (status) => {
              if (status.status !== 'error') post({ type: 'status', id: request.id, status });
            },
            controller.signal,
          );
          post({ type: 'loaded', id: request.id, report });
          return;
        }
        case 'embed': {
          const { vectors, truncated } = await requireEngine().engine.embed(
            request.modelId,
            request.texts,
            () => cancelled.has(request.id),
          );
          post({ type: 'embedded', id: request.id, vectors, truncated }, [vectors.buffer]);
          return;
        }
        case 'task': {
          const { type: _type, id, ...envelope } = request;
          const outcome = await requireEngine().dispatch(
            envelope,
            () => cancelled.has(id),
            (progress) => post({ type: 'task-progress', id, progress }),
          );
          post({ type: 'task-result', id, outcome });
          return;
        }
        case 'unload': {
          const { engine } = requireEngine();
          const unloaded = await engine.unload(request.modelId);
          post({ type: 'unloaded', id: request.id, unloaded, modelsLeft: engine.modelCount });
          return;
        }
        case 'memory':
          post({ type: 'memory', id: request.id, memory: await requireEngine().engine.memory() });
          return;
      }
    } catch (error) {
      post({ type: 'failed', id: request.id, error: serializeError(error) });
    } finally {
      cancelled.delete(request.id);
      loads.delete(request.id);
    }
  };
}
