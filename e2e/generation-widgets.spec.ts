import { existsSync } from 'node:fs';
import { type Locator, type Page, expect, test } from '@playwright/test';
import { urls } from './ports';

// <GenerateText> and <EntityHighlighter> in the static Storybook build (npm run build-storybook),
// served by e2e/fixtures/storybook-preview.config.ts. The real-model stories run stories260K and
// the tiny-ner fixture, which stories/.storybook/main.ts emits under /ondevice-story-models/.
const storybook = urls.storybook;
const storyModels = 'storybook-static/ondevice-story-models/models';
const hasStories = existsSync(`${storyModels}/converted/llama2.c-stories260K/config.json`);
const hasNer = existsSync(`${storyModels}/ondevice-fixtures/tiny-ner/config.json`);
const missing = (what: string) =>
  `${what} is not in storybook-static (missing when Storybook was built; see stories/story-models.ts)`;

/**
 * Opens a story and records every request the page makes, so a test can check that none leaves
 * this machine (the model, the wasm and the page all come from the local preview server; the
 * offline stories aim at 127.0.0.1:9 on purpose).
 */
async function openStory(page: Page, id: string) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${storybook}/iframe.html?id=${id}&viewMode=story`);
  await expect(page.locator('#storybook-root')).not.toBeEmpty();
  return {
    offMachine: () =>
      requests.filter((url) => {
        if (/^(data|blob):/.test(url)) return false;
        return !['127.0.0.1', 'localhost'].includes(new URL(url).hostname);
      }),
    errors,
  };
}

/** The parts of the first (or given) `<GenerateText>`. */
function generateText(scope: Locator) {
  return {
    root: scope,
    prompt: scope.getByRole('textbox', { name: 'Prompt' }),
    generate: scope.getByRole('button', { name: 'Generate' }),
    stop: scope.getByRole('button', { name: 'Stop' }),
    output: scope.getByRole('log', { name: 'Generated text' }),
    status: scope.locator('[data-part="status"]'),
  };
}

/** Records every `data-state` the element takes from now on, in the page. */
async function recordStates(root: Locator) {
  await root.evaluate((element) => {
    const seen: string[] = [element.getAttribute('data-state') ?? ''];
    (element as unknown as { seenStates: string[] }).seenStates = seen;
    new MutationObserver(() => seen.push(element.getAttribute('data-state') ?? '')).observe(
      element,
      { attributes: true, attributeFilter: ['data-state'] },
    );
  });
  return () =>
    root.evaluate((element) => (element as unknown as { seenStates: string[] }).seenStates);
}

test.describe('<GenerateText> in Storybook', () => {
  test('controlled states: download progress, streaming, stopped, with the right ARIA', async ({
    page,
  }) => {
    const loading = await openStory(page, 'widgets-generatetext--loading');
    const widget = generateText(page.locator('[data-ondevice-generate-text]'));
    await expect(widget.root).toHaveAttribute('data-state', 'loading');
    const bar = page.getByRole('progressbar', { name: 'Text generation model' });
    await expect(bar).toHaveAttribute('aria-valuenow', /^4[12]$/);
    await expect(bar).toHaveAttribute('aria-valuetext', /^0\.5 of 1\.2 MB downloaded$/);
    await expect(widget.status).toHaveText('Downloading the model…');
    await expect(widget.status).toHaveAttribute('role', 'status');
    await expect(widget.output).toHaveAttribute('aria-live', 'polite');
    await expect(widget.output).toHaveAttribute('aria-busy', 'true');
    await expect(widget.generate).toBeDisabled();
    await expect(widget.stop).toBeEnabled();
    expect(loading.offMachine()).toEqual([]);

    await openStory(page, 'widgets-generatetext--generating');
    await expect(widget.root).toHaveAttribute('data-state', 'generating');
    await expect(widget.output).toHaveText(/^, there was a little girl named Lily/);
    await expect(widget.status).toHaveText('Generating…');
    await expect(widget.stop).toBeEnabled();
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    await openStory(page, 'widgets-generatetext--stopped');
    await expect(widget.root).toHaveAttribute('data-state', 'stopped');
    await expect(widget.output).toHaveText(/^, there was/);
    await expect(widget.status).toHaveText('Stopped.');
    await expect(widget.stop).toBeDisabled();
    await expect(widget.generate).toBeEnabled();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the real model streams a story into the polite log, entirely on this machine', async ({
    page,
  }) => {
    test.skip(!hasStories, missing('stories260K'));
    const story = await openStory(page, 'widgets-generatetext--idle');
    const widget = generateText(page.locator('[data-ondevice-generate-text]'));
    await expect(widget.root).toHaveAttribute('data-state', 'idle');
    await expect(widget.prompt).toHaveValue('Once upon a time');
    await expect(widget.stop).toBeDisabled();
    await expect(widget.output).toBeEmpty();
    const states = await recordStates(widget.root);
    await widget.generate.click();
    await expect(widget.root).toHaveAttribute('data-state', 'done');
    expect(await states()).toEqual(['idle', 'loading', 'generating', 'done']);
    // Greedy decoding: the model's documented story, word for word.
    await expect(widget.output).toHaveText(
      /^, there was a little girl named Lily\. She loved to play outside in the park\./,
    );
    await expect(widget.output).not.toHaveAttribute('aria-busy');
    await expect(widget.status).toHaveText(
      /^Done: \d+ tokens( \(the token limit\))? in \d+\.\d s\.$/,
    );
    await expect(widget.stop).toBeDisabled();
    await expect(widget.generate).toBeEnabled();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(story.offMachine()).toEqual([]);
    expect(story.errors).toEqual([]);
  });

  test('Stop is enabled only while running, stops mid-stream keeping the text, and keeps focus', async ({
    page,
  }) => {
    test.skip(!hasStories, missing('stories260K'));
    const story = await openStory(page, 'widgets-generatetext--idle');
    const widget = generateText(page.locator('[data-ondevice-generate-text]'));
    await widget.prompt.fill('The dog');

    // A keyboard user: Generate's click hands focus to Stop (Generate turns disabled), and Enter
    // on Stop stops at once, whether the model is still loading or already streaming.
    await widget.generate.click();
    await expect(widget.stop).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(widget.root).toHaveAttribute('data-state', 'stopped');
    await expect(widget.status).toHaveText('Stopped.');
    await expect(widget.stop).toBeDisabled();
    await expect(widget.generate).toBeFocused();

    // Mid-stream: stop at the first piece of text (the page clicks Stop as the state changes,
    // sooner than a test could), then check that no more text arrives.
    await widget.prompt.fill('Once upon a time');
    await widget.root.evaluate((element) => {
      new MutationObserver((_records, observer) => {
        if (element.getAttribute('data-state') !== 'generating') return;
        observer.disconnect();
        element.querySelector<HTMLButtonElement>('[data-part="stop"]')?.click();
      }).observe(element, { attributes: true, attributeFilter: ['data-state'] });
    });
    await widget.generate.click();
    await expect(widget.root).toHaveAttribute('data-state', 'stopped');
    const kept = await widget.output.textContent();
    expect(kept?.length).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await expect(widget.output).toHaveText(kept ?? '');
    await expect(widget.stop).toBeDisabled();
    await expect(widget.generate).toBeEnabled();

    // And again to the end: the stopped text is replaced, not appended to.
    await widget.generate.click();
    await expect(widget.root).toHaveAttribute('data-state', 'done');
    await expect(widget.output).toHaveText(/^, there was a little girl named Lily/);
    expect(story.offMachine()).toEqual([]);
  });

  test('a model that cannot be loaded, or reached, is an alert', async ({ page }) => {
    await openStory(page, 'widgets-generatetext--error');
    const widget = generateText(page.locator('[data-ondevice-generate-text]'));
    await expect(widget.root).toHaveAttribute('data-state', 'error');
    await expect(page.getByRole('alert')).toHaveText(/^Could not generate: .+/);
    await expect(widget.stop).toBeDisabled();

    const offline = await openStory(page, 'widgets-generatetext--offline');
    await expect(widget.root).toHaveAttribute('data-state', 'offline');
    await expect(page.getByRole('alert')).toHaveText(
      'Could not generate: the model is unavailable offline.',
    );
    expect(offline.offMachine()).toEqual([]);
  });

  test('"All states" shows every state on one page', async ({ page }) => {
    const story = await openStory(page, 'widgets-generatetext--all-states');
    const roots = page.locator('[data-ondevice-generate-text]');
    await expect(roots).toHaveCount(8);
    const expected = ['idle', 'loading', 'generating', 'done', 'stopped'];
    expected.push(hasStories ? 'done' : 'error', 'error', 'offline');
    for (const [index, state] of expected.entries()) {
      await expect(roots.nth(index)).toHaveAttribute('data-state', state);
    }
    expect(story.offMachine()).toEqual([]);
  });
});

test.describe('<EntityHighlighter> in Storybook', () => {
  test('the real fixture model marks names, places and organisations, with a legend and a text alternative', async ({
    page,
  }) => {
    test.skip(!hasNer, missing('tiny-ner'));
    const story = await openStory(page, 'widgets-entityhighlighter--ready');
    const root = page.locator('[data-ondevice-entity-highlighter]');
    await expect(root).toHaveAttribute('data-state', 'ready');
    const marks = root.locator('mark[data-part="entity"]');
    await expect(marks).toHaveText(['Alice Johnson', 'Acme Corp', 'Bob', 'London', 'French']);
    expect(
      await marks.evaluateAll((elements) =>
        elements.map((mark) => [mark.getAttribute('data-entity-type'), mark.getAttribute('title')]),
      ),
    ).toEqual([
      ['PER', 'Alice Johnson, person'],
      ['ORG', 'Acme Corp, organization'],
      ['PER', 'Bob, person'],
      ['LOC', 'London, location'],
      ['MISC', 'French, miscellaneous'],
    ]);
    await expect(page.getByTitle('Alice Johnson, person')).toBeVisible();
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend.getByRole('listitem')).toHaveText([
      /person$/,
      /organization$/,
      /location$/,
      /miscellaneous$/,
    ]);
    const summary = root.locator('[data-part="summary"]');
    await expect(summary).toHaveText(
      'Entities: Alice Johnson (person), Acme Corp (organization), Bob (person), London (location), French (miscellaneous).',
    );
    // Visually hidden by the theme, still read: a 1 px clipped box, not display: none.
    const box = await summary.evaluate((element) => {
      const style = getComputedStyle(element);
      return { width: style.width, position: style.position, display: style.display };
    });
    expect(box).toEqual({ width: '1px', position: 'absolute', display: 'block' });
    // The highlighted text still reads as written.
    await expect(root.locator('[data-part="text"]')).toHaveText(
      'Alice Johnson of Acme Corp met Bob in London, and they spoke French all day',
    );
    expect(story.offMachine()).toEqual([]);
    expect(story.errors).toEqual([]);
  });

  test('precomputed spans, loading and failures', async ({ page }) => {
    await openStory(page, 'widgets-entityhighlighter--precomputed');
    const root = page.locator('[data-ondevice-entity-highlighter]');
    await expect(root).toHaveAttribute('data-state', 'ready');
    await expect(root.locator('mark')).toHaveCount(5);
    await expect(page.getByTitle('3 May, DATE')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText([
      'DATE DATE',
      'PER person',
      'ORG organization',
      'LOC location',
    ]);

    await openStory(page, 'widgets-entityhighlighter--loading');
    await expect(root).toHaveAttribute('data-state', 'loading');
    await expect(root).toHaveAttribute('aria-busy', 'true');
    await expect(root.locator('[data-part="loading"]')).toHaveText('Loading the model, 42 %…');
    await expect(root.locator('mark')).toHaveCount(0);

    await openStory(page, 'widgets-entityhighlighter--error');
    await expect(root).toHaveAttribute('data-state', 'error');
    await expect(page.getByRole('alert')).toHaveText(/^Could not find entities: .+/);

    const offline = await openStory(page, 'widgets-entityhighlighter--offline');
    await expect(root).toHaveAttribute('data-state', 'offline');
    await expect(page.getByRole('alert')).toHaveText(
      'Could not find entities: the model is unavailable offline.',
    );
    expect(offline.offMachine()).toEqual([]);
  });

  test('"All states" shows every state on one page', async ({ page }) => {
    const story = await openStory(page, 'widgets-entityhighlighter--all-states');
    const roots = page.locator('[data-ondevice-entity-highlighter]');
    await expect(roots).toHaveCount(6);
    const expected = ['idle', 'loading', 'ready', hasNer ? 'ready' : 'error', 'error', 'offline'];
    for (const [index, state] of expected.entries()) {
      await expect(roots.nth(index)).toHaveAttribute('data-state', state);
    }
    expect(story.offMachine()).toEqual([]);
  });
});
