import '@testing-library/jest-dom/vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OnDeviceClient, type Recommender, createClient } from '@ondevice/core';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTrackInteraction } from '../hooks/use-track-interaction.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import { templateHistory, templates } from '../test-support/templates.test.support.js';
import { RecommendationList } from './recommendation-list.js';

afterEach(cleanup);

// A real recommender: USE-lite embeddings (tfjs wasm) of the item texts, kept in memory.
const client = createClient({ backend: 'wasm' });
// Embeddings run in this thread: on a busy machine, allow more than a second for a result.
configure({ asyncUtilTimeout: 30_000 });
afterAll(() => client.dispose());
const withClient = (children: ReactNode, owner: OnDeviceClient = client) => (
  <OnDeviceProvider client={owner}>{children}</OnDeviceProvider>
);

let next = 0;
const emptyRecommender = (owner: OnDeviceClient = client) =>
  owner.recommender({ id: `recommendation-list-${(next += 1)}`, persist: false });
async function filledRecommender() {
  const recommender = emptyRecommender();
  await recommender.addItems(templates);
  await recommender.track(templateHistory);
  return recommender;
}

const rootOf = (element: HTMLElement) =>
  element.closest('[data-ondevice-recommendation-list]') as HTMLElement;
const hasState = (root: HTMLElement, state: string) =>
  waitFor(() => expect(root).toHaveAttribute('data-state', state), { timeout: 60_000 });

describe('<RecommendationList> (real recommender)', () => {
  it('lists items with their reasons, each reason describing its item', async () => {
    const ref = createRef<HTMLDivElement>();
    render(
      withClient(
        <RecommendationList
          ref={ref}
          recommender={await filledRecommender()}
          session={['quote']}
          k={2}
        />,
      ),
    );
    const root = ref.current as HTMLElement;
    await hasState(root, 'ready');
    const list = screen.getByRole('list', { name: 'Recommended for you' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute('data-item-id', 'invoice');
    expect(items[0]).toHaveAttribute('data-reason-kind', expect.stringMatching(/because|similar/));
    const reason = items[0]?.querySelector('[data-part="reason"]') as HTMLElement;
    expect(reason).toBeVisible();
    expect(reason.textContent).toMatch(/Quote template/);
    expect(items[0]).toHaveAccessibleDescription(reason.textContent as string);
    expect(within(items[0] as HTMLElement).getByText('Invoice template')).toBeVisible();
  });

  it('makes items buttons with onSelect, and follows a tracked click', async () => {
    const user = userEvent.setup();
    const recommender = await filledRecommender();
    const onSelect = vi.fn();
    function Picks() {
      const track = useTrackInteraction(recommender);
      return (
        <RecommendationList
          recommender={recommender}
          userId="newcomer"
          k={3}
          label="Templates for you"
          onSelect={(pick) => {
            onSelect(pick);
            void track({ userId: 'newcomer', itemId: pick.itemId, type: 'used' });
          }}
        />
      );
    }
    render(withClient(<Picks />));
    const root = rootOf(screen.getByText('Templates for you'));
    await hasState(root, 'ready');
    const buttons = within(root).getAllByRole('button');
    expect(buttons).toHaveLength(3);
    for (const button of buttons) expect(button).toHaveAccessibleDescription('Popular right now');

    const quote = within(root).getByRole('button', { name: 'Quote template' });
    await user.click(quote);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ itemId: 'quote' }));
    await waitFor(() =>
      expect(
        within(root).getByRole('button', { name: 'Invoice template' }),
      ).toHaveAccessibleDescription(/Quote template/),
    );
    expect(within(root).queryByRole('button', { name: 'Quote template' })).toBeNull();
    within(root).getAllByRole('button')[0]?.focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('draws items with renderItem and reasons with formatReason', async () => {
    render(
      withClient(
        <RecommendationList
          recommender={await filledRecommender()}
          session={['onboarding']}
          k={1}
          renderItem={(pick) => <strong>{pick.item?.title?.toUpperCase()}</strong>}
          formatReason={(reason) => `(${reason.kind})`}
        />,
      ),
    );
    const root = rootOf(screen.getByText('Recommended for you'));
    await hasState(root, 'ready');
    const item = within(root).getByRole('listitem');
    expect(within(item).getByText('OFFBOARDING CHECKLIST').tagName).toBe('STRONG');
    expect(item).toHaveAccessibleDescription(/^\((because|similar)\)$/);
  });

  it('is idle without a user, loading while the model loads, empty with nothing to go on', async () => {
    // A client of its own: its model loads while the items wait to be embedded.
    const fresh = createClient({ backend: 'wasm' });
    const recommender = emptyRecommender(fresh);
    const { rerender } = render(
      withClient(<RecommendationList recommender={recommender} userId="" />, fresh),
    );
    const root = rootOf(screen.getByText('Recommended for you'));
    expect(root).toHaveAttribute('data-state', 'idle');
    expect(screen.getByText('Recommendations appear once someone is signed in.')).toBeVisible();
    rerender(withClient(<RecommendationList recommender={recommender} userId="u1" />, fresh));
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(screen.getByText('Finding recommendations…')).toBeVisible();
    const adding = recommender.addItems(templates);
    await waitFor(() =>
      expect(root.querySelector('[data-part="loading"]')).toHaveTextContent(
        /Loading the model|Preparing the model/,
      ),
    );
    expect(root).toHaveAttribute('data-state', 'loading');
    await adding;
    // Items, but nobody used any yet: nothing to go on.
    await hasState(root, 'empty');
    expect(screen.getByText(/Nothing to recommend yet/)).toBeVisible();
    expect(screen.queryByRole('list')).toBeNull();
    fresh.dispose();
  });

  it('shows a typed error as an alert', async () => {
    render(
      withClient(<RecommendationList recommender={await filledRecommender()} userId="u0" k={0} />),
    );
    const root = rootOf(screen.getByText('Recommended for you'));
    await hasState(root, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not recommend: .*k/);
  });
});

describe('<RecommendationList> when the model cannot load', () => {
  const server = createServer((_, response) => response.writeHead(404).end('not here'));
  let missingAssets = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    missingAssets = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** The items cannot be added: their texts cannot be embedded without the model. */
  async function unfilled(owner: OnDeviceClient): Promise<Recommender> {
    const recommender = emptyRecommender(owner);
    await expect(recommender.addItems(templates)).rejects.toMatchObject({ code: 'model-load' });
    return recommender;
  }

  it('reads offline when the network is down', async () => {
    const offline = createClient({
      backend: 'wasm',
      assetBaseUrl: 'http://127.0.0.1:9/',
      network: { retries: 0 },
    });
    render(
      withClient(<RecommendationList recommender={await unfilled(offline)} userId="u1" />, offline),
    );
    const root = rootOf(screen.getByText('Recommended for you'));
    await hasState(root, 'offline');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not recommend: the model is unavailable offline.',
    );
    offline.dispose();
  });

  it('shows the model load error when the server answers without the model', async () => {
    const broken = createClient({ backend: 'wasm', assetBaseUrl: missingAssets });
    render(
      withClient(<RecommendationList recommender={await unfilled(broken)} userId="u1" />, broken),
    );
    const root = rootOf(screen.getByText('Recommended for you'));
    await hasState(root, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not recommend: .*404/);
    broken.dispose();
  });
});
