// @vitest-environment node
import { createClient } from '@ondevice/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('server-side rendering', () => {
  it('imports in plain Node and renders every widget and hook to a string', async () => {
    expect(typeof window).toBe('undefined');
    const {
      OnDeviceProvider,
      ModelProgress,
      SimilarityMatrix,
      SentimentBadge,
      SentimentTextarea,
      SmartTags,
      ExplainText,
      GenerateText,
      EntityHighlighter,
      SearchBox,
      RecommendationList,
      ChatPanel,
      RedactionPreview,
      useEmbeddings,
      useDiagnostics,
      useZeroShot,
    } = await import('./index.js');
    function EmbeddingsStatus() {
      const { status } = useEmbeddings(['server text']);
      const diagnostics = useDiagnostics();
      const zeroShot = useZeroShot('server text', { labels: [{ id: 'a', descriptions: ['a'] }] });
      return (
        <p>
          embeddings {status}, zero-shot {zeroShot.status}, worker{' '}
          {String(diagnostics.worker.enabled)}
        </p>
      );
    }
    const client = createClient({ backend: 'wasm' });
    const generator = client.generator({ model: 'converted/llama2.c-stories260K' });
    const recognizer = client.entities({ model: 'Xenova/bert-base-NER' });
    const index = client.searchIndex({ id: 'ssr', fields: ['title'], persist: false });
    const recommender = client.recommender({ id: 'ssr', persist: false });
    const html = renderToString(
      <OnDeviceProvider client={client}>
        <ModelProgress loadOnMount />
        <ModelProgress status={{ status: 'downloading', loaded: 1_000_000, total: 4_000_000 }} />
        <SimilarityMatrix defaultSentences={['One.', 'Two.']} />
        <EmbeddingsStatus />
        <SentimentBadge text="Great support" />
        <SentimentTextarea defaultValue="Still broken" />
        <SmartTags
          text="Refund please"
          classifierId="ssr"
          labels={[{ id: 'billing', descriptions: ['refund'] }]}
        />
        <ExplainText text="Great support" source={{ kind: 'teachable', id: 'ssr' }} />
        <GenerateText generator={generator} defaultPrompt="Once upon a time" />
        <EntityHighlighter text="Alice met Bob" recognizer={recognizer} />
        <SearchBox index={index} defaultQuery="refund" />
        <RecommendationList recommender={recommender} userId="u1" />
        <ChatPanel
          messages={[{ id: 'a', role: 'assistant', text: 'Hi', answeredBy: 'device' }]}
          status="ready"
          onSend={() => {}}
        />
        <RedactionPreview
          text="Mail [EMAIL_1]"
          entities={[{ type: 'EMAIL', start: 5, end: 21, placeholder: '[EMAIL_1]' }]}
        />
      </OnDeviceProvider>,
    );
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuetext="1.0 of 4.0 MB downloaded"');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('<textarea');
    expect(html).toContain('embeddings <!-- -->loading');
    expect(html).toContain('zero-shot <!-- -->loading');
    expect(html).toContain('aria-label="Sentiment: analysing…"');
    expect(html).toContain('role="toolbar"');
    expect(html).toContain('data-ondevice-explain-text=""');
    expect(html).toContain('data-ondevice-generate-text="" data-state="idle"');
    expect(html).toContain('role="log" aria-live="polite" aria-label="Generated text"');
    expect(html).toContain('data-ondevice-entity-highlighter="" data-state="loading"');
    expect(html).toContain('role="search" data-ondevice-search-box="" data-state="loading"');
    expect(html).toContain('role="combobox"');
    expect(html).toContain('data-ondevice-recommendation-list="" data-state="loading"');
    expect(html).toContain('data-ondevice-chat-panel="" data-state="ready"');
    expect(html).toContain('Answered on device');
    expect(html).toContain('data-ondevice-redaction-preview="" data-state="masked"');
    expect(html).toContain('<mark data-part="masked" data-pii-type="EMAIL"');
    // Rendering on the server starts no work: effects never run there.
    expect(client.model().getSnapshot().status).toBe('idle');
    expect(client.embedder().stats().batches).toBe(0);
    expect(client.teachable({ id: 'ssr' }).getSnapshot().examples).toEqual([]);
    expect(client.model(generator.modelId).getSnapshot().status).toBe('idle');
    expect(client.model(recognizer.modelId).getSnapshot().status).toBe('idle');
    // The index's and recommender's code is imported on creation: let it land before teardown.
    await Promise.all([index.ready(), recommender.ready()]);
  });
});
