import { describe, expect, it } from 'vitest';
import { agNewsLabels } from '../../evaluation/index.js';
import { AbortError, InvalidInputError, createClient } from '../../index.js';
import { parseCsv, readSharedData } from '../../test-support/shared-data.test.support.js';
import { labelAsText } from './label-descriptions.js';

// Real USE-lite weights, tfjs wasm, in-thread (Node).
const client = createClient({ backend: 'wasm' });
const supportLabels = [
  { id: 'billing', descriptions: ['invoice, payment or refund', 'I was charged the wrong amount'] },
  { id: 'shipping', descriptions: ['delivery of a parcel', 'where is my package'] },
  { id: 'bug', descriptions: ['the app crashes or shows an error'] },
];

/** Evaluation data from ../shared/data; the test is skipped, with a note, when it is absent. */
const agNewsDev = readSharedData('agnews/dev.csv');

describe('client.zeroShot()', () => {
  it('classifies into labels invented at run time, scores summing to 1', async () => {
    const router = client.zeroShot({ labels: supportLabels });
    const results = await router.classify([
      'I was charged twice this month',
      'my parcel never arrived',
      'the app keeps crashing when I open it',
    ]);
    expect(results.map((result) => result.selected)).toEqual([['billing'], ['shipping'], ['bug']]);
    for (const result of results) {
      expect(result.labels.map((label) => label.id).sort()).toEqual(['billing', 'bug', 'shipping']);
      expect(result.labels.reduce((sum, label) => sum + label.score, 0)).toBeCloseTo(1, 6);
      expect(result.labels[0]?.score).toBeGreaterThanOrEqual(result.labels[1]?.score ?? 1);
    }
    const single = await router.classify('Where is my package?');
    expect(single.selected).toEqual(['shipping']);
  });

  it('selects every label at or over the threshold in multi-label mode (possibly none)', async () => {
    const labels = supportLabels.slice(0, 2);
    const multi = client.zeroShot({ labels, multiLabel: true, threshold: 0.5 });
    const [both, neither] = await multi.classify([
      'I was charged twice and my parcel never arrived',
      'What a lovely day for a walk in the park',
    ]);
    expect(both?.selected.sort()).toEqual(['billing', 'shipping']);
    expect(neither?.selected).toEqual([]);
    for (const result of [both, neither]) {
      for (const label of result?.labels ?? []) {
        expect(result?.selected.includes(label.id)).toBe(label.score >= 0.5);
      }
    }
    const strict = client.zeroShot({ labels, multiLabel: true, threshold: 0.999 });
    expect(
      (await strict.classify('I was charged twice and my parcel never arrived')).selected,
    ).toEqual([]);
  });

  it('uses the id in words when a label has no descriptions', async () => {
    expect(labelAsText('lost_or_stolen_card')).toBe('lost or stolen card');
    expect(labelAsText('SciTech')).toBe('sci tech');
    const router = client.zeroShot({
      labels: [
        { id: 'weather_forecast', descriptions: [] },
        { id: 'restaurant_booking', descriptions: [] },
      ],
    });
    expect((await router.classify('Will it rain tomorrow?')).selected).toEqual([
      'weather_forecast',
    ]);
  });

  it('explains the selected label, or another one on request', async () => {
    const router = client.zeroShot({ labels: supportLabels });
    const text = 'Refund the payment, the app crashed';
    const explanation = await router.explain(text);
    expect(explanation.label).toBe((await router.classify(text)).selected[0]);
    expect(explanation.spans.map((span) => span.text)).toEqual([
      'Refund',
      'the',
      'payment',
      'the',
      'app',
      'crashed',
    ]);
    const bug = await router.explain(text, { label: 'bug' });
    expect(bug.label).toBe('bug');
    const strongest = [...bug.spans].sort((a, b) => b.weight - a.weight)[0];
    expect(['app', 'crashed']).toContain(strongest?.text);
    await expect(router.explain(text, { label: 'nope' })).rejects.toThrow(
      /Labels: billing, shipping, bug/,
    );
  });

  it('rejects malformed options and input with typed errors that name the problem', async () => {
    const typed = (call: () => unknown, pattern: RegExp) => {
      expect(call).toThrow(pattern);
      try {
        call();
      } catch (error) {
        expect(InvalidInputError.isInstance(error)).toBe(true);
      }
    };
    typed(() => client.zeroShot({ labels: [] }), /at least 1 label/);
    typed(
      () =>
        client.zeroShot({
          labels: [
            { id: 'a', descriptions: [] },
            { id: 'a', descriptions: [] },
          ],
        }),
      /"a" appears twice/,
    );
    typed(() => client.zeroShot({ labels: [{ id: '', descriptions: [] }] }), /labels\[0\]\.id/);
    typed(() => client.zeroShot({ labels: supportLabels, threshold: 2 }), /threshold/);
    await expect(
      client.zeroShot({ labels: supportLabels }).classify([1] as unknown as string[]),
    ).rejects.toThrow(/texts\[0\]/);
  });

  it('rejects with AbortError when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.zeroShot({ labels: supportLabels }).classify('x', { signal: controller.signal }),
    ).rejects.toSatisfy((error: unknown) => AbortError.isInstance(error));
  });

  it.skipIf(!agNewsDev)(
    'classifies AG News articles with agNewsLabels (every eighth dev row)',
    async () => {
      const csv = agNewsDev as string;
      const rows = parseCsv(csv)
        .filter((_, index) => index % 8 === 0)
        .map(([label, title, description]) => ({
          label: agNewsLabels[Number(label) - 1]?.id,
          text: `${title} ${description}`,
        }));
      expect(rows.length).toBe(95);
      const results = await client
        .zeroShot({ labels: agNewsLabels })
        .classify(rows.map((row) => row.text));
      const correct = results.filter((result, index) => result.selected[0] === rows[index]?.label);
      expect(correct.length / rows.length).toBeGreaterThan(0.75);
    },
  );
});
