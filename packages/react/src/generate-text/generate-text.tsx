import type { GenerationResult, TextGenerator } from '@ondevice/core';
import { type ComponentPropsWithoutRef, type ReactNode, forwardRef } from 'react';
import { type UseGenerationResult, useGeneration } from '../hooks/use-generation.js';
import { GenerateTextView } from './generate-text-view.js';

/**
 * Props of {@link GenerateText} other than where the generation comes from; other props go to
 * the root `<form>`.
 *
 * @example
 * <GenerateText generator={generator} defaultPrompt="Once upon a time" maxNewTokens={80} />
 */
export interface GenerateTextOptions extends Omit<
  ComponentPropsWithoutRef<'form'>,
  'children' | 'onSubmit'
> {
  /**
   * Visible label of the prompt textarea.
   * @default 'Prompt'
   */
  label?: ReactNode;
  /** Controlled prompt; pair with `onPromptChange`. */
  prompt?: string;
  /**
   * Uncontrolled: the prompt shown first.
   * @default ''
   */
  defaultPrompt?: string;
  /** Called with the new prompt on every edit. */
  onPromptChange?: (prompt: string) => void;
  /**
   * Most new tokens per generation.
   * @default the generator's (128)
   */
  maxNewTokens?: number;
  /**
   * Sampling temperature; 0 is greedy (the same text every time).
   * @default the generator's (0)
   */
  temperature?: number;
  /** Called when a generation finishes (not when it is stopped or fails), with its prompt. */
  onResult?: (result: GenerationResult, prompt: string) => void;
  /**
   * Accessible name of the output region.
   * @default 'Generated text'
   */
  outputLabel?: string;
  /**
   * Accessible name of the model's progress bar, shown while it downloads.
   * @default 'Text generation model'
   */
  progressLabel?: string;
}

/**
 * Props of {@link GenerateText}: a `generator` to run (uncontrolled), or a `generation` to show
 * and drive (controlled, e.g. the result of `useGeneration` shared with other UI).
 *
 * @example
 * <GenerateText generator={client.generator({ model })} />
 * <GenerateText generation={useGeneration(generator)} />
 */
export type GenerateTextProps = GenerateTextOptions &
  (
    | {
        /** Uncontrolled: the generator to run, `client.generator({ model })`; needs the provider. */
        generator: TextGenerator;
        generation?: undefined;
      }
    | {
        /** Controlled: the state to show and the actions to call; no provider needed. */
        generation: UseGenerationResult;
        generator?: undefined;
      }
  );

/**
 * Text generation on the device, streamed: a labelled prompt textarea, Generate and Stop
 * buttons, the model's download progress (a `<ModelProgress>`) while it loads, the text as it
 * streams in a polite live region (`role="log"`, busy while it streams so screen readers read
 * it once, whole), a short status line (`role="status"`), and errors as `role="alert"`. Stop is
 * enabled only while a generation runs; focus moves between the two buttons as they swap, so
 * keyboard users never lose it. Ctrl+Enter (⌘+Enter) in the prompt generates too. Unstyled:
 * style it through `data-state` (idle, loading, generating, done, stopped, error, offline) and
 * `data-part`, or import `@ondevice/react/theme.css`.
 *
 * @example
 * function StoryTeller() {
 *   const client = useOnDeviceClient()
 *   const generator = client.generator({ model: '/ondevice/models/converted/llama2.c-stories260K/' })
 *   return <GenerateText generator={generator} defaultPrompt="Once upon a time" maxNewTokens={120} />
 * }
 */
export const GenerateText = forwardRef<HTMLFormElement, GenerateTextProps>(function GenerateText(
  { generator, generation, ...props },
  ref,
) {
  return generation ? (
    <GenerateTextView ref={ref} generation={generation} {...props} />
  ) : (
    <ConnectedGenerateText ref={ref} generator={generator} {...props} />
  );
});

const ConnectedGenerateText = forwardRef<
  HTMLFormElement,
  GenerateTextOptions & { generator: TextGenerator }
>(function ConnectedGenerateText({ generator, ...props }, ref) {
  const generation = useGeneration(generator);
  return <GenerateTextView ref={ref} generation={generation} {...props} />;
});
