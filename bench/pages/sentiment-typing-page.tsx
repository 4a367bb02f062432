import { createClient } from '@ondevice/core';
import { OnDeviceProvider, SentimentTextarea } from '@ondevice/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { TypingRecord, TypingSetup } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { type TypedWidget, recordTyping } from './typing-recorder.js';

// Keystroke-to-badge latency of <SentimentTextarea> as an app renders it: the default client,
// the provider, the widget. bench/node/measure-typing.ts types into it with Playwright.

/** The widget's debounce, passed explicitly so the report names it exactly (its default, 50). */
const debounceMs = 50;

const client = createClient();
let widget: TypedWidget | undefined;
let stop: (() => Promise<TypingRecord>) | undefined;

async function prepare(): Promise<TypingSetup> {
  // Warm-up: load the model and run it once, as in a page that has been open a while.
  const warm = await client.sentiment().analyze('The order arrived on time.');
  const container = document.getElementById('root') as HTMLElement;
  flushSync(() =>
    createRoot(container).render(
      <StrictMode>
        <OnDeviceProvider client={client}>
          <SentimentTextarea label="Message" debounceMs={debounceMs} />
        </OnDeviceProvider>
      </StrictMode>,
    ),
  );
  const root = container.querySelector('[data-ondevice-sentiment-textarea]') as HTMLElement;
  const field = root.querySelector('textarea') as HTMLTextAreaElement;
  // The root's data-state mirrors the badge: `ready` only once the result is for the current
  // text (while a newer text computes it is `loading`, the previous result still shown).
  widget = { field, watch: root, badgeIsCurrent: () => root.dataset.state === 'ready' };
  const diagnostics = client.diagnostics();
  return {
    widget: 'SentimentTextarea',
    debounceMs,
    backend: diagnostics.backend.selection?.chosen ?? 'unknown',
    worker: diagnostics.worker.enabled,
    warmLabel: warm.label,
  };
}

function start(): Promise<void> {
  if (!widget) return Promise.reject(new Error('call prepare() first'));
  widget.field.focus();
  stop = recordTyping(widget);
  return Promise.resolve();
}

exposeBench({
  prepare,
  start,
  stop: () => (stop ? stop() : Promise.reject(new Error('call start() first'))),
});
