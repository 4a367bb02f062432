import { ModelProgress, SimilarityMatrix } from '@ondevice/react';
import { DiagnosticsPanel } from './diagnostics-panel.js';

const exampleSentences = [
  'How do I reset my password?',
  'I forgot my login credentials.',
  'Can I get a refund for my last invoice?',
  'The invoice I received is wrong.',
  'What a lovely sunny afternoon.',
];

/**
 * Sentence similarity computed on this device, with the model's progress and backend.
 *
 * @example
 * <SimilarityPage />
 */
export function SimilarityPage() {
  return (
    <>
      <section aria-labelledby="model-heading">
        <h2 id="model-heading">Model</h2>
        <ModelProgress loadOnMount label="Universal Sentence Encoder lite" />
      </section>
      <section aria-labelledby="similarity-heading">
        <h2 id="similarity-heading">Similarity</h2>
        <SimilarityMatrix
          defaultSentences={exampleSentences}
          caption="Cosine similarity of every pair of sentences"
          inputLabel="Sentences, one per line"
        />
      </section>
      <DiagnosticsPanel />
    </>
  );
}
