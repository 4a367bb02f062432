import type { EntitySpan } from '@ondevice/core';
import {
  EntityHighlighter,
  type EntityHighlighterOptions,
  useEntities,
  useOnDeviceClient,
} from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { StoryClient, withStoryClient } from './story-client.js';
import { missingModel, nerModel, unreachableModel } from './story-models.js';

// An illustrative download for the loading state: 110 MB, the order of a full-size NER model.
const totalBytes = 110_000_000;
const meeting = 'Alice Johnson of Acme Corp met Bob in London, and they spoke French all day';

/** A real recognizer of the story's client, for the model at `model`. */
function ClientEntityHighlighter({
  model = nerModel,
  ...props
}: EntityHighlighterOptions & { model?: string }) {
  const client = useOnDeviceClient();
  // The client returns the same recognizer for the same options on every render.
  return <EntityHighlighter recognizer={client.entities({ model })} {...props} />;
}

/** Spans as a full-size NER model and a date tagger gave them, stored with the text. */
const precomputedText =
  'On 3 May, Mary Shelley met the editors of The Times at Covent Garden in London.';
const precomputedSpans: EntitySpan[] = [
  { type: 'DATE', text: '3 May', start: 3, end: 8, score: 0.91 },
  { type: 'PER', text: 'Mary Shelley', start: 10, end: 22, score: 0.99 },
  { type: 'ORG', text: 'The Times', start: 42, end: 51, score: 0.97 },
  { type: 'LOC', text: 'Covent Garden', start: 55, end: 68, score: 0.96 },
  { type: 'LOC', text: 'London', start: 72, end: 78, score: 0.99 },
];

const meta = {
  title: 'Widgets/EntityHighlighter',
  component: ClientEntityHighlighter,
  args: { text: meeting },
} satisfies Meta<typeof ClientEntityHighlighter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing recognised yet (controlled): the plain text. */
export const Idle: Story = {
  render: ({ model: _model, ...args }) => <EntityHighlighter {...args} status="idle" />,
};

/** Waiting for the model's download (controlled). */
export const Loading: Story = {
  name: 'Loading with progress',
  render: ({ model: _model, ...args }) => (
    <EntityHighlighter
      {...args}
      status="loading"
      progress={{ status: 'downloading', loaded: Math.round(totalBytes * 0.42), total: totalBytes }}
    />
  ),
};

/** The real tiny-ner fixture model recognises the text on the device (uncontrolled). */
export const Ready: Story = { decorators: [withStoryClient()] };

/** Precomputed spans shown as they are, no recognizer (controlled); DATE has no readable name. */
export const Precomputed: Story = {
  name: 'Precomputed spans',
  render: ({ model: _model, ...args }) => (
    <EntityHighlighter {...args} text={precomputedText} spans={precomputedSpans} />
  ),
};

/** Controlled by `useEntities`: the story recognises the text and passes the spans on. */
export const Controlled: Story = {
  decorators: [withStoryClient()],
  render: function ControlledHighlighter({ model = nerModel, text, ...args }) {
    const client = useOnDeviceClient();
    const { status, data, error, progress } = useEntities(client.entities({ model }), text);
    return (
      <EntityHighlighter
        {...args}
        text={text}
        status={status === 'success' ? 'ready' : status}
        spans={data}
        error={error}
        progress={progress}
      />
    );
  },
};

/** The model cannot be loaded: nothing is served at its folder. */
export const Error: Story = {
  args: { model: missingModel },
  decorators: [withStoryClient()],
};

/** The model's server cannot be reached. */
export const Offline: Story = {
  args: { model: unreachableModel },
  decorators: [withStoryClient()],
};

/** Every state on one page: controlled ones first, then real clients. */
export const AllStates: Story = {
  name: 'All states',
  render: ({ model: _model, ...args }) => (
    <div style={{ display: 'grid', gap: '1.5rem', maxWidth: '42rem' }}>
      <EntityHighlighter {...args} status="idle" />
      <EntityHighlighter
        {...args}
        status="loading"
        progress={{
          status: 'downloading',
          loaded: Math.round(totalBytes * 0.42),
          total: totalBytes,
        }}
      />
      <EntityHighlighter {...args} text={precomputedText} spans={precomputedSpans} />
      <StoryClient>
        <ClientEntityHighlighter {...args} />
        <ClientEntityHighlighter {...args} model={missingModel} />
        <ClientEntityHighlighter {...args} model={unreachableModel} />
      </StoryClient>
    </div>
  ),
};
