import '@testing-library/jest-dom/vitest';
import { createClient } from '@ondevice/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { SentimentTextarea } from './sentiment-textarea.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const client = createClient({ backend: 'wasm' });
const withClient = (children: ReactNode) => (
  <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
);

describe('<SentimentTextarea> (real model)', () => {
  it('is a labelled textarea described by a live sentiment badge', async () => {
    const ref = createRef<HTMLTextAreaElement>();
    render(
      withClient(
        <SentimentTextarea ref={ref} label="Reply" defaultValue="Thanks, that fixed it!" />,
      ),
    );
    const textarea = screen.getByRole('textbox', { name: 'Reply' });
    expect(ref.current).toBe(textarea);
    const badge = screen.getByRole('status');
    expect(textarea).toHaveAttribute('aria-describedby', badge.id);
    await waitFor(() => expect(badge).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
    expect(badge).toHaveAttribute('data-sentiment', 'positive');
    expect(textarea.closest('[data-ondevice-sentiment-textarea]')).toHaveAttribute(
      'data-state',
      'ready',
    );
  });

  it('keeps typing instant: the text updates per key, the model runs after the pause', async () => {
    const user = userEvent.setup({ delay: 10 });
    render(withClient(<SentimentTextarea defaultValue="" debounceMs={120} />));
    const textarea = screen.getByRole('textbox', { name: 'Message' });
    const badge = screen.getByRole('status');
    expect(badge).toHaveAttribute('data-state', 'idle');
    // Warm the model so the test measures the widget, not the download.
    await client.sentiment().analyze('warm up');
    const analyze = vi.spyOn(client.sentiment(), 'analyze');
    const message = 'This is broken again and nobody answers.';
    await user.type(textarea, message);
    expect(textarea).toHaveValue(message);
    await waitFor(() => expect(badge).toHaveAccessibleName(/^Sentiment: negative, \d{1,3} %$/), {
      timeout: 30_000,
    });
    // The first character is analysed at once, then only the pause after the last key.
    expect(analyze.mock.calls.length).toBeLessThanOrEqual(3);
    expect(analyze.mock.calls.at(-1)?.[0]).toBe(message);
  });

  it('is controllable through value and onValueChange', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    function Controlled() {
      const [value, setValue] = useState('Fine.');
      return (
        <SentimentTextarea
          value={value}
          onValueChange={(next) => {
            onValueChange(next);
            setValue(next.toUpperCase());
          }}
        />
      );
    }
    render(withClient(<Controlled />));
    const textarea = screen.getByRole('textbox');
    await user.type(textarea, '{End}x');
    expect(onValueChange).toHaveBeenLastCalledWith('Fine.x');
    expect(textarea).toHaveValue('FINE.X');
  });
});
