import { SentimentTextarea } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

const draft = 'Sorry for the trouble with the export — a fix is rolling out today.';

const meta = {
  title: 'Widgets/SentimentTextarea',
  component: SentimentTextarea,
  args: { label: 'Reply to customer', rows: 4 },
} satisfies Meta<typeof SentimentTextarea>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing typed yet: the badge waits, nothing loads. */
export const Idle: Story = { decorators: [withStoryClient()] };

/**
 * A fresh client that keeps model files in memory only, so the model downloads on every visit:
 * the badge shows the download progress, then the result.
 */
export const Loading: Story = {
  args: { defaultValue: draft },
  decorators: [withStoryClient({ modelCache: 'memory' })],
};

/** Uncontrolled, with a draft analysed by the real model; type to see it change. */
export const Ready: Story = {
  args: { defaultValue: draft },
  decorators: [withStoryClient()],
};

/** Controlled by the story's state through `value` and `onValueChange`. */
export const Controlled: Story = {
  decorators: [withStoryClient()],
  render: function ControlledTextarea(args) {
    const [value, setValue] = useState('This is the third time the sync fails this week.');
    return (
      <>
        <SentimentTextarea {...args} value={value} onValueChange={setValue} />
        <p>Characters in the story's state: {value.length}</p>
      </>
    );
  },
};

/** The model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { defaultValue: draft },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** The asset server cannot be reached. */
export const Offline: Story = {
  args: { defaultValue: draft },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Idle, ready, error and offline side by side, each with its own real client. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div style={{ display: 'grid', gap: '1.5rem' }}>
      <StoryClient>
        <SentimentTextarea label="Idle" rows={2} />
      </StoryClient>
      <StoryClient>
        <SentimentTextarea label="Ready (real model)" rows={2} defaultValue={draft} />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <SentimentTextarea label="Error (missing assets)" rows={2} defaultValue={draft} />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <SentimentTextarea label="Offline" rows={2} defaultValue={draft} />
      </StoryClient>
    </div>
  ),
};
