import type { Recommendation, Recommender } from '@ondevice/core';
import {
  RecommendationList,
  type RecommendationListOptions,
  useOnDeviceClient,
  useTrackInteraction,
} from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { templateHistory, templateItems } from './help-centre.js';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

type StoryOptions = Omit<RecommendationListOptions, 'recommender'> & {
  /** Recommend for this signed-in person… */
  userId?: string;
  /** …or for a visitor who looked at these templates (oldest first). */
  session?: readonly string[];
  /**
   * What the recommender knows: the templates only, or also what people used (fitted).
   * @default 'history'
   */
  knows?: 'items' | 'history';
};

/** Recommenders already being filled: several lists of a page share one (same client, same id). */
const filling = new WeakMap<Recommender, Promise<void>>();

/**
 * A real recommender of the story's client: the templates added on mount (their texts embedded
 * in the worker), then, unless `knows` is 'items', what 32 people used, and a fit.
 */
function useTemplateRecommender(id: string, knows: 'items' | 'history'): Recommender {
  const client = useOnDeviceClient();
  const recommender = client.recommender({ id, persist: false });
  useEffect(() => {
    if (filling.has(recommender)) return;
    const fill = async () => {
      await recommender.addItems(templateItems);
      if (knows === 'items') return;
      await recommender.track(templateHistory);
      await recommender.fit();
    };
    // A failure shows in the list (the model's status); nothing else to do with it here.
    filling.set(
      recommender,
      fill().catch(() => {}),
    );
  }, [recommender, knows]);
  return recommender;
}

/**
 * Templates recommended for a person or a visitor; choosing one records that they used it
 * (`useTrackInteraction`), and the list follows at once.
 */
function TemplatePicks({ userId, session, knows = 'history', ...props }: StoryOptions) {
  const recommender = useTemplateRecommender(`story-templates-${knows}`, knows);
  const track = useTrackInteraction(recommender);
  const [history, setHistory] = useState<readonly string[]>(session ?? []);
  const [used, setUsed] = useState<Recommendation | null>(null);
  const onSelect = (pick: Recommendation) => {
    setUsed(pick);
    if (userId !== undefined) {
      void track({ userId, itemId: pick.itemId, type: 'used' });
    } else {
      setHistory((before) => [...before, pick.itemId]);
    }
  };
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      {session === undefined ? (
        <RecommendationList
          recommender={recommender}
          userId={userId ?? ''}
          onSelect={onSelect}
          {...props}
        />
      ) : (
        <RecommendationList
          recommender={recommender}
          session={history}
          onSelect={onSelect}
          {...props}
        />
      )}
      {used && (
        <p style={{ margin: 0 }}>
          Used “{used.item?.title ?? used.itemId}”: the list has been recommended again.
        </p>
      )}
    </div>
  );
}

/** A fresh client on every mount, so its model loads again: "Load again" replays the loading. */
function LoadingPicks(props: StoryOptions) {
  const [round, setRound] = useState(0);
  return (
    <div style={{ display: 'grid', gap: '0.75rem', justifyItems: 'start' }}>
      <StoryClient key={round}>
        <TemplatePicks {...props} />
      </StoryClient>
      <button type="button" onClick={() => setRound((value) => value + 1)}>
        Load again
      </button>
    </div>
  );
}

const meta = {
  title: 'Widgets/RecommendationList',
  component: TemplatePicks,
  args: { userId: 'person-0', k: 4, label: 'Templates for you' },
  decorators: [withStoryClient()],
} satisfies Meta<typeof TemplatePicks>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * The model loading on a fresh client: the templates wait to be embedded, then the list
 * appears (press "Load again" to watch it again; a second load is quicker, from the cache).
 */
export const Loading: Story = {
  name: 'Loading with progress',
  render: (args) => <LoadingPicks {...args} />,
};

/**
 * A person who used a quote and a contract: what people used next, each with why. Choose a
 * template to record that they used it and watch the list follow.
 */
export const Ready: Story = {};

/** A visitor with no account, from the templates of this session. */
export const Session: Story = {
  name: 'Ready (visitor session)',
  args: { userId: undefined, session: ['tpl-onboarding'], label: 'You might also like' },
};

/** A new workspace: the templates are there, but nobody has used any yet. */
export const Empty: Story = { args: { knows: 'items' } };

/** The model cannot be loaded (nothing is served at the asset URL): templates cannot be added. */
export const Error: Story = {
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** The model's server cannot be reached. */
export const Offline: Story = {
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Every state on one page, each with its own real client. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '1.5rem 1rem' }}>
      <dt>Idle (nobody signed in)</dt>
      <dd>
        <TemplatePicks {...args} userId="" label="Idle" />
      </dd>
      <dt>Loading</dt>
      <dd>
        <LoadingPicks {...args} label="Loading" />
      </dd>
      <StoryClient>
        <dt>Ready</dt>
        <dd>
          <TemplatePicks {...args} label="Ready" />
        </dd>
        <dt>Ready (visitor)</dt>
        <dd>
          <TemplatePicks {...args} userId={undefined} session={['tpl-roadmap']} label="Visitor" />
        </dd>
        <dt>Empty</dt>
        <dd>
          <TemplatePicks {...args} knows="items" label="Empty" />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <dt>Error</dt>
        <dd>
          <TemplatePicks {...args} label="Error" />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <dt>Offline</dt>
        <dd>
          <TemplatePicks {...args} label="Offline" />
        </dd>
      </StoryClient>
    </dl>
  ),
};
