import type { ZeroShotLabel } from '@ondevice/core';
import { useZeroShot } from '@ondevice/react';
import { useMemo, useState } from 'react';
import { TaskError } from './task-error.js';

const defaultLabels = [
  'billing: invoice, payment or refund',
  'login: password, sign in or account access',
  'sports: a match, a team or a score',
].join('\n');

/**
 * Labels typed one per line as `id: description, another description` (a line without a colon
 * is its own description). Blank lines are skipped.
 *
 * @example
 * parseLabels('billing: invoice, refund') // [{ id: 'billing', descriptions: ['invoice', 'refund'] }]
 */
export function parseLabels(text: string): ZeroShotLabel[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return { id: line, descriptions: [line] };
      const id = line.slice(0, colon).trim();
      const descriptions = line
        .slice(colon + 1)
        .split(',')
        .map((description) => description.trim())
        .filter((description) => description !== '');
      return { id, descriptions: descriptions.length > 0 ? descriptions : [id] };
    });
}

/**
 * Zero-shot classification with editable labels: an NLI model scores each label as a
 * hypothesis, an embedding model compares the text with the label descriptions.
 *
 * @example
 * <ZeroShotPanel modelId="/ondevice/models/ondevice-fixtures/tiny-nli/" />
 */
export function ZeroShotPanel({ modelId }: { modelId: string }) {
  const [text, setText] = useState('I was charged twice for my last invoice');
  const [labelText, setLabelText] = useState(defaultLabels);
  const labels = useMemo(() => parseLabels(labelText), [labelText]);
  const { status, data, error } = useZeroShot(text, {
    labels,
    model: modelId,
    debounceMs: 300,
    enabled: labels.length > 0,
  });
  return (
    <section aria-labelledby="lab-zero-shot-heading" className="lab-task">
      <h3 id="lab-zero-shot-heading">Zero-shot classification</h3>
      <label>
        Text
        <textarea value={text} rows={2} onChange={(event) => setText(event.target.value)} />
      </label>
      <label>
        Labels, one per line (id: description, another description)
        <textarea
          value={labelText}
          rows={4}
          onChange={(event) => setLabelText(event.target.value)}
        />
      </label>
      <table data-testid="lab-zero-shot" data-state={status} aria-live="polite">
        <caption>Scores{data ? `, best: ${data.selected.join(', ') || 'none'}` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {(data?.labels ?? []).map((label) => (
            <tr key={label.id}>
              <th scope="row">{label.id}</th>
              <td>{label.score.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TaskError error={error} />
    </section>
  );
}
