import '@testing-library/jest-dom/vitest';
import {
  type GenerationResult,
  type GenerationState,
  ModelLoadError,
  RuntimeError,
  createClient,
} from '@ondevice/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MissingProviderError } from '../errors/missing-provider-error.js';
import type { UseGenerationResult } from '../hooks/use-generation.js';
import { OnDeviceProvider } from '../provider/ondevice-provider.js';
import {
  restoreNodeTypedArrays,
  storiesModelFolder,
} from '../test-support/real-models.test.support.js';
import { GenerateText } from './generate-text.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
beforeAll(restoreNodeTypedArrays);

const result: GenerationResult = {
  text: ', there was a little girl named Lily.',
  tokens: 12,
  promptTokens: 5,
  finishReason: 'eos',
  timeToFirstTokenMs: 40,
  milliseconds: 420,
  tokensPerSecond: 28.6,
  meanTokenLogProbability: -0.4,
};

/** A controlled generation: a given state, and actions the test watches. */
function generation(state: Partial<GenerationState>): UseGenerationResult {
  return {
    status: 'idle',
    text: '',
    result: undefined,
    error: undefined,
    progress: { status: 'idle' },
    ...state,
    generate: vi.fn(async () => undefined),
    stop: vi.fn(),
  } as UseGenerationResult;
}

function parts() {
  return {
    prompt: screen.getByRole('textbox', { name: 'Prompt' }),
    generate: screen.getByRole('button', { name: 'Generate' }),
    stop: screen.getByRole('button', { name: 'Stop' }),
    output: screen.getByRole('log', { name: 'Generated text' }),
    // (While the model downloads, its <ModelProgress> has a status region of its own.)
    status: screen
      .getAllByRole('status')
      .find((element) => element.dataset.part === 'status') as HTMLElement,
  };
}

describe('<GenerateText> controlled', () => {
  it('is a labelled prompt, two buttons, a polite log for the output and a status line', async () => {
    const ref = createRef<HTMLFormElement>();
    const controlled = generation({});
    render(<GenerateText ref={ref} className="mine" generation={controlled} defaultPrompt="Hi" />);
    const { prompt, generate, stop, output, status } = parts();
    expect(ref.current).toHaveAttribute('data-ondevice-generate-text', '');
    expect(ref.current).toHaveAttribute('data-state', 'idle');
    expect(ref.current).toHaveClass('mine');
    expect(ref.current?.querySelector('[style]')).toBeNull(); // unstyled
    expect(prompt).toHaveValue('Hi');
    expect(output).toHaveAttribute('aria-live', 'polite');
    expect(output).toBeEmptyDOMElement();
    expect(status).toHaveTextContent('');
    expect(generate).toBeEnabled();
    expect(stop).toBeDisabled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await userEvent.click(generate);
    expect(controlled.generate).toHaveBeenCalledWith('Hi', {
      maxNewTokens: undefined,
      temperature: undefined,
    });
  });

  it('shows the download while loading, Stop enabled, Generate disabled', async () => {
    const controlled = generation({
      status: 'loading',
      progress: { status: 'downloading', loaded: 300_000, total: 1_200_000 },
    });
    const { container } = render(<GenerateText generation={controlled} defaultPrompt="Hi" />);
    const { generate, stop, output, status } = parts();
    expect(container.firstChild).toHaveAttribute('data-state', 'loading');
    const bar = screen.getByRole('progressbar', { name: 'Text generation model' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuetext', '0.3 of 1.2 MB downloaded');
    expect(status).toHaveTextContent('Downloading the model…');
    expect(output).toHaveAttribute('aria-busy', 'true');
    expect(generate).toBeDisabled();
    expect(stop).toBeEnabled();
    await userEvent.click(stop);
    expect(controlled.stop).toHaveBeenCalledTimes(1);
  });

  it('streams into the log while generating, then reads done, stopped, error and offline', () => {
    const { container, rerender } = render(
      <GenerateText
        generation={generation({
          status: 'generating',
          text: ', there was',
          progress: { status: 'ready', backend: 'wasm' },
        })}
      />,
    );
    const root = container.firstChild as HTMLElement;
    const { output, status, stop } = parts();
    expect(root).toHaveAttribute('data-state', 'generating');
    expect(output).toHaveTextContent(', there was');
    expect(status).toHaveTextContent('Generating…');
    expect(stop).toBeEnabled();
    expect(screen.queryByRole('progressbar')).toBeNull(); // the model is ready

    rerender(
      <GenerateText generation={generation({ status: 'done', text: result.text, result })} />,
    );
    expect(root).toHaveAttribute('data-state', 'done');
    expect(output).toHaveTextContent(result.text);
    expect(output).not.toHaveAttribute('aria-busy');
    expect(status).toHaveTextContent('Done: 12 tokens in 0.4 s.');
    expect(stop).toBeDisabled();

    rerender(
      <GenerateText
        generation={generation({
          status: 'done',
          text: 'x',
          result: { ...result, finishReason: 'length' },
        })}
      />,
    );
    expect(status).toHaveTextContent('Done: 12 tokens (the token limit) in 0.4 s.');

    rerender(<GenerateText generation={generation({ status: 'stopped', text: ', there' })} />);
    expect(root).toHaveAttribute('data-state', 'stopped');
    expect(output).toHaveTextContent(', there');
    expect(status).toHaveTextContent('Stopped.');

    const failure = new RuntimeError({ message: 'The session failed.' });
    rerender(<GenerateText generation={generation({ status: 'error', error: failure })} />);
    expect(root).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not generate: The session failed.');

    const offline = new ModelLoadError({ url: 'http://x/', status: undefined, message: 'down' });
    rerender(<GenerateText generation={generation({ status: 'error', error: offline })} />);
    expect(root).toHaveAttribute('data-state', 'offline');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not generate: the model is unavailable offline.',
    );
  });

  it('keeps each instance’s prompt to itself, and is controllable through prompt', async () => {
    const onPromptChange = vi.fn();
    render(
      <>
        <GenerateText generation={generation({})} label="First" />
        <GenerateText generation={generation({})} label="Second" defaultPrompt="Kept" />
        <GenerateText
          generation={generation({})}
          label="Third"
          prompt="FIXED"
          onPromptChange={onPromptChange}
        />
      </>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'First' }), 'Typed');
    expect(screen.getByRole('textbox', { name: 'First' })).toHaveValue('Typed');
    expect(screen.getByRole('textbox', { name: 'Second' })).toHaveValue('Kept');
    await userEvent.type(screen.getByRole('textbox', { name: 'Third' }), '!');
    expect(onPromptChange).toHaveBeenLastCalledWith('FIXED!');
    expect(screen.getByRole('textbox', { name: 'Third' })).toHaveValue('FIXED');
  });

  it('disables Generate for a blank prompt; Ctrl+Enter generates', async () => {
    const controlled = generation({});
    render(<GenerateText generation={controlled} maxNewTokens={9} />);
    const { prompt, generate } = parts();
    expect(generate).toBeDisabled();
    await userEvent.type(prompt, 'The dog{Control>}{Enter}{/Control}');
    expect(controlled.generate).toHaveBeenCalledWith('The dog', {
      maxNewTokens: 9,
      temperature: undefined,
    });
    expect(prompt).toHaveValue('The dog'); // no newline added
  });

  it('needs the provider only when uncontrolled', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const generator = { modelId: 'x', generate: vi.fn(), load: vi.fn() };
    expect(() => render(<GenerateText generator={generator} />)).toThrow(MissingProviderError);
    consoleError.mockRestore();
  });
});

