import { existsSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type Page, expect, test } from '@playwright/test';
import { urls } from './ports';

// The playground's support assistant (#/assistant). The dev server starts the LLM proxy beside it
// (stories260K as its `local` model) when the shared test models are checked out beside the
// repository, and forwards /v1 to it; the production build has no proxy.
const assistant = `${urls.playground}/#/assistant`;
const repository = path.resolve(import.meta.dirname, '..');
const storiesPresent = existsSync(
  path.join(repository, '../shared/models/converted/llama2.c-stories260K'),
);
const noStories =
  'skipped: ../shared/models/converted/llama2.c-stories260K (the shared test models) is not checked out beside the repository, so the dev server starts no LLM proxy';

/** t04's personal data: the customer (sign-off and greeting), a colleague and her address. */
const personalData = ['Marcus', 'Lee', 'Dana', 'Whitfield', 'dana.whitfield@quayside.example'];

/** Lets through only this machine: anything else is aborted and listed. */
async function blockTheNetwork(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (!/^https?:$/.test(url.protocol) || ['127.0.0.1', 'localhost'].includes(url.hostname))
      return route.continue();
    outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  return outside;
}

/** The bodies of the page's requests to the proxy's chat completions. */
function recordCompletions(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/chat/completions')
      bodies.push(request.postData() ?? '');
  });
  return bodies;
}

/** Waits until the proxy answers through the dev server (it starts beside it, in the background). */
async function waitForProxy(page: Page) {
  await expect
    .poll(
      async () =>
        (
          await page.request.get(`${urls.playground}/v1/models`, {
            headers: { authorization: 'Bearer ondevice-dev' },
          })
        ).status(),
      { timeout: 60_000 },
    )
    .toBe(200);
}

async function draftReply(page: Page, ticketId: string) {
  await page.getByTestId('assistant-ticket').selectOption(ticketId);
  await page.getByRole('button', { name: 'Draft a reply' }).click();
}

const answers = (page: Page) =>
  page.getByTestId('assistant-chat').locator('[data-part="message"][data-role="assistant"]');

