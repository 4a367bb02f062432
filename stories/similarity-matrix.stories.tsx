import { SimilarityMatrix } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import {
  StoryClient,
  missingAssetBaseUrl,
  unreachableAssetBaseUrl,
  withStoryClient,
} from './story-client.js';

const sentences = [
  'How do I reset my password?',
  'I forgot my password and need to change it.',
  'What are your opening hours?',
  'When does the store open?',
  'The weather is lovely today.',
];

const meta = {
  title: 'Widgets/SimilarityMatrix',
  component: SimilarityMatrix,
} satisfies Meta<typeof SimilarityMatrix>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Default sentences, embedded by the real model in this page (uncontrolled). */
export const Default: Story = {
  args: { defaultSentences: sentences },
  decorators: [withStoryClient()],
};

/** No sentences yet: the empty state, nothing loads. */
export const Empty: Story = { decorators: [withStoryClient()] };

/** Controlled by the story's state through `sentences` and `onSentencesChange`. */
export const Controlled: Story = {
  decorators: [withStoryClient()],
  render: function ControlledMatrix(args) {
    const [value, setValue] = useState<readonly string[]>(sentences.slice(0, 3));
    return (
      <>
        <SimilarityMatrix {...args} sentences={value} onSentencesChange={setValue} />
        <p>Sentences in the story's state: {value.length}</p>
      </>
    );
  },
};

/** The model cannot be loaded: nothing is served at the asset URL. */
export const Error: Story = {
  args: { defaultSentences: sentences },
  decorators: [withStoryClient({ assetBaseUrl: missingAssetBaseUrl })],
};

/** The asset server cannot be reached. */
export const Offline: Story = {
  args: { defaultSentences: sentences },
  decorators: [withStoryClient({ assetBaseUrl: unreachableAssetBaseUrl })],
};

/** Ready, empty, error and offline side by side, each with its own real client. */
export const AllStates: Story = {
  name: 'All states',
  render: () => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <StoryClient>
        <SimilarityMatrix caption="Ready (real model)" defaultSentences={sentences} />
      </StoryClient>
      <StoryClient>
        <SimilarityMatrix inputLabel="Empty" />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: missingAssetBaseUrl }}>
        <SimilarityMatrix
          inputLabel="Error (missing assets)"
          defaultSentences={sentences.slice(0, 2)}
        />
      </StoryClient>
      <StoryClient options={{ assetBaseUrl: unreachableAssetBaseUrl }}>
        <SimilarityMatrix inputLabel="Offline" defaultSentences={sentences.slice(0, 2)} />
      </StoryClient>
    </div>
  ),
};
