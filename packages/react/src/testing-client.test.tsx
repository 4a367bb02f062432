import '@testing-library/jest-dom/vitest';
import { createTestClient } from '@ondevice/core/testing';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from './provider/ondevice-provider.js';
import { SmartTags } from './smart-tags/smart-tags.js';

afterEach(cleanup);

// What an app's own component test looks like: the real widget and client, on the
// deterministic hashing model of @ondevice/core/testing (no download, no ML).
describe('widgets on @ondevice/core/testing', () => {
  it('suggest tags and learn from a correction, deterministically', async () => {
    const client = createTestClient();
    const labels = [
      { id: 'billing', descriptions: ['invoice refund payment charge'] },
      { id: 'login', descriptions: ['password sign in account'] },
    ];
    const { container } = render(
      <OnDeviceProvider client={client}>
        <SmartTags
          text="Please refund the double charge"
          classifierId="test-tags"
          labels={labels}
        />
      </OnDeviceProvider>,
    );
    const root = container.firstElementChild as HTMLElement;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'));
    const billing = within(root).getByRole('button', { name: /^billing/ });
    await userEvent.click(billing);
    await waitFor(() => expect(billing).toHaveAttribute('aria-pressed', 'true'));
    expect(client.teachable({ id: 'test-tags' }).getSnapshot().examples).toMatchObject([
      { text: 'Please refund the double charge', label: 'billing' },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(/learned from this example/);
  });
});
