import type { OnDeviceClient } from '../client/create-client.js';
import type { Explanation } from '../tasks/explain/explanation-types.js';
import type { ZeroShotClassifier } from '../tasks/zero-shot/zero-shot-types.js';
import type { ExplanationSource } from './explanation-source.js';
import { isBlank } from './input-keys.js';
import { RequestObserver } from './request-observer.js';
import { RetrainingTracker } from './retraining-tracker.js';

/**
 * An explanation together with the text it explains.
 *
 * @example
 * const { text, spans } = observer.getSnapshot().data ?? { text: '', spans: [] }
 */
export interface ExplanationData extends Explanation {
  /** The explained text (while a newer text computes, the previous one); spans index into it. */
  text: string;
}

/**
 * Explains a changing text's answer from one source (sentiment, zero-shot or a teachable
 * classifier) with token attributions: one request at a time, stale ones aborted, the last
 * explanation kept while the next computes; debounced 150 ms (an explanation costs one model
 * run per word). For a teachable source it explains again after every retraining.
 *
 * @example
 * const observer = new ExplanationObserver(client, { kind: 'sentiment' })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.spans))
 * observer.setOptions({ input: 'Support was slow but the fix is great' })
 */
export class ExplanationObserver extends RequestObserver<string, ExplanationData> {
  private readonly tracker: RetrainingTracker | undefined;
  private stopWatching: (() => void) | undefined;

  constructor(client: OnDeviceClient, source: ExplanationSource) {
    const teachable =
      source.kind === 'teachable'
        ? client.teachable({ id: source.id, labels: source.labels })
        : undefined;
    const tracker = teachable && new RetrainingTracker(teachable);
    let zeroShot: ZeroShotClassifier | undefined;
    const explain = (text: string, signal: AbortSignal): Promise<Explanation> => {
      switch (source.kind) {
        case 'sentiment':
          return client.sentiment().explain(text, { signal });
        case 'zero-shot':
          zeroShot ??= client.zeroShot({ labels: source.labels });
          return zeroShot.explain(text, { signal, label: source.label });
        case 'teachable':
          tracker?.markRequest();
          return (teachable as NonNullable<typeof teachable>).explain(text, {
            signal,
            label: source.label,
          });
      }
    };
    const modelId =
      teachable?.modelId ?? (source.kind === 'sentiment' ? client.sentiment().modelId : undefined);
    super({
      model: client.model(modelId),
      keyOf: (text) => text,
      isEmpty: isBlank,
      run: async (text, signal) => ({ ...(await explain(text, signal)), text }),
      description: 'Explanation',
      debounceMs: 150,
    });
    this.tracker = tracker;
  }

  protected override onActive(): void {
    this.stopWatching = this.tracker?.watch(() => this.refetch());
  }

  protected override onInactive(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}
