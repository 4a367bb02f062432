import { ModelLoadError, getModelManifest, manifestBytes } from '@ondevice/core';
import { ModelProgress } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

const totalBytes = manifestBytes(getModelManifest('use-lite'));

const meta = {
  title: 'Widgets/ModelProgress',
  component: ModelProgress,
  args: { modelId: 'use-lite' },
} satisfies Meta<typeof ModelProgress>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing loaded yet (controlled). */
export const Idle: Story = { args: { status: { status: 'idle' } } };

/** Part-way through the real model's bytes (controlled). */
export const Downloading: Story = {
  args: {
    status: { status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes },
  },
};

/** Downloaded; picking a backend and building the graph (controlled). */
export const Initializing: Story = { args: { status: { status: 'initializing' } } };

/** The real model, loaded by a real client in this page (uncontrolled). */
export const Ready: Story = {
  args: { loadOnMount: true },
  decorators: [withStoryClient()],
};

/** A real client whose asset URL serves no model (a 404, or a dev server's HTML fallback). */
export const Error: Story = {
  args: { loadOnMount: true },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** A real client whose asset server cannot be reached (network failure). */
export const Offline: Story = {
  args: { loadOnMount: true },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

const offlineError = new ModelLoadError({
  url: `${unreachableAssetBaseUrl}models/use-lite/model.json`,
  status: undefined,
  message: 'Could not fetch the model (network failure or offline).',
});

/** Every state on one page: controlled ones first, then three real clients. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div style={{ display: 'grid', gap: '1.5rem' }}>
      <ModelProgress label="Idle" status={{ status: 'idle' }} />
      <ModelProgress
        label="Downloading"
        status={{ status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes }}
      />
      <ModelProgress label="Initializing" status={{ status: 'initializing' }} />
      <ModelProgress
        label="Offline (controlled)"
        status={{ status: 'error', error: offlineError }}
      />
      <StoryClient>
        <ModelProgress label="Ready (real model)" loadOnMount />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <ModelProgress label="Error (missing assets)" loadOnMount />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <ModelProgress label="Offline (unreachable)" loadOnMount />
      </StoryClient>
    </div>
  ),
};
