import type { IndexingProgress as Progress, ModelStatus } from '@ondevice/core';
import { formatPercent } from '../format/format-percent.js';
import { waitingText } from '../model-progress/waiting-text.js';

/**
 * How far the index's running `add` / `update` calls are: a `role="progressbar"` over the
 * passages embedded, and a line that says so (or that the model is downloading first).
 *
 * @example
 * <IndexingProgress id={id} indexing={{ embedded: 12, total: 40 }} model={{ status: 'ready', backend: 'wasm' }} />
 */
export function IndexingProgress({
  id,
  indexing,
  model,
}: {
  id: string;
  indexing: Progress;
  model: ModelStatus;
}) {
  const { embedded, total } = indexing;
  const fraction = total > 0 ? embedded / total : 0;
  const labelId = `${id}-indexing`;
  const valueText = `${embedded} of ${total} ${total === 1 ? 'passage' : 'passages'} embedded`;
  return (
    <div data-part="indexing">
      <span data-part="indexing-label" id={labelId}>
        Indexing
      </span>
      <div
        role="progressbar"
        data-part="indexing-bar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={valueText}
      >
        <progress data-part="indicator" aria-hidden="true" max={100} value={fraction * 100} />
      </div>
      <span data-part="indexing-text">
        {waitingText(model, `${valueText} (${formatPercent(fraction)})…`)}
      </span>
    </div>
  );
}
