import '@testing-library/jest-dom/vitest';
import { type Explanation, ModelLoadError, createClient } from '@ondevice/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { ExplainText } from './explain-text.js';

afterEach(cleanup);

const text = 'Export is broken, thanks anyway.';
const span = (word: string, weight: number) => {
  const start = text.indexOf(word);
  return { start, end: start + word.length, text: word, weight };
};
const explanation: Explanation = {
  label: 'negative',
  score: 0.81,
  method: 'occlusion',
  spans: [span('Export', 0.02), span('is', 0), span('broken', 0.3), span('thanks', -0.12)],
};

describe('<ExplainText> controlled', () => {
  it('highlights words by sign and strength, with a legend and a text alternative', () => {
    const ref = createRef<HTMLDivElement>();
    const { container } = render(<ExplainText ref={ref} text={text} explanation={explanation} />);
    const root = container.firstElementChild as HTMLElement;
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('data-state', 'ready');
    const paragraph = root.querySelector('[data-part="text"]') as HTMLElement;
    expect(paragraph).toHaveTextContent(text, { normalizeWhitespace: false });
    const marks = paragraph.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['broken', 'thanks']);
    expect(marks[0]).toHaveAttribute('data-sign', 'positive');
    expect(marks[0]).toHaveAttribute('data-level', 'strong');
    expect(marks[0]).toHaveAttribute('title', '+0.30: supports “negative”');
    expect(marks[0]?.style.getPropertyValue('--ondevice-attribution-strength')).toBe('1.00');
    expect(marks[1]).toHaveAttribute('data-sign', 'negative');
    expect(marks[1]?.style.getPropertyValue('--ondevice-attribution-strength')).toBe('0.40');

    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getByText(/supports “negative”/)).toBeVisible();
    expect(within(legend).getByText(/speaks against “negative”/)).toBeVisible();
    const summary = root.querySelector('[data-part="summary"]') as HTMLElement;
    expect(summary).toHaveTextContent('Why “negative” (81 %):');
    expect(summary).toHaveTextContent('Most supporting: “broken” (+0.30), “Export” (+0.02).');
    expect(summary).toHaveTextContent('Most opposing: “thanks” (−0.12).');
  });

  it('lists the nearest taught examples of a teachable explanation', () => {
    render(
      <ExplainText
        text={text}
        explanation={{
          ...explanation,
          label: 'bug',
          nearestExamples: [{ text: 'CSV export fails', label: 'bug', similarity: 0.734 }],
        }}
        formatLabel={(label) => label.toUpperCase()}
      />,
    );
    expect(screen.getByText('Nearest taught examples')).toBeVisible();
    expect(screen.getByText('“CSV export fails” — BUG, similarity 0.73')).toBeVisible();
  });

  it('shows loading, error and offline states', () => {
    const { container, rerender } = render(<ExplainText text={text} status="loading" />);
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Explaining…')).toBeVisible();
    expect(root.querySelector('mark')).toBeNull();
    rerender(
      <ExplainText
        text={text}
        status="loading"
        progress={{ status: 'downloading', loaded: 5_000_000, total: 20_000_000 }}
      />,
    );
    expect(screen.getByText('Loading the model, 25 %…')).toBeVisible();
    rerender(<ExplainText text={text} status="loading" progress={{ status: 'initializing' }} />);
    expect(screen.getByText('Preparing the model…')).toBeVisible();
    const offline = new ModelLoadError({ url: 'http://x/', status: undefined, message: 'down' });
    rerender(<ExplainText text={text} status="error" error={offline} />);
    expect(root).toHaveAttribute('data-state', 'offline');
    expect(screen.getByRole('alert')).toHaveTextContent('model is unavailable offline');
    const missing = new ModelLoadError({ url: 'http://x/', status: 404, message: 'HTTP 404' });
    rerender(<ExplainText text={text} status="error" error={missing} />);
    expect(root).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not explain: HTTP 404');
  });
});

describe('<ExplainText> uncontrolled (real model)', () => {
  it('explains the sentiment of its text', async () => {
    const client = createClient({ backend: 'wasm' });
    const review = 'The new dashboard is great, but exports are painfully slow.';
    const { container } = render(
      <OnDeviceProvider client={client}>
        <ExplainText text={review} />
      </OnDeviceProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
    expect(root.querySelector('[data-part="text"]')).toHaveTextContent(review);
    expect(root.querySelectorAll('mark[data-part="attribution"]').length).toBeGreaterThan(0);
    expect(root.querySelector('[data-part="summary"]')?.textContent).toMatch(
      /^Why “(positive|negative|neutral)” \(\d{1,3} %\):Most supporting: “/,
    );
  });
});
