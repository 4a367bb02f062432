// @vitest-environment node
import { createClient } from '@ondevice/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('server-side rendering', () => {
  it('imports in plain Node and renders every widget and hook to a string', async () => {
    expect(typeof window).toBe('undefined');
    const { OnDeviceProvider, ModelProgress, SimilarityMatrix, useEmbeddings, useDiagnostics } =
      await import('./index.js');
    function EmbeddingsStatus() {
      const { status } = useEmbeddings(['server text']);
      const diagnostics = useDiagnostics();
      return (
        <p>
          embeddings {status}, worker {String(diagnostics.worker.enabled)}
        </p>
      );
    }
    const client = createClient({ backend: 'wasm' });
    const html = renderToString(
      <OnDeviceProvider client={client}>
        <ModelProgress loadOnMount />
        <ModelProgress status={{ status: 'downloading', loaded: 1_000_000, total: 4_000_000 }} />
        <SimilarityMatrix defaultSentences={['One.', 'Two.']} />
        <EmbeddingsStatus />
      </OnDeviceProvider>,
    );
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuetext="1.0 of 4.0 MB downloaded"');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('<textarea');
    expect(html).toContain('embeddings <!-- -->loading');
    // Rendering on the server starts no work: effects never run there.
    expect(client.model().getSnapshot().status).toBe('idle');
    expect(client.embedder().stats().batches).toBe(0);
  });
});