// The real stories260K model on the real client (onnxruntime-node under jsdom).
describe.skipIf(!storiesModelFolder)('<GenerateText> uncontrolled (real model)', () => {
  const client = createClient();
  const generator = client.generator({ model: storiesModelFolder as string });
  const withClient = (children: ReactNode) => (
    <OnDeviceProvider client={client}>{children}</OnDeviceProvider>
  );

  it('streams the story into the log, then reports the result', async () => {
    const onResult = vi.fn();
    const { container } = render(
      withClient(
        <GenerateText
          generator={generator}
          defaultPrompt="Once upon a time"
          maxNewTokens={30}
          onResult={onResult}
        />,
      ),
    );
    const root = container.firstChild as HTMLElement;
    const { generate, output, status } = parts();
    const states = new Set<string>();
    const observer = new MutationObserver(() => states.add(root.dataset.state ?? ''));
    observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    await userEvent.click(generate);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'done'), { timeout: 60_000 });
    observer.disconnect();
    expect([...states]).toEqual(expect.arrayContaining(['loading', 'generating', 'done']));
    expect(output.textContent).toMatch(/^, there was a little girl named Lily/);
    expect(status).toHaveTextContent(/^Done: 30 tokens \(the token limit\) in \d+\.\d s\.$/);
    expect(onResult).toHaveBeenCalledTimes(1);
    const [finished, prompt] = onResult.mock.calls[0] as [GenerationResult, string];
    expect(prompt).toBe('Once upon a time');
    expect(finished.text).toBe(output.textContent);
  });

  it('Stop ends the generation, keeps its text, and hands focus back to Generate', async () => {
    const { container } = render(
      withClient(
        <GenerateText generator={generator} defaultPrompt="Once upon a time" maxNewTokens={400} />,
      ),
    );
    const root = container.firstChild as HTMLElement;
    const { generate, stop, output } = parts();
    // Stop at the first streamed piece (the whole story runs ~340 tokens), noting where focus
    // was while it generated: a warm model can reach `stopped` before click() returns.
    let focusedWhileGenerating: Element | null = null;
    const observer = new MutationObserver(() => {
      if (root.dataset.state !== 'generating') return;
      focusedWhileGenerating = document.activeElement;
      stop.click();
    });
    observer.observe(root, { attributes: true, attributeFilter: ['data-state'] });
    await userEvent.click(generate);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'stopped'), {
      timeout: 60_000,
    });
    observer.disconnect();
    expect(focusedWhileGenerating).toBe(stop); // Generate turned disabled: focus moved to Stop
    expect(stop).toBeDisabled();
    expect(generate).toBeEnabled();
    expect(generate).toHaveFocus(); // Stop turned disabled: focus moved back
    const kept = output.textContent ?? '';
    expect(kept.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output.textContent).toBe(kept);
  });
});
