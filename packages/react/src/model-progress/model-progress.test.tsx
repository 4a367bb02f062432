import '@testing-library/jest-dom/vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ModelLoadError, type OnDeviceClient, createClient } from '@ondevice/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { ModelProgress } from './model-progress.js';

afterEach(cleanup);

function renderWithClient(client: OnDeviceClient) {
  return render(
    <OnDeviceProvider client={client}>
      <ModelProgress loadOnMount />
    </OnDeviceProvider>,
  );
}

describe('<ModelProgress> controlled', () => {
  it('shows idle with 0% and needs no provider', () => {
    render(<ModelProgress status={{ status: 'idle' }} />);
    const bar = screen.getByRole('progressbar', { name: 'Model' });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuetext', 'Not loaded');
    expect(bar).toHaveAttribute('data-state', 'idle');
  });

  it('shows bytes and percent while downloading', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <ModelProgress
        ref={ref}
        modelId="use-lite"
        className="mine"
        status={{ status: 'downloading', loaded: 12_300_000, total: 26_500_000 }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'Model use-lite' });
    expect(bar).toHaveAttribute('aria-valuenow', '46');
    expect(bar).toHaveAttribute('aria-valuetext', '12.3 of 26.5 MB downloaded');
    expect(screen.getByText('12.3 of 26.5 MB downloaded')).toBeVisible();
    expect(ref.current).toHaveAttribute('data-state', 'downloading');
    expect(ref.current).toHaveClass('mine');
    expect(ref.current?.querySelector('[style]')).toBeNull(); // unstyled
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('is indeterminate while initializing and 100% with the backend when ready', () => {
    const { rerender } = render(<ModelProgress status={{ status: 'initializing' }} />);
    const bar = screen.getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('data-state', 'initializing');
    rerender(<ModelProgress status={{ status: 'ready', backend: 'webgpu' }} />);
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', 'Ready on webgpu');
    expect(screen.getByText('Ready on webgpu')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Model ready');
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
  });

  it('tells offline from other errors', () => {
    const offline = new ModelLoadError({ url: 'http://x/', status: undefined, message: 'down' });
    const { rerender, container } = render(
      <ModelProgress status={{ status: 'error', error: offline }} />,
    );
    expect(container.firstChild).toHaveAttribute('data-state', 'offline');
    const missing = new ModelLoadError({ url: 'http://x/', status: 404, message: 'HTTP 404' });
    rerender(<ModelProgress status={{ status: 'error', error: missing }} />);
    expect(container.firstChild).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      'Failed to load: HTTP 404',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Model failed to load');
  });
});

describe('<ModelProgress> uncontrolled (real client)', () => {
  it('follows the real load to ready and announces it', async () => {
    const client = createClient({ backend: 'wasm' });
    renderWithClient(client);
    const bar = screen.getByRole('progressbar');
    await waitFor(() => expect(bar).toHaveAttribute('data-state', 'ready'), { timeout: 60_000 });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', 'Ready on wasm');
    expect(screen.getByRole('status')).toHaveTextContent('Model ready');
    client.dispose();
  });

  it('does not load the model unless loadOnMount is set', async () => {
    const client = createClient({ backend: 'wasm' });
    render(
      <OnDeviceProvider client={client}>
        <ModelProgress />
      </OnDeviceProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('progressbar')).toHaveAttribute('data-state', 'idle');
    expect(client.model().getSnapshot().status).toBe('idle');
  });

  it('shows offline when the asset server cannot be reached', async () => {
    const client = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      // Offline at once: no retries of the refused connection.
      network: { retries: 0 },
    });
    const { container } = renderWithClient(client);
    await waitFor(() => expect(container.firstChild).toHaveAttribute('data-state', 'offline'), {
      timeout: 30_000,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Model unavailable: offline');
  });

  it('shows an error when the asset server answers 404', async () => {
    const server = createServer((_request, response) => {
      response.statusCode = 404;
      response.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({
        backend: 'wasm',
        assetBaseUrl: `http://127.0.0.1:${port}/ondevice-missing/`,
      });
      const { container } = renderWithClient(client);
      await waitFor(() => expect(container.firstChild).toHaveAttribute('data-state', 'error'), {
        timeout: 30_000,
      });
      expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toMatch(
        /^Failed to load: Could not fetch http:\/\/127\.0\.0\.1:\d+\/ondevice-missing\/.+: HTTP 404/,
      );
    } finally {
      server.close();
    }
  });
});
