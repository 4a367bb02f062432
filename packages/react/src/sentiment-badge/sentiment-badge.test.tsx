import '@testing-library/jest-dom/vitest';
import { ModelLoadError, type SentimentResult, createClient } from '@ondevice/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { SentimentBadge } from './sentiment-badge.js';

afterEach(cleanup);

const negative: SentimentResult = {
  label: 'negative',
  score: 0.923,
  probabilities: { negative: 0.923, neutral: 0.05, positive: 0.027 },
};

describe('<SentimentBadge> controlled', () => {
  it('reads label and score as a polite status, with an icon and text, not colour alone', () => {
    const ref = createRef<HTMLSpanElement>();
    render(<SentimentBadge ref={ref} className="mine" result={negative} />);
    const badge = screen.getByRole('status', { name: 'Sentiment: negative, 92 %' });
    expect(badge).toBe(ref.current);
    expect(badge).toHaveTextContent('▼Sentiment: negative, 92 %');
    expect(badge).toHaveAttribute('data-state', 'ready');
    expect(badge).toHaveAttribute('data-sentiment', 'negative');
    expect(badge).toHaveClass('mine');
    expect(badge).not.toHaveAttribute('aria-busy');
    expect(badge.querySelector('[data-part="icon"]')).toHaveAttribute('aria-hidden', 'true');
    expect(badge.querySelector('[style]')).toBeNull(); // unstyled
  });

  it('keeps the previous result while loading, and says what it waits for without one', () => {
    const { rerender } = render(<SentimentBadge status="loading" result={negative} />);
    const badge = screen.getByRole('status');
    expect(badge).toHaveAttribute('aria-busy', 'true');
    expect(badge).toHaveAttribute('data-state', 'loading');
    expect(badge).toHaveAccessibleName('Sentiment: negative, 92 %');
    rerender(
      <SentimentBadge
        status="loading"
        progress={{ status: 'downloading', loaded: 5_000_000, total: 20_000_000 }}
      />,
    );
    expect(badge).toHaveAccessibleName('Sentiment: loading model, 25 %');
    expect(badge).not.toHaveAttribute('data-sentiment');
    rerender(<SentimentBadge status="loading" />);
    expect(badge).toHaveAccessibleName('Sentiment: analysing…');
    rerender(<SentimentBadge status="idle" />);
    expect(badge).toHaveAccessibleName('Sentiment: no text yet');
    expect(badge).toHaveAttribute('data-state', 'idle');
  });

  it('tells offline from other errors', () => {
    const offline = new ModelLoadError({ url: 'http://x/', status: undefined, message: 'down' });
    const { rerender } = render(<SentimentBadge status="error" error={offline} />);
    const badge = screen.getByRole('status');
    expect(badge).toHaveAttribute('data-state', 'offline');
    expect(badge).toHaveAccessibleName('Sentiment unavailable: offline');
    const missing = new ModelLoadError({ url: 'http://x/', status: 404, message: 'HTTP 404' });
    rerender(<SentimentBadge status="error" error={missing} />);
    expect(badge).toHaveAttribute('data-state', 'error');
    expect(badge).toHaveAccessibleName('Sentiment unavailable: HTTP 404');
    expect(badge).toHaveAttribute('title', 'HTTP 404');
  });

  it('is plain text, not a live region, with announce={false}', () => {
    render(<SentimentBadge result={negative} announce={false} data-testid="badge" />);
    expect(screen.queryByRole('status')).toBeNull();
    const badge = screen.getByTestId('badge');
    expect(badge).not.toHaveAttribute('aria-label');
    expect(badge).toHaveTextContent('Sentiment: negative, 92 %');
  });
});

describe('<SentimentBadge> uncontrolled (real model)', () => {
  const client = createClient({ backend: 'wasm' });

  it('analyses its text on the device', async () => {
    render(
      <OnDeviceProvider client={client}>
        <SentimentBadge text="This update broke our exports again. Very disappointed." />
        <SentimentBadge text="Fantastic support, the team fixed it in minutes. Thank you!" />
      </OnDeviceProvider>,
    );
    const [bad, good] = screen.getAllByRole('status');
    await waitFor(() => expect(bad).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
    await waitFor(() => expect(good).toHaveAttribute('data-state', 'ready'));
    expect(bad).toHaveAttribute('data-sentiment', 'negative');
    expect(bad?.getAttribute('aria-label')).toMatch(/^Sentiment: negative, \d{1,3} %$/);
    expect(good).toHaveAttribute('data-sentiment', 'positive');
  });

  it('shows offline when the model cannot be reached', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    render(
      <OnDeviceProvider client={offline}>
        <SentimentBadge text="Anything at all" />
      </OnDeviceProvider>,
    );
    const badge = screen.getByRole('status');
    await waitFor(() => expect(badge).toHaveAttribute('data-state', 'offline'), {
      timeout: 30_000,
    });
  });
});
