import { expect, test } from '@playwright/test';
import { urls } from './ports';
import { noStories, stories, storiesPresent, storyOf60Tokens } from './transformers-helpers';

// @ondevice/ai-sdk in Chromium: the AI SDK's streamText and @ai-sdk/react's useChat (over
// OnDeviceChatTransport, no server route) on stories260K in the ondevice worker, served by
// e2e/fixtures/vite.config.ts (`modelFolders`).

test.describe('the AI SDK on an on-device model in Chromium', () => {
  // A cold dev server pre-bundles Transformers.js and the AI SDK on the first load.
  test.describe.configure({ timeout: 240_000 });

  test.beforeEach(async ({ page }) => {
    test.skip(!storiesPresent, noStories);
    await page.goto(`${urls.fixture}/ai-sdk.html`);
    await expect(page.locator('#status')).toHaveText('ready');
  });

  test('streamText streams the reference greedy text from the worker', async ({ page }) => {
    const outcome = await page.evaluate(
      (model) => window.aiSdk.streamWithProvider(model, 'Once upon a time', 60),
      stories,
    );
    expect(outcome.text).toBe(storyOf60Tokens);
    expect(outcome.pieces.join('')).toBe(storyOf60Tokens);
    expect(outcome.pieces.length).toBeGreaterThan(1);
    expect(outcome.finishReason).toBe('length');
    expect(outcome.usage).toMatchObject({ inputTokens: 5, outputTokens: 60 });
    expect(outcome.worker).toMatchObject({ enabled: true, restarts: 0 });
  });

  test('useChat answers in the page over OnDeviceChatTransport', async ({ page }) => {
    const outcome = await page.evaluate(
      (model) => window.aiSdk.chatWithProvider(model, 'Once upon a time', 60),
      stories,
    );
    expect(outcome).toEqual({ status: 'ready', texts: ['Once upon a time', storyOf60Tokens] });
  });
});
