import { expect, test } from '@playwright/test';
import { urls } from './ports';

// The static Storybook build (npm run build-storybook), served by e2e/fixtures/storybook-preview.config.ts.
const storybook = urls.storybook;

interface StoryIndex {
  entries: Record<string, { id: string; type: 'story' | 'docs'; title: string; name: string }>;
}

/** Stories that show a failed download on purpose; the browser logs the failed request itself. */
const failsOnPurpose = /error|offline|all-states/;

test('the Storybook build indexes stories for every widget', async ({ request }) => {
  const index = (await (await request.get(`${storybook}/index.json`)).json()) as StoryIndex;
  const titles = new Set(Object.values(index.entries).map((entry) => entry.title));
  expect([...titles].join(' ')).toMatch(/ModelProgress/);
  expect([...titles].join(' ')).toMatch(/SimilarityMatrix/);
});

test('every story renders without console errors', async ({ page, request }) => {
  const index = (await (await request.get(`${storybook}/index.json`)).json()) as StoryIndex;
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  expect(stories.length).toBeGreaterThanOrEqual(8);
  // One page per story, some loading real models: the budget grows with the stories.
  test.setTimeout(60_000 + stories.length * 4_000);
  const problems: string[] = [];
  for (const story of stories) {
    const errors: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (failsOnPurpose.test(story.id) && text.startsWith('Failed to load resource')) return;
      errors.push(text);
    };
    const onPageError = (error: Error) => errors.push(`pageerror: ${error.message}`);
    page.on('console', onConsole);
    page.on('pageerror', onPageError);
    await page.goto(`${storybook}/iframe.html?id=${story.id}&viewMode=story`);
    const root = page.locator('#storybook-root');
    await expect(root, story.id).not.toBeEmpty();
    await expect(page.locator('body'), story.id).not.toHaveClass(/sb-show-errordisplay/);
    // Let stories that load the real model get there (or fail, for the error states).
    await page.waitForLoadState('networkidle');
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    if (errors.length > 0) problems.push(`${story.id}: ${errors.join(' | ')}`);
  }
  expect(problems).toEqual([]);
});

test('the ready story loads the real model and ModelProgress announces it at 100 %', async ({
  page,
  request,
}) => {
  const index = (await (await request.get(`${storybook}/index.json`)).json()) as StoryIndex;
  const ready = Object.values(index.entries).find(
    (entry) =>
      entry.type === 'story' &&
      /modelprogress/i.test(entry.title.replace(/\W/g, '')) &&
      /ready/i.test(entry.name),
  );
  expect(ready, 'a ModelProgress story named "Ready"').toBeDefined();
  await page.goto(`${storybook}/iframe.html?id=${ready?.id}&viewMode=story`);
  const bar = page.getByRole('progressbar').first();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(bar).toHaveAttribute('aria-valuetext', /Ready on \w+/);
  await expect(page.getByRole('status').first()).toHaveText(/Model ready/);
});
