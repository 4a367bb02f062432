import { similarityMatrix } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useEmbeddings } from '../hooks/use-embeddings.js';
import { textsEqual } from './texts-equal.js';
import { ModelProgress } from '../model-progress/model-progress.js';
import { parseSentences } from './parse-sentences.js';
import { type CellColors, similarityColors } from './similarity-colors.js';
import { SimilarityHeatmap } from './similarity-heatmap.js';
import { SimilarityMatrixContext } from './similarity-matrix-context.js';
import { createSimilarityMatrixStore } from './similarity-matrix-store.js';

/**
 * States of `<SimilarityMatrix>`, as its `data-state`.
 *
 * @example
 * [data-ondevice-similarity-matrix][data-state='ready'] { outline: none }
 */
export type SimilarityMatrixState = 'empty' | 'loading' | 'ready' | 'error';

/**
 * Props of {@link SimilarityMatrix}.
 *
 * @example
 * <SimilarityMatrix sentences={sentences} onSentencesChange={setSentences} />
 */
export interface SimilarityMatrixProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Controlled sentences; pair with `onSentencesChange`. */
  sentences?: readonly string[];
  /**
   * Uncontrolled: the sentences shown first.
   * @default []
   */
  defaultSentences?: readonly string[];
  /** Called with the new sentences when the user edits them. */
  onSentencesChange?: (sentences: string[]) => void;
  /**
   * Model id.
   * @default the client's default model ('use-lite')
   */
  model?: string;
  /**
   * Label of the sentence input.
   * @default 'Sentences (one per line)'
   */
  inputLabel?: string;
  /**
   * Caption of the heatmap table.
   * @default 'Cosine similarity of every pair of sentences'
   */
  caption?: string;
  /**
   * Longest header label, in characters; longer sentences are cut with "…" (the full text
   * stays the header's accessible name and tooltip).
   * @default 24
   */
  maxLabelLength?: number;
  /**
   * Background and text colour of a cell for a similarity.
   * @default similarityColors
   */
  cellColors?: (similarity: number) => CellColors;
}

/**
 * Type sentences (one per line) and see how similar each pair is: embeddings are computed on
 * the device with `useEmbeddings`, and pairwise cosine similarity is drawn as a labelled
 * heatmap table. Controlled (`sentences` + `onSentencesChange`) or uncontrolled
 * (`defaultSentences`). UI state lives in a zustand store created for each instance.
 * Unstyled: style it through `data-state` (empty, loading, ready, error) and `data-part`, or
 * import `@ondevice/react/theme.css`. Needs `<OnDeviceProvider>`.
 *
 * @example
 * <SimilarityMatrix
 *   defaultSentences={['How do I reset my password?', 'I forgot my password', 'Nice weather today']}
 * />
 */
export const SimilarityMatrix = forwardRef<HTMLDivElement, SimilarityMatrixProps>(
  function SimilarityMatrix(
    {
      sentences: controlledSentences,
      defaultSentences,
      onSentencesChange,
      model,
      inputLabel = 'Sentences (one per line)',
      caption = 'Cosine similarity of every pair of sentences',
      maxLabelLength = 24,
      cellColors = similarityColors,
      ...props
    },
    ref,
  ) {
    const [store] = useState(() =>
      createSimilarityMatrixStore({ text: (defaultSentences ?? []).join('\n') }),
    );
    const storedText = useStore(store, (state) => state.text);
    const parsedText = useMemo(() => parseSentences(storedText), [storedText]);
    const sentences = controlledSentences ?? parsedText;
    // Controlled: keep the user's exact text (blank lines, a trailing newline) while it means
    // the same sentences as the prop; show the prop's sentences when the parent changed them.
    const text = textsEqual(parsedText, sentences) ? storedText : sentences.join('\n');

    const { status, data, error, progress } = useEmbeddings(sentences, {
      model,
      keepPreviousData: true,
    });
    const matrix = useMemo(() => (data ? similarityMatrix(data.embeddings) : []), [data]);

    const inputId = useId();
    const state: SimilarityMatrixState =
      status === 'idle'
        ? 'empty'
        : status === 'success'
          ? 'ready'
          : status === 'error'
            ? 'error'
            : 'loading';

    return (
      <SimilarityMatrixContext.Provider value={store}>
        <div ref={ref} data-ondevice-similarity-matrix="" data-state={state} {...props}>
          <label data-part="input-label" htmlFor={inputId}>
            {inputLabel}
          </label>
          <textarea
            id={inputId}
            data-part="input"
            value={text}
            rows={Math.max(3, sentences.length + 1)}
            onChange={(event) => {
              const nextText = event.target.value;
              store.getState().setText(nextText);
              const next = parseSentences(nextText);
              if (!textsEqual(next, sentences)) onSentencesChange?.(next);
            }}
          />
          {state === 'empty' && (
            <p data-part="empty">Type two or more sentences, one per line, to compare them.</p>
          )}
          {state === 'loading' && progress.status !== 'ready' && (
            <ModelProgress data-part="progress" modelId={model} status={progress} />
          )}
          {state === 'error' && error && (
            <p data-part="error" role="alert">
              Could not compute similarities: {error.message}
            </p>
          )}
          {data && state !== 'error' && (
            <SimilarityHeatmap
              sentences={data.texts}
              matrix={matrix}
              caption={caption}
              maxLabelLength={maxLabelLength}
              cellColors={cellColors}
              busy={status === 'loading'}
            />
          )}
        </div>
      </SimilarityMatrixContext.Provider>
    );
  },
);
