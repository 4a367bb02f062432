import type { GenerationResult, GenerationState } from '@ondevice/core';
import {
  GenerateText,
  type GenerateTextOptions,
  type UseGenerationResult,
  useOnDeviceClient,
} from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { StoryClient, withStoryClient } from './story-client.js';
import { missingModel, storiesModel, unreachableModel } from './story-models.js';

// stories260K's files (the ONNX graph with its weights, tokenizer and configs), in bytes.
const totalBytes = 1_249_058;
const prompt = 'Once upon a time';
const partial = ', there was a little girl named Lily. She loved to play outside in the';
const story = `${partial} park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.`;

/** A real generator of the story's client, for the model at `model`. */
function ClientGenerateText({
  model = storiesModel,
  ...props
}: GenerateTextOptions & { model?: string }) {
  const client = useOnDeviceClient();
  // The client returns the same generator for the same model on every render.
  return <GenerateText generator={client.generator({ model })} {...props} />;
}

/** A controlled generation in a given state; its actions do nothing (nothing runs). */
function shown(state: Partial<GenerationState>): UseGenerationResult {
  return {
    status: 'idle',
    text: '',
    result: undefined,
    error: undefined,
    progress: { status: 'ready', backend: 'wasm' },
    ...state,
    generate: async () => undefined,
    stop: () => {},
  } as UseGenerationResult;
}

const result: GenerationResult = {
  text: story,
  tokens: 46,
  promptTokens: 5,
  finishReason: 'length',
  timeToFirstTokenMs: 180,
  milliseconds: 420,
  tokensPerSecond: 190,
  meanTokenLogProbability: -0.42,
};

const meta = {
  title: 'Widgets/GenerateText',
  component: ClientGenerateText,
  args: { defaultPrompt: prompt, maxNewTokens: 120 },
} satisfies Meta<typeof ClientGenerateText>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Click Generate, as a person would (the generation needs a click; nothing runs on mount). */
const clickGenerate: Story['play'] = async ({ canvas, userEvent }) => {
  await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
};

/** The real stories260K model, not loaded yet: type a prompt and press Generate (or Ctrl+Enter). */
export const Idle: Story = { decorators: [withStoryClient()] };

/** Waiting for the model's download, part-way through its bytes (controlled). */
export const Loading: Story = {
  name: 'Loading with progress',
  render: (args) => (
    <GenerateText
      {...args}
      generation={shown({
        status: 'loading',
        progress: {
          status: 'downloading',
          loaded: Math.round(totalBytes * 0.42),
          total: totalBytes,
        },
      })}
    />
  ),
};

/** Text streaming in; Stop is enabled (controlled). */
export const Generating: Story = {
  name: 'Generating (streaming)',
  render: (args) => (
    <GenerateText {...args} generation={shown({ status: 'generating', text: partial })} />
  ),
};

/** The real model tells its story on the device: the story clicks Generate on load. */
export const Done: Story = { decorators: [withStoryClient()], play: clickGenerate };

/** Stopped part-way: the text so far stays (controlled). */
export const Stopped: Story = {
  render: (args) => (
    <GenerateText {...args} generation={shown({ status: 'stopped', text: partial })} />
  ),
};

/** The model cannot be loaded: nothing is served at its folder. */
export const Error: Story = {
  args: { model: missingModel },
  decorators: [withStoryClient()],
  play: clickGenerate,
};

/** The model's server cannot be reached. */
export const Offline: Story = {
  args: { model: unreachableModel },
  decorators: [withStoryClient()],
  play: clickGenerate,
};

/** Every state on one page: controlled ones first, then real clients (Generate clicked on load). */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <StoryClient>
        <ClientGenerateText {...args} label="Idle (real model)" />
      </StoryClient>
      <GenerateText
        {...args}
        label="Loading with progress"
        generation={shown({
          status: 'loading',
          progress: {
            status: 'downloading',
            loaded: Math.round(totalBytes * 0.42),
            total: totalBytes,
          },
        })}
      />
      <GenerateText
        {...args}
        label="Generating"
        generation={shown({ status: 'generating', text: partial })}
      />
      <GenerateText
        {...args}
        label="Done"
        generation={shown({ status: 'done', text: story, result })}
      />
      <GenerateText
        {...args}
        label="Stopped"
        generation={shown({ status: 'stopped', text: partial })}
      />
      <StoryClient>
        <ClientGenerateText {...args} label="Done (real model)" data-generate-on-load="" />
        <ClientGenerateText
          {...args}
          label="Error (missing model)"
          model={missingModel}
          data-generate-on-load=""
        />
        <ClientGenerateText
          {...args}
          label="Offline (unreachable)"
          model={unreachableModel}
          data-generate-on-load=""
        />
      </StoryClient>
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    for (const form of canvasElement.querySelectorAll('[data-generate-on-load]')) {
      const generate = form.querySelector('[data-part="generate"]');
      if (generate) await userEvent.click(generate);
    }
  },
};
