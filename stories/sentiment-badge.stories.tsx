import { getModelManifest, manifestBytes } from '@ondevice/core';
import { SentimentBadge, useSentiment } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

const totalBytes = manifestBytes(getModelManifest('use-lite'));
const complaint = 'The export has been broken for a week and nobody answers our emails.';
const praise = 'Fantastic support: the team fixed our SSO issue in minutes. Thank you!';

const meta = {
  title: 'Widgets/SentimentBadge',
  component: SentimentBadge,
} satisfies Meta<typeof SentimentBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No text to analyse yet (controlled). */
export const Idle: Story = { args: { status: 'idle' } };

/** Waiting for the model, part-way through its download (controlled). */
export const Loading: Story = {
  args: {
    status: 'loading',
    progress: { status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes },
  },
};

/** A real text analysed by the real model in this page (uncontrolled). */
export const Ready: Story = {
  args: { text: complaint },
  decorators: [withStoryClient()],
};

/** Controlled: the story computes the sentiment with `useSentiment` and passes the result. */
export const Controlled: Story = {
  decorators: [withStoryClient()],
  render: function ControlledBadge(args) {
    const { status, data, error } = useSentiment(praise);
    return (
      <p>
        “{praise}”{' '}
        <SentimentBadge
          {...args}
          status={status === 'success' ? 'ready' : status}
          result={data}
          error={error}
        />
      </p>
    );
  },
};

/** The model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { text: complaint },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** The asset server cannot be reached. */
export const Offline: Story = {
  args: { text: complaint },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Every state on one page: controlled ones first, then real clients. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.75rem 1rem' }}>
      <dt>Idle</dt>
      <dd>
        <SentimentBadge status="idle" />
      </dd>
      <dt>Loading</dt>
      <dd>
        <SentimentBadge
          status="loading"
          progress={{
            status: 'downloading',
            loaded: Math.round(totalBytes * 0.42),
            total: totalBytes,
          }}
        />
      </dd>
      <StoryClient>
        <dt>Ready: a complaint</dt>
        <dd>
          <SentimentBadge text={complaint} />
        </dd>
        <dt>Ready: praise</dt>
        <dd>
          <SentimentBadge text={praise} />
        </dd>
        <dt>Ready: a request</dt>
        <dd>
          <SentimentBadge text="Please send the invoice to our accounts address." />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <dt>Error (missing assets)</dt>
        <dd>
          <SentimentBadge text={complaint} />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <dt>Offline</dt>
        <dd>
          <SentimentBadge text={complaint} />
        </dd>
      </StoryClient>
    </dl>
  ),
};
