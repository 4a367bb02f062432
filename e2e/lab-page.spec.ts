import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { urls } from './ports';

// The playground's model lab (#/lab), on the dev server, whose Vite config serves the fixture
// models and, when the shared test models are checked out beside the repository, stories260K.
const lab = `${urls.playground}/#/lab`;
const repository = path.resolve(import.meta.dirname, '..');
const storiesPresent = existsSync(
  path.join(repository, '../shared/models/converted/llama2.c-stories260K'),
);
const noStories =
  'skipped: ../shared/models/converted/llama2.c-stories260K (the shared test models) is not checked out beside the repository';
const storyOf60Tokens =
  ', there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

/** Requests to anything but the playground's own server (blob: and data: stay in the page). */
function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${urls.playground}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  return foreign;
}

/** Every `aria-valuetext` the lab's progress bars show, in order (set up before the page loads). */
async function recordProgress(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('recordProgress', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('.lab-summary [role="progressbar"]')) {
        const text = bar.getAttribute('aria-valuetext');
        if (text)
          (window as unknown as { recordProgress(text: string): void }).recordProgress(text);
      }
    }).observe(document, { subtree: true, attributes: true, childList: true });
  });
  return seen;
}

async function loadModel(page: Page, title: string) {
  await page.getByTestId('lab-model').selectOption({ label: title });
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: title, exact: true });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(progress).toHaveAttribute('aria-valuetext', /^Ready on wasm$/);
  await expect(page.getByTestId('lab-chosen-backend')).toHaveText(
    /^wasm \((probe|measurement|remembered), requested auto\)$/,
  );
  await expect(page.getByTestId('lab-memory')).toHaveText(/transformers: 1 model, [\d.]+ [kM]?B/);
}

test.describe('playground model lab', () => {
  test.describe.configure({ timeout: 240_000 });

  test('is linked from the navigation and lists the offline models', async ({ page }) => {
    const foreign = watchForeignRequests(page);
    await page.goto(`${urls.playground}/`);
    await page.getByTestId('nav-lab').click();
    await expect(page).toHaveURL(lab);
    await expect(page.getByTestId('nav-lab')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Model lab' })).toBeVisible();
    const options = await page.getByTestId('lab-model').locator('option').allTextContents();
    expect(options).toEqual(
      expect.arrayContaining([
        'use-lite (built in)',
        'tiny-encoder (fixture)',
        'tiny-sentiment (fixture)',
        'tiny-nli (fixture)',
        'tiny-ner (fixture)',
        storiesPresent
          ? 'stories260K (text generation)'
          : 'stories260K (text generation) — unavailable',
        'Other: a hub id or folder URL…',
      ]),
    );
    // Built-in models have one precision; Transformers.js models offer every dtype.
    await expect(page.getByTestId('lab-dtype')).toBeDisabled();
    await page.getByTestId('lab-model').selectOption({ label: 'tiny-ner (fixture)' });
    await expect(page.getByTestId('lab-dtype')).toBeEnabled();
    expect(await page.getByTestId('lab-dtype').locator('option').allTextContents()).toEqual([
      'auto',
      'fp32',
      'fp16',
      'q8',
      'q4',
    ]);
    expect(foreign).toEqual([]);
  });

  test('loads a fixture model and a generation model with progress and backend, runs their tasks, unloads', async ({
    page,
  }) => {
    const foreign = watchForeignRequests(page);
    const progress = await recordProgress(page);
    await page.goto(lab);

    // A token-classification fixture: entities highlighted in the text.
    await loadModel(page, 'tiny-ner (fixture)');
    expect(progress.some((text) => / of [\d.]+ MB downloaded$/.test(text))).toBe(true);
    await expect(page.getByTestId('lab-task')).toHaveText('transformers, token-classification');
    const marks = page.getByTestId('lab-entities').locator('mark[data-entity-type]');
    await expect(marks).toHaveText(['Alice Johnson', 'Acme Corp', 'Paris']);
    await expect(page.getByTestId('lab-entity-spans').locator('tbody th')).toHaveText([
      'PER',
      'ORG',
      'LOC',
    ]);

    let loaded = 'tiny-ner (fixture)';
    if (storiesPresent) {
      // A generation model, greedy: the reference text, streamed into the output.
      loaded = 'stories260K (text generation)';
      progress.length = 0;
      await loadModel(page, loaded);
      expect(progress.some((text) => /^[\d.]+ of 1\.2 MB downloaded$/.test(text))).toBe(true);
      await expect(page.getByTestId('lab-task')).toHaveText('transformers, text-generation');
      const generation = page.getByTestId('lab-generation');
      await expect(generation.getByRole('textbox', { name: 'Prompt' })).toHaveValue(
        'Once upon a time',
      );
      await generation.getByRole('button', { name: 'Generate' }).click();
      await expect(generation.getByRole('log', { name: 'Generated text' })).toHaveText(
        storyOf60Tokens,
      );
      await expect(page.getByTestId('lab-generation-figures')).toHaveText(
        /^60 tokens \(length\), [\d.]+ tokens\/s, first token after \d+ ms$/,
      );
    } else {
      test.info().annotations.push({ type: 'generation not tried', description: noStories });
    }

    // Unload: memory shows the model gone and its status is back to idle.
    await page.getByTestId('lab-unload').click();
    await expect(page.getByTestId('lab-chosen-backend')).toHaveText('unloaded');
    // The last model in the worker: the worker ended, so its WebAssembly memory went back.
    await expect(page.getByTestId('lab-memory')).toHaveText(
      'nothing held: the worker ended and gave its memory back',
    );
    await expect(page.getByRole('progressbar', { name: loaded, exact: true })).toHaveAttribute(
      'aria-valuetext',
      'Not loaded',
    );
    await expect(page.getByRole('heading', { name: 'Try it' })).toBeHidden();
    expect(foreign).toEqual([]);
  });

  test('stops a generation with the Stop button, keeping the text so far', async ({ page }) => {
    test.skip(!storiesPresent, noStories);
    const foreign = watchForeignRequests(page);
    await page.goto(lab);
    await loadModel(page, 'stories260K (text generation)');
    await page.getByTestId('lab-max-new-tokens').fill('400');
    const generation = page.getByTestId('lab-generation');
    await generation.getByRole('button', { name: 'Generate' }).click();
    const output = generation.getByRole('log', { name: 'Generated text' });
    await expect(output).toHaveText(/^, there was/);
    await generation.getByRole('button', { name: 'Stop' }).click();
    await expect(generation).toHaveAttribute('data-state', 'stopped');
    await expect(output).toHaveText(/^, there was/); // the text so far stays
    // The next generation runs in the same worker: the stop's cancel was read, not timed out.
    await page.getByTestId('lab-max-new-tokens').fill('20');
    await generation.getByRole('button', { name: 'Generate' }).click();
    await expect(generation).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('lab-generation-figures')).toHaveText(/^20 tokens \(length\)/);
    await expect(page.getByTestId('worker')).toHaveText('Web Worker');
    expect(foreign).toEqual([]);
  });
});
