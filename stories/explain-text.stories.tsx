import { getModelManifest, manifestBytes } from '@ondevice/core';
import { ExplainText } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';
import { formatIntent, storyTickets, supportIntents } from './support-intents.js';

const totalBytes = manifestBytes(getModelManifest('use-lite'));
const review = 'The new dashboard is great, but the exports are painfully slow and keep failing.';

const meta = {
  title: 'Widgets/ExplainText',
  component: ExplainText,
  args: { text: review },
} satisfies Meta<typeof ExplainText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing explained yet (controlled): the plain text. */
export const Idle: Story = { args: { status: 'idle' } };

/** Waiting for the model's download (controlled). */
export const Loading: Story = {
  args: {
    status: 'loading',
    progress: { status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes },
  },
};

/** Why the real sentiment model reads the text as it does (uncontrolled). */
export const Ready: Story = {
  args: { source: { kind: 'sentiment' } },
  decorators: [withStoryClient()],
};

/** Why a zero-shot classification over support intents picked its label. */
export const ZeroShot: Story = {
  name: 'Zero-shot intent',
  args: {
    text: storyTickets[2] as string,
    source: { kind: 'zero-shot', labels: supportIntents },
    formatLabel: formatIntent,
  },
  decorators: [withStoryClient()],
};

/** A teachable classifier's prediction, with the nearest taught examples once it has some. */
export const Teachable: Story = {
  args: {
    text: storyTickets[0] as string,
    source: { kind: 'teachable', id: 'story-teach-live', labels: supportIntents },
    formatLabel: formatIntent,
  },
  decorators: [withStoryClient()],
};

/** The model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { source: { kind: 'sentiment' } },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** The asset server cannot be reached. */
export const Offline: Story = {
  args: { source: { kind: 'sentiment' } },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Every state on one page, each real one with its own client. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div style={{ display: 'grid', gap: '1.5rem', maxWidth: '42rem' }}>
      <ExplainText text={review} status="idle" />
      <ExplainText
        text={review}
        status="loading"
        progress={{
          status: 'downloading',
          loaded: Math.round(totalBytes * 0.42),
          total: totalBytes,
        }}
      />
      <StoryClient>
        <ExplainText text={review} source={{ kind: 'sentiment' }} />
        <ExplainText
          text={storyTickets[2] as string}
          source={{ kind: 'zero-shot', labels: supportIntents }}
          formatLabel={formatIntent}
        />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <ExplainText text={review} source={{ kind: 'sentiment' }} />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <ExplainText text={review} source={{ kind: 'sentiment' }} />
      </StoryClient>
    </div>
  ),
};
