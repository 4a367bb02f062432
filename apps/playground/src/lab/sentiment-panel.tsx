import { useSentiment } from '@ondevice/react';
import { useState } from 'react';
import { TaskError } from './task-error.js';

/**
 * Sentiment of a text with the loaded model: a classifier's own labels, or the shipped head
 * over the built-in encoder.
 *
 * @example
 * <SentimentPanel modelId="/ondevice/models/ondevice-fixtures/tiny-sentiment/" />
 */
export function SentimentPanel({ modelId }: { modelId: string }) {
  const [text, setText] = useState('I love this great movie');
  const { status, data, error } = useSentiment(text, { model: modelId, debounceMs: 200 });
  return (
    <section aria-labelledby="lab-sentiment-heading" className="lab-task">
      <h3 id="lab-sentiment-heading">Sentiment</h3>
      <label>
        Text
        <textarea value={text} rows={2} onChange={(event) => setText(event.target.value)} />
      </label>
      <p aria-live="polite" data-state={status}>
        Sentiment:{' '}
        <output data-testid="lab-sentiment">
          {data && data.text === text ? `${data.label} (${data.score.toFixed(2)})` : '…'}
        </output>
      </p>
      <TaskError error={error} />
    </section>
  );
}