test.describe('playground support assistant', () => {
  test.describe.configure({ timeout: 180_000 });

  test('answers a confident ticket on the device, with the network blocked but for this machine', async ({
    page,
    context,
  }) => {
    const outside = await blockTheNetwork(context);
    const completions = recordCompletions(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${urls.playground}/`);
    await page.getByTestId('nav-assistant').click();
    await expect(page).toHaveURL(assistant);
    await expect(page.getByTestId('nav-assistant')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: 'Support assistant' })).toBeVisible();
    await expect(page.getByTestId('assistant-model-note')).toContainText(
      'writes children’s stories, not support replies',
    );

    await draftReply(page, 't02'); // "Locked out after password reset": login, 99 % sure
    const answer = answers(page).last();
    await expect(answer.locator('[data-part="badge-text"]')).toHaveText('Answered on device');
    await expect(answer).toHaveAttribute('data-answered-by', 'device');
    await expect(answer.locator('[data-part="reason"]')).toHaveText(
      /^Confident: the intent classifier is \d+ % sure, at or over the policy's 75 %\.$/,
    );
    await expect(answer.locator('[data-part="text"]')).toContainText('Intent: login (');
    await expect(answer.locator('[data-part="text"]')).toContainText('Sentiment: negative (');
    await expect(answer.locator('[data-part="text"]')).toContainText(
      'Suggested reply:\nHi Tomás, sorry you cannot get in.',
    );
    await expect(page.getByTestId('assistant-chat')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('assistant-preview')).toBeHidden();
    expect(completions).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('escalates an unsure ticket: shows the redacted prompt, sends only that, streams the answer from the proxy and its usage', async ({
    page,
  }) => {
    test.skip(!storiesPresent, noStories);
    const completions = recordCompletions(page);
    await waitForProxy(page);
    await page.goto(assistant);
    await expect(page.getByTestId('assistant-proxy')).toHaveAttribute('data-state', 'available');

    await draftReply(page, 't04'); // "Scheduled reports by Slack?": no intent is 75 % sure
    const analysis = answers(page).first();
    await expect(analysis).toHaveAttribute('data-answered-by', 'device');
    await expect(analysis.locator('[data-part="text"]')).toContainText(
      /The reply goes to a larger model\. Not confident: the intent classifier is \d+ % sure/,
    );

    const preview = page.getByTestId('assistant-preview');
    await expect(
      page.getByRole('heading', { name: 'Check what leaves this device' }),
    ).toBeFocused();
    const outgoing = preview.getByRole('region', {
      name: 'Text that will be sent to the LLM proxy',
    });
    await expect(outgoing).toContainText('[EMAIL_1]');
    await expect(outgoing).toContainText('[PERSON_1]');
    await expect(outgoing).toContainText('Dear [PERSON_2]');
    const masked = outgoing.locator('mark[data-part="masked"]');
    await expect(masked).toHaveCount(4);
    expect(await masked.evaluateAll((marks) => marks.map((mark) => mark.dataset.piiType))).toEqual([
      'PERSON',
      'EMAIL',
      'PERSON',
      'PERSON',
    ]);
    for (const value of personalData) await expect(outgoing).not.toContainText(value);
    expect(completions).toEqual([]); // nothing leaves before the confirmation

    await preview.getByRole('button', { name: 'Send to the proxy' }).click();
    const answer = answers(page).nth(1);
    await expect(answer.locator('[data-part="badge-text"]')).toHaveText('Answered by the cloud');
    await expect(answer.locator('[data-part="reason"]')).toHaveText(/^Not confident: /);
    await expect(page.getByTestId('assistant-chat')).toHaveAttribute('data-state', 'ready');
    await expect(answer.locator('[data-part="text"]')).not.toHaveText('');
    await expect(page.getByTestId('assistant-usage')).toHaveText(
      /^Tenant "dev" today \(\d{4}-\d\d-\d\d, UTC\): [\d,]+ tokens \([\d,]+ prompt, [\d,]+ answer\) in [\d,]+ requests?\.$/,
    );

    // What the proxy received: the placeholders, none of the values.
    expect(completions).toHaveLength(1);
    const body = JSON.parse(completions[0]!) as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('local');
    const sent = body.messages.map((message) => message.content).join('\n');
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toMatch(/Best regards,\n\[PERSON_2\]\n\nReply:\nDear \[PERSON_2\],$/);
    for (const value of personalData) expect(sent).not.toContain(value);
  });

  test('a free-form draft escalates however confident the intent; Cancel sends nothing, Stop ends a request on its way', async ({
    page,
  }) => {
    test.skip(!storiesPresent, noStories);
    const completions = recordCompletions(page);
    await waitForProxy(page);
    await page.goto(assistant);
    await page.getByTestId('assistant-ticket').selectOption('t02');
    const composer = page.getByRole('textbox', { name: /Ask for a free-form draft/ });
    await composer.fill('Apologise and offer a call.');
    await composer.press('Enter');
    const preview = page.getByTestId('assistant-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByRole('region')).toContainText('Request: Apologise and offer a call.');
    await preview.getByRole('button', { name: 'Don’t send' }).click();
    await expect(preview).toBeHidden();
    const log = page.getByRole('log', { name: 'Drafts' });
    await expect(log).toContainText('Cancelled: nothing left this device.');
    expect(completions).toEqual([]);

    // Held at the network: Stop aborts the request before any answer.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/v1/chat/completions', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    await composer.fill('Apologise and offer a call.');
    await composer.press('Enter');
    await preview.getByRole('button', { name: 'Send to the proxy' }).click();
    await expect(page.getByTestId('assistant-chat')).toHaveAttribute('data-state', 'submitted');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(log).toContainText('Stopped: the draft so far stays.');
    await expect(page.getByTestId('assistant-chat')).toHaveAttribute('data-state', 'ready');
    release();
  });

  test('the production build has no proxy: it says so, and the device still answers', async ({
    page,
  }) => {
    const completions = recordCompletions(page);
    await page.goto(`${urls.preview}/#/assistant`);
    await expect(page.getByTestId('assistant-proxy')).toHaveAttribute('data-state', 'unavailable');
    await expect(page.getByTestId('assistant-proxy')).toContainText(
      'unavailable, because this is the production build',
    );
    await draftReply(page, 't02');
    await expect(answers(page).last().locator('[data-part="badge-text"]')).toHaveText(
      'Answered on device',
    );
    await draftReply(page, 't04');
    await expect(page.getByRole('log', { name: 'Drafts' })).toContainText(
      'Not sent: this draft needs the LLM proxy, which is unavailable: this is the production build',
    );
    await expect(page.getByTestId('assistant-preview')).toBeHidden();
    expect(completions).toEqual([]);
  });
});
