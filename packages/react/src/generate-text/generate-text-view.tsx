import {
  type FormEvent,
  type KeyboardEvent,
  forwardRef,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import type { UseGenerationResult } from '../hooks/use-generation.js';
import { ModelProgress } from '../model-progress/model-progress.js';
import { describeGeneration } from './describe-generation.js';
import type { GenerateTextOptions } from './generate-text.js';
import { createGenerateTextStore } from './generate-text-store.js';

/** Props of {@link GenerateTextView}: the options and the generation to show and drive. */
export interface GenerateTextViewProps extends GenerateTextOptions {
  generation: UseGenerationResult;
}

type Button = 'generate' | 'stop';

/**
 * What `<GenerateText>` draws, whether controlled or not: prompt, buttons, progress, streamed
 * output, status and error.
 *
 * @example
 * <GenerateTextView generation={useGeneration(generator)} defaultPrompt="Once upon a time" />
 */
export const GenerateTextView = forwardRef<HTMLFormElement, GenerateTextViewProps>(
  function GenerateTextView(
    {
      generation,
      label = 'Prompt',
      prompt: controlledPrompt,
      defaultPrompt = '',
      onPromptChange,
      maxNewTokens,
      temperature,
      onResult,
      outputLabel = 'Generated text',
      progressLabel = 'Text generation model',
      ...props
    },
    ref,
  ) {
    const [store] = useState(() => createGenerateTextStore({ prompt: defaultPrompt }));
    const storedPrompt = useStore(store, (state) => state.prompt);
    const prompt = controlledPrompt ?? storedPrompt;
    const { state, running, statusText, errorText } = describeGeneration(generation);
    const { progress, text } = generation;
    const canGenerate = !running && prompt.trim() !== '';

    const id = useId();
    const generateRef = useRef<HTMLButtonElement>(null);
    const stopRef = useRef<HTMLButtonElement>(null);
    const focused = useRef<Button | undefined>(undefined);
    const wasRunning = useRef(running);
    // The button that had focus turns disabled as the two swap: hand focus to the other one
    // (a disabled button drops focus to the page, where keyboard users would lose their place).
    useLayoutEffect(() => {
      if (wasRunning.current === running) return;
      wasRunning.current = running;
      const [from, to] = running ? [generateRef, stopRef] : [stopRef, generateRef];
      const document = from.current?.ownerDocument;
      const active = document?.activeElement;
      const dropped = !active || active === document?.body;
      const had =
        active === from.current || (dropped && focused.current === (running ? 'generate' : 'stop'));
      if (had) to.current?.focus();
    }, [running]);

    const start = () => {
      if (!canGenerate) return;
      const submitted = prompt;
      void generation.generate(submitted, { maxNewTokens, temperature }).then((result) => {
        if (result) onResult?.(result, submitted);
      });
    };
    const buttonFocus = (button: Button) => ({
      onFocus: () => {
        focused.current = button;
      },
      onBlur: (event: { relatedTarget: unknown }) => {
        if (event.relatedTarget) focused.current = undefined;
      },
    });

    return (
      <form
        ref={ref}
        data-ondevice-generate-text=""
        data-state={state}
        {...props}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          start();
        }}
      >
        <label data-part="label" htmlFor={`${id}-prompt`}>
          {label}
        </label>
        <textarea
          id={`${id}-prompt`}
          data-part="prompt"
          value={prompt}
          onChange={(event) => {
            if (controlledPrompt === undefined) store.getState().setPrompt(event.target.value);
            onPromptChange?.(event.target.value);
          }}
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
            event.preventDefault();
            start();
          }}
        />
        <div data-part="actions">
          <button
            ref={generateRef}
            type="submit"
            data-part="generate"
            disabled={!canGenerate}
            {...buttonFocus('generate')}
          >
            Generate
          </button>
          <button
            ref={stopRef}
            type="button"
            data-part="stop"
            disabled={!running}
            onClick={() => generation.stop()}
            {...buttonFocus('stop')}
          >
            Stop
          </button>
        </div>
        {(progress.status === 'downloading' || progress.status === 'initializing') && (
          <ModelProgress data-part="progress" status={progress} label={progressLabel} />
        )}
        <div
          id={`${id}-output`}
          data-part="output"
          role="log"
          aria-live="polite"
          aria-label={outputLabel}
          // Busy while streaming: screen readers read the text once it is whole, not per piece.
          aria-busy={running || undefined}
        >
          {text}
        </div>
        <p data-part="status" role="status">
          {statusText}
        </p>
        {errorText && (
          <p data-part="error" role="alert">
            {errorText}
          </p>
        )}
      </form>
    );
  },
);
