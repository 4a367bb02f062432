import type {
  ModelStatus,
  OnDeviceError,
  TeachablePrediction,
  ZeroShotLabel,
} from '@ondevice/core';
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import { isOfflineError } from '../errors/is-offline-error.js';
import { waitingText } from '../model-progress/waiting-text.js';
import { useTeachableClassifier } from '../hooks/use-teachable-classifier.js';
import type { SmartTagsState } from './smart-tags.js';
import { createSmartTagsStore } from './smart-tags-store.js';
import { suggestTags } from './suggest-tags.js';
import { TagChip, tagKeys } from './tag-chip.js';
import { useRovingFocus } from './use-roving-focus.js';
import { useTagMenus } from './use-tag-menus.js';
import { useTeaching } from './use-teaching.js';

/** Props of {@link SmartTagsView}. */
export interface SmartTagsViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  text: string;
  classifierId: string;
  labels?: readonly ZeroShotLabel[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  prediction: TeachablePrediction | undefined;
  error: OnDeviceError | undefined;
  progress?: ModelStatus;
  maxSuggestions?: number;
  minConfidence?: number;
  label?: string;
  formatLabel?: (label: string) => string;
}

const chooseKey = 'choose';
const identity = (label: string) => label;

/**
 * What `<SmartTags>` draws, whether its prediction is controlled or not: the toolbar of chips
 * with their menus, the source line, the live region, and the loading and error messages.
 * Teaching goes through the shared classifier of `classifierId`.
 *
 * @example
 * <SmartTagsView text={text} classifierId="support-intents" status="ready"
 *   prediction={prediction} error={undefined} />
 */
export const SmartTagsView = forwardRef<HTMLDivElement, SmartTagsViewProps>(function SmartTagsView(
  {
    text,
    classifierId,
    labels,
    status,
    prediction,
    error,
    progress,
    maxSuggestions = 2,
    minConfidence = 0.25,
    label = 'Tags',
    formatLabel = identity,
    ...props
  },
  ref,
) {
  const rootRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => rootRef.current as HTMLDivElement);
  const classifier = useTeachableClassifier({ id: classifierId, labels });
  const [store] = useState(() => createSmartTagsStore({ text }));
  const dismissedFor = useStore(store, (state) => state.text);
  const dismissedLabels = useStore(store, (state) => state.dismissed);
  const announcement = useStore(store, (state) => state.announcement);
  const teaching = useStore(store, (state) => state.teaching);

  const dismissed = dismissedFor === text ? dismissedLabels : noLabels;
  const examples = classifier.data.examples;
  const tags = useMemo(
    () => suggestTags({ text, prediction, examples, dismissed, maxSuggestions, minConfidence }),
    [text, prediction, examples, dismissed, maxSuggestions, minConfidence],
  );
  const allLabels = classifier.data.labels.length
    ? classifier.data.labels
    : (labels ?? []).map((known) => known.id);
  const accepted = tags.filter((tag) => tag.state === 'accepted').map((tag) => tag.label);
  const keys = [...tags.flatMap((tag) => tagKeys(tag.label)), chooseKey];
  const roving = useRovingFocus({ store, rootRef, keys, fallbackKey: chooseKey });
  const baseId = useId();
  const menus = useTagMenus({ store, keys, baseId, focusKey: roving.focusKey, formatLabel });
  const teach = useTeaching({ store, text, classifier, formatLabel, keys });

  const hintId = `${baseId}-hint`;
  const state: SmartTagsState =
    status === 'error' ? (isOfflineError(error) ? 'offline' : 'error') : status;

  return (
    <div
      ref={rootRef}
      data-ondevice-smart-tags=""
      data-state={state}
      data-training={classifier.data.status === 'training' ? '' : undefined}
      aria-busy={status === 'loading' || teaching || undefined}
      {...props}
    >
      {state === 'idle' && <span data-part="empty">Tags appear once there is text.</span>}
      {state !== 'idle' && state !== 'error' && state !== 'offline' && (
        <div
          role="toolbar"
          data-part="toolbar"
          aria-label={label}
          aria-describedby={hintId}
          onKeyDown={roving.onToolbarKeyDown}
        >
          {tags.map((tag) => (
            <TagChip
              key={tag.label}
              tag={tag}
              name={formatLabel(tag.label)}
              others={allLabels.filter((other) => other !== tag.label && !accepted.includes(other))}
              teach={teach}
              roving={roving}
              menus={menus}
            />
          ))}
          <span data-part="choose-tag">
            <button
              type="button"
              data-part="choose"
              {...roving.rovingProps(chooseKey)}
              {...menus.menuTriggerProps(chooseKey)}
            >
              Choose tag
            </button>
            {menus.menuFor(
              chooseKey,
              'Tag as',
              allLabels.filter((other) => !accepted.includes(other)),
              (to) => teach.choose(to),
            )}
          </span>
        </div>
      )}
      <span data-part="hint" id={hintId}>
        Press a tag to confirm it, or change or reject it: this teaches the classifier.
      </span>
      {prediction && state !== 'error' && state !== 'offline' && (
        <span data-part="source" data-source={prediction.source}>
          {prediction.source === 'taught'
            ? `Learned from ${examples.length} ${examples.length === 1 ? 'example' : 'examples'}`
            : 'Suggested from label descriptions'}
          {prediction.unsure ? ' · unsure' : ''}
        </span>
      )}
      {status === 'loading' && !prediction && (
        <span data-part="loading">{waitingText(progress, 'Suggesting tags…')}</span>
      )}
      {(state === 'error' || state === 'offline') && (
        <p data-part="error" role="alert">
          {state === 'offline'
            ? 'Could not suggest tags: the model is unavailable offline.'
            : error?.code === 'classifier-storage'
              ? `The saved corrections could not be used: ${error.message}`
              : `Could not suggest tags: ${error?.message ?? 'unknown error'}`}
        </p>
      )}
      <span data-part="announcement" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
});

const noLabels: readonly string[] = Object.freeze([]);
