import { createClient } from '@ondevice/core';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { useExplanation } from './use-explanation.js';
import { useTeachableClassifier } from './use-teachable-classifier.js';
import { useTeachablePredictions } from './use-teachable-predictions.js';

afterEach(cleanup);

const client = createClient({ backend: 'wasm' });
const wrapper = ({ children }: { children: ReactNode }) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);
const labels = [
  { id: 'billing', descriptions: ['invoice, payment, charge or refund'] },
  { id: 'bug', descriptions: ['something is broken or shows an error'] },
];

describe('useTeachableClassifier (real model)', () => {
  it('shares one classifier per client and id, with stable bound actions', async () => {
    const { result, rerender } = renderHook(
      () => ({
        first: useTeachableClassifier({ id: 'shared-id', labels }),
        second: useTeachableClassifier({ id: 'shared-id' }),
        other: useTeachableClassifier({ id: 'other-id' }),
      }),
      { wrapper },
    );
    const { first, second, other } = result.current;
    expect(first.classifier).toBe(second.classifier);
    expect(first.classifier).not.toBe(other.classifier);
    await waitFor(() => expect(result.current.first.status).toBe('success'));
    expect(result.current.first.data).toMatchObject({
      id: 'shared-id',
      labels: ['billing', 'bug'],
      examples: [],
      storage: 'memory',
    });
    const { learn, forget } = result.current.first;
    rerender();
    expect(result.current.first.learn).toBe(learn);
    expect(result.current.first.forget).toBe(forget);

    const elsewhere = createClient({ backend: 'wasm' });
    const { result: separate } = renderHook(() => useTeachableClassifier({ id: 'shared-id' }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <OnDeviceProvider client={elsewhere}>{children}</OnDeviceProvider>
      ),
    });
    expect(separate.current.classifier).not.toBe(first.classifier);
    elsewhere.dispose();
  });

  it('publishes learning: training, then ready with the example, seen by every hook', async () => {
    const { result } = renderHook(
      () => ({
        teacher: useTeachableClassifier({ id: 'learn-id', labels }),
        watcher: useTeachableClassifier({ id: 'learn-id' }),
      }),
      { wrapper },
    );
    const statuses = new Set<string>();
    let learning!: Promise<void>;
    act(() => {
      learning = result.current.teacher.learn({
        text: 'The invoice total is wrong',
        label: 'billing',
      });
    });
    statuses.add(result.current.watcher.status);
    await act(() => learning);
    statuses.add(result.current.watcher.status);
    expect(statuses).toContain('success');
    expect(result.current.watcher.data.examples).toMatchObject([
      { text: 'The invoice total is wrong', label: 'billing' },
    ]);
    expect(result.current.watcher.data.lastTrainingMs).toEqual(expect.any(Number));
  });

  it('publishes a failed action as an error and clears it on the next success', async () => {
    const { result } = renderHook(() => useTeachableClassifier({ id: 'failing-id', labels }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('success'));
    await act(async () => {
      await expect(result.current.learn({ text: 'text', label: '   ' })).rejects.toThrow(
        /non-empty string label/,
      );
    });
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('invalid-input');
    await act(() =>
      result.current.learn({ text: 'Refund the duplicate charge', label: 'billing' }),
    );
    expect(result.current.status).toBe('success');
    expect(result.current.error).toBeUndefined();
  });
});

describe('useTeachablePredictions (real model)', () => {
  it('predicts a batch, then predicts again after every retraining', async () => {
    const texts = ['Please refund the duplicate payment.', 'The export button crashes the app.'];
    const { result } = renderHook(
      () => ({
        classifier: useTeachableClassifier({ id: 'predict-id', labels }),
        predictions: useTeachablePredictions(texts, { id: 'predict-id', labels }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.predictions.status).toBe('success'), {
      timeout: 60_000,
    });
    const first = result.current.predictions.data;
    expect(first?.texts).toEqual(texts);
    expect(first?.predictions.map((prediction) => prediction.source)).toEqual([
      'zero-shot',
      'zero-shot',
    ]);

    await act(() =>
      result.current.classifier.learn([
        { text: 'We were charged twice this month', label: 'billing' },
        { text: 'Refund our last invoice please', label: 'billing' },
        { text: 'The dashboard shows an error 500', label: 'bug' },
        { text: 'Saving a report crashes the page', label: 'bug' },
      ]),
    );
    // Re-predicted without the texts changing; the old predictions stay until then.
    await waitFor(() =>
      expect(result.current.predictions.data?.predictions[0]?.source).toBe('taught'),
    );
    expect(result.current.predictions.status).toBe('success');
    expect(
      result.current.predictions.data?.predictions.map((prediction) => prediction.label),
    ).toEqual(['billing', 'bug']);
  });
});

describe('useExplanation (real model)', () => {
  it('explains a sentiment with one span per word', async () => {
    const text = 'Support was slow but the fix is great';
    const { result } = renderHook(() => useExplanation(text, { source: { kind: 'sentiment' } }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.status).toBe('success'), { timeout: 60_000 });
    const data = result.current.data;
    expect(data?.text).toBe(text);
    expect(data?.method).toBe('occlusion');
    expect(data?.spans.map((span) => span.text)).toEqual(text.split(' '));
    for (const span of data?.spans ?? []) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('explains a teachable prediction again after retraining, with the nearest examples', async () => {
    const text = 'Our card was charged twice';
    const source = { kind: 'teachable', id: 'explain-id', labels } as const;
    const { result } = renderHook(
      () => ({
        classifier: useTeachableClassifier({ id: 'explain-id', labels }),
        explanation: useExplanation(text, { source }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.explanation.status).toBe('success'), {
      timeout: 60_000,
    });
    expect(result.current.explanation.data?.nearestExamples ?? []).toEqual([]);
    await act(() =>
      result.current.classifier.learn([
        { text: 'Refund the double charge on our invoice', label: 'billing' },
        { text: 'The report page throws an error', label: 'bug' },
      ]),
    );
    await waitFor(() =>
      expect(result.current.explanation.data?.nearestExamples?.[0]?.text).toBe(
        'Refund the double charge on our invoice',
      ),
    );
    expect(result.current.explanation.data?.label).toBe('billing');
  });
});
