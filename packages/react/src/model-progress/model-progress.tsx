import type { ModelStatus } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef, useId } from 'react';
import { useModelStatus } from '../hooks/use-model-status.js';
import { describeModelStatus } from './describe-model-status.js';

/**
 * Props of {@link ModelProgress}.
 *
 * @example
 * <ModelProgress label="Search model" loadOnMount />
 */
export interface ModelProgressProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /**
   * Model to follow when uncontrolled.
   * @default the client's default model ('use-lite')
   */
  modelId?: string;
  /**
   * Controlled: show this status instead of following the provider's client (no provider
   * needed). Leave it out to subscribe to the client's model handle.
   */
  status?: ModelStatus;
  /**
   * Uncontrolled only: start loading the model on mount (shared, loads once per client).
   * @default false
   */
  loadOnMount?: boolean;
  /**
   * Visible label, also the progress bar's accessible name.
   * @default 'Model' followed by the model id when one is given
   */
  label?: string;
}

/**
 * Download and initialisation progress of a model: a `role="progressbar"` with percent,
 * `aria-valuetext` such as "12.3 of 26.5 MB downloaded" or "Ready on wasm", the bytes or
 * backend as text, and a polite live region that announces "Model ready". Unstyled: style it
 * through `data-state` (idle, downloading, initializing, ready, error, offline) and the
 * `data-part` attributes, or import `@ondevice/react/theme.css`.
 *
 * @example
 * // Uncontrolled: follows (and here starts) the client's model load.
 * <ModelProgress loadOnMount />
 * // Controlled: shows a given status, no provider needed.
 * <ModelProgress status={{ status: 'downloading', loaded: 5e6, total: 26.5e6 }} />
 */
export const ModelProgress = forwardRef<HTMLDivElement, ModelProgressProps>(function ModelProgress(
  { status, modelId, loadOnMount, ...props },
  ref,
) {
  return status ? (
    <ModelProgressView ref={ref} modelId={modelId} status={status} {...props} />
  ) : (
    <ConnectedModelProgress ref={ref} modelId={modelId} loadOnMount={loadOnMount} {...props} />
  );
});

const ConnectedModelProgress = forwardRef<HTMLDivElement, Omit<ModelProgressProps, 'status'>>(
  function ConnectedModelProgress({ modelId, loadOnMount, ...props }, ref) {
    const status = useModelStatus({ model: modelId, load: loadOnMount ?? false });
    return <ModelProgressView ref={ref} modelId={modelId} status={status} {...props} />;
  },
);

const ModelProgressView = forwardRef<
  HTMLDivElement,
  Omit<ModelProgressProps, 'status' | 'loadOnMount'> & { status: ModelStatus }
>(function ModelProgressView({ status, modelId, label, ...props }, ref) {
  const labelId = useId();
  const { state, percent, text, announcement } = describeModelStatus(status);
  return (
    <div ref={ref} data-ondevice-model-progress="" data-state={state} {...props}>
      <span data-part="label" id={labelId}>
        {label ?? (modelId ? `Model ${modelId}` : 'Model')}
      </span>
      <div
        role="progressbar"
        data-part="bar"
        data-state={state}
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        {/* Visual only (the div above is what assistive technology reads); no value = indeterminate. */}
        <progress
          data-part="indicator"
          aria-hidden="true"
          max={100}
          value={state === 'initializing' ? undefined : (percent ?? 0)}
        />
      </div>
      <span data-part="text">{text}</span>
      <span data-part="announcement" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
});
