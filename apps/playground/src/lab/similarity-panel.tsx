import { cosineSimilarity } from '@ondevice/core';
import { useEmbeddings } from '@ondevice/react';
import { useState } from 'react';
import { TaskError } from './task-error.js';

/**
 * Embeds two texts with the loaded model and shows their cosine similarity.
 *
 * @example
 * <SimilarityPanel modelId="/ondevice/models/ondevice-fixtures/tiny-encoder/" />
 */
export function SimilarityPanel({ modelId }: { modelId: string }) {
  const [first, setFirst] = useState('How do I reset my password?');
  const [second, setSecond] = useState('I forgot my login credentials.');
  const { status, data, error } = useEmbeddings([first, second], {
    model: modelId,
    debounceMs: 200,
    keepPreviousData: true,
  });
  const [a, b] = data?.embeddings ?? [];
  return (
    <section aria-labelledby="lab-similarity-heading" className="lab-task">
      <h3 id="lab-similarity-heading">Embedding similarity</h3>
      <label>
        First text
        <textarea value={first} rows={2} onChange={(event) => setFirst(event.target.value)} />
      </label>
      <label>
        Second text
        <textarea value={second} rows={2} onChange={(event) => setSecond(event.target.value)} />
      </label>
      <p aria-live="polite" data-state={status}>
        Cosine similarity:{' '}
        <output data-testid="lab-similarity">
          {a && b ? cosineSimilarity(a, b).toFixed(3) : '…'}
        </output>
        {a ? ` (${a.length} dimensions)` : ''}
      </p>
      <TaskError error={error} />
    </section>
  );
}
