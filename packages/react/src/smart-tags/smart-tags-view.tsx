import type {
  ModelStatus,
  OnDeviceError,
  TeachablePrediction,
  ZeroShotLabel,
} from '@ondevice/core';
import {
  type ComponentPropsWithoutRef,
  type KeyboardEvent,
  type MouseEvent,
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import { isOfflineError } from '../errors/is-offline-error.js';
import { waitingText } from '../model-progress/waiting-text.js';
import { formatPercent } from '../format/format-percent.js';
import { useTeachableClassifier } from '../hooks/use-teachable-classifier.js';
import { LabelListbox } from './label-listbox.js';
import type { SmartTagsState } from './smart-tags.js';
import { createSmartTagsStore } from './smart-tags-store.js';
import { type SuggestedTag, suggestTags } from './suggest-tags.js';
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
  const storedMenu = useStore(store, (state) => state.menu);
  const storedTabStop = useStore(store, (state) => state.tabStop);
  const focusRequest = useStore(store, (state) => state.focusRequest);
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
  const tabStop = storedTabStop !== null && keys.includes(storedTabStop) ? storedTabStop : keys[0];
  // A menu whose chip went away (the prediction changed) is closed, not kept for later.
  const menu = storedMenu && keys.includes(storedMenu.trigger) ? storedMenu : null;
  const teach = useTeaching({ store, text, classifier, formatLabel, keys });

  const findButton = (key: string) =>
    [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (element) => element.dataset.key === key,
    );
  const focusKey = (key: string) => {
    store.getState().setTabStop(key);
    findButton(key)?.focus();
  };

  // Focus follows a tag that moved (corrected, chosen); falls back to "Choose tag" if it is gone.
  useEffect(() => {
    if (focusRequest === null) return;
    const target = findButton(focusRequest);
    if (!target && teaching) return;
    store.getState().requestFocus(null);
    focusKey(target ? focusRequest : chooseKey);
  });

  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = (event.target as HTMLElement).dataset.key;
    const index = current === undefined ? -1 : keys.indexOf(current);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight'
        ? Math.min(keys.length - 1, index + 1)
        : event.key === 'ArrowLeft'
          ? Math.max(0, index - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? keys.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    focusKey(keys[next] as string);
  };

  const baseId = useId();
  const hintId = `${baseId}-hint`;
  const state: SmartTagsState =
    status === 'error' ? (isOfflineError(error) ? 'offline' : 'error') : status;
  const rovingProps = (key: string) => ({
    'data-key': key,
    tabIndex: key === tabStop ? 0 : -1,
    onFocus: () => {
      if (key !== tabStop) store.getState().setTabStop(key);
    },
  });
  const menuFor = (
    key: string,
    title: string,
    options: readonly string[],
    choose: (to: string) => void,
  ) =>
    menu?.trigger === key ? (
      <LabelListbox
        id={`${baseId}-${key}-menu`}
        label={title}
        options={options}
        active={Math.min(menu.active, Math.max(0, options.length - 1))}
        onActiveChange={(active) => store.getState().setMenuActive(active)}
        onSelect={(to) => {
          store.getState().closeMenu();
          choose(to);
        }}
        onClose={(reason) => {
          store.getState().closeMenu();
          if (reason === 'escape') focusKey(key);
        }}
        formatLabel={formatLabel}
      />
    ) : null;
  const menuTriggerProps = (key: string) => ({
    'aria-haspopup': 'listbox' as const,
    'aria-expanded': menu?.trigger === key,
    'aria-controls': menu?.trigger === key ? `${baseId}-${key}-menu` : undefined,
    // While its menu is open, pressing the button closes it: keep focus in the listbox until
    // the click, so the listbox's blur does not close it first and the click reopen it.
    onMouseDown: (event: MouseEvent<HTMLButtonElement>) => {
      if (menu?.trigger === key) event.preventDefault();
    },
    onClick: () => {
      if (menu?.trigger !== key) return store.getState().openMenu(key, 0);
      store.getState().closeMenu();
      focusKey(key);
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      store.getState().openMenu(key, 0);
    },
  });

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
          onKeyDown={onToolbarKeyDown}
        >
          {tags.map((tag) => {
            const name = formatLabel(tag.label);
            const others = allLabels.filter(
              (other) => other !== tag.label && !accepted.includes(other),
            );
            return (
              <span
                key={tag.label}
                data-part="tag"
                data-state={tag.state}
                data-label={tag.label}
                data-unsure={tag.unsure ? '' : undefined}
              >
                <button
                  type="button"
                  data-part="accept"
                  aria-pressed={tag.state === 'accepted'}
                  aria-label={chipName(tag, name)}
                  onClick={() =>
                    tag.state === 'accepted' ? teach.unaccept(tag.label) : teach.accept(tag.label)
                  }
                  {...rovingProps(`${tag.label}:accept`)}
                >
                  <span data-part="tag-label">{name}</span>
                  {tag.confidence !== undefined && (
                    <span data-part="confidence">{formatPercent(tag.confidence)}</span>
                  )}
                </button>
                <button
                  type="button"
                  data-part="correct"
                  aria-label={`Change ${name}`}
                  {...rovingProps(`${tag.label}:correct`)}
                  {...menuTriggerProps(`${tag.label}:correct`)}
                >
                  <span aria-hidden="true">▾</span>
                </button>
                <button
                  type="button"
                  data-part="reject"
                  aria-label={`Reject ${name}`}
                  onClick={() => teach.reject(tag)}
                  {...rovingProps(`${tag.label}:reject`)}
                >
                  <span aria-hidden="true">×</span>
                </button>
                {menuFor(`${tag.label}:correct`, `Change ${name} to`, others, (to) =>
                  teach.correct(tag, to),
                )}
              </span>
            );
          })}
          <span data-part="choose-tag">
            <button
              type="button"
              data-part="choose"
              {...rovingProps(chooseKey)}
              {...menuTriggerProps(chooseKey)}
            >
              Choose tag
            </button>
            {menuFor(
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

/** The roving keys of a tag's buttons, in DOM order. */
function tagKeys(label: string): string[] {
  return [`${label}:accept`, `${label}:correct`, `${label}:reject`];
}

/** "billing, 72 %", with ", unsure" for a low-confidence suggestion. */
function chipName(tag: SuggestedTag, name: string): string {
  const confidence = tag.confidence === undefined ? '' : `, ${formatPercent(tag.confidence)}`;
  return `${name}${confidence}${tag.unsure ? ', unsure' : ''}`;
}
