import { ClassifierStorageError, getModelManifest, manifestBytes } from '@ondevice/core';
import { SmartTags, useTeachableClassifier, useTeachablePredictions } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';
import { formatIntent, storyTickets, supportIntents } from './support-intents.js';

const ticket = storyTickets[0] as string;
const totalBytes = manifestBytes(getModelManifest('use-lite'));

const meta = {
  title: 'Widgets/SmartTags',
  component: SmartTags,
  args: {
    text: ticket,
    classifierId: 'story-support-intents',
    labels: supportIntents,
    formatLabel: formatIntent,
  },
  decorators: [withStoryClient()],
} satisfies Meta<typeof SmartTags>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No text yet: nothing to tag, nothing is predicted and the model does not load. */
export const Idle: Story = { args: { text: '' } };

/** Waiting for the model's download (controlled); the user can already choose a tag. */
export const Loading: Story = {
  args: {
    status: 'loading',
    progress: { status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes },
  },
};

/**
 * Suggested by the real model, zero-shot from the label descriptions until the classifier is
 * taught (uncontrolled). Accept, correct or reject a chip to teach it.
 */
export const Ready: Story = {};

/** The model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { classifierId: 'story-support-intents-error' },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/**
 * The classifier's saved corrections cannot be read (here: written by a newer version of
 * ondevice). They are kept, never overwritten; the message says how to recover, and the app
 * offers `storedRecord()` and `reset()` from `useTeachableClassifier`.
 */
export const StoredClassifierUnreadable: Story = {
  name: 'Stored classifier unreadable',
  args: {
    status: 'error',
    error: new ClassifierStorageError({
      classifierId: 'story-support-intents',
      reason: 'newer-version',
      message:
        'The stored classifier "story-support-intents" was written by a newer version of ondevice (stored version 3; this version reads up to 2). It is kept as it was, never overwritten: update ondevice to use it, save it with storedRecord(), or discard it with reset().',
    }),
  },
};

/** The asset server cannot be reached. */
export const Offline: Story = {
  args: { classifierId: 'story-support-intents-offline' },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Every state on one page, each with its own real client. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '1rem' }}>
      <StoryClient>
        <dt>Idle</dt>
        <dd>
          <SmartTags {...args} label="Idle" text="" />
        </dd>
        <dt>Loading</dt>
        <dd>
          <SmartTags
            {...args}
            label="Loading"
            status="loading"
            progress={{
              status: 'downloading',
              loaded: Math.round(totalBytes * 0.42),
              total: totalBytes,
            }}
          />
        </dd>
        <dt>Ready (real model)</dt>
        <dd>
          <SmartTags {...args} label="Ready" />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <dt>Error (missing assets)</dt>
        <dd>
          <SmartTags {...args} label="Error" classifierId="story-all-states-error" />
        </dd>
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <dt>Offline</dt>
        <dd>
          <SmartTags {...args} label="Offline" classifierId="story-all-states-offline" />
        </dd>
      </StoryClient>
    </dl>
  ),
};

/**
 * Teach a classifier live: six tickets predicted in one batch by the teachable classifier.
 * Accept a chip, or correct it to another intent, and watch the other tickets' suggestions
 * change as the classifier retrains in the worker. What it learns is kept (IndexedDB) until
 * "Forget everything".
 */
export const TeachLive: Story = {
  name: 'Teach live',
  args: { classifierId: 'story-teach-live' },
  render: function TeachLive(args) {
    const classifier = useTeachableClassifier({ id: args.classifierId, labels: supportIntents });
    const predictions = useTeachablePredictions(storyTickets, {
      id: args.classifierId,
      labels: supportIntents,
    });
    const { data } = classifier;
    const forgetEverything = async () => {
      for (const label of data.labels) await classifier.forget({ label });
    };
    return (
      <div style={{ display: 'grid', gap: '1rem', maxWidth: '46rem' }}>
        <p data-testid="classifier-state" style={{ margin: 0 }}>
          {data.examples.length} taught {data.examples.length === 1 ? 'example' : 'examples'} ·{' '}
          {classifier.status}
          {data.lastTrainingMs === null
            ? ''
            : ` · last training ${Math.round(data.lastTrainingMs)} ms`}{' '}
          · stored in {data.storage}{' '}
          <button type="button" onClick={forgetEverything} disabled={data.examples.length === 0}>
            Forget everything
          </button>
        </p>
        <ol style={{ display: 'grid', gap: '1rem', margin: 0, paddingInlineStart: '1.25rem' }}>
          {storyTickets.map((text, index) => (
            <li key={text}>
              <p style={{ margin: '0 0 0.375rem' }}>{text}</p>
              <SmartTags
                {...args}
                text={text}
                label={`Tags of ticket ${index + 1}`}
                status={predictions.status === 'success' ? 'ready' : predictions.status}
                prediction={predictions.data?.predictions[index]}
                error={predictions.error}
              />
            </li>
          ))}
        </ol>
      </div>
    );
  },
};
