import { type KeyboardEvent, type RefObject, useEffect } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SmartTagsStoreState } from './smart-tags-store.js';

/** What {@link useRovingFocus} gives the toolbar's buttons. */
export interface RovingFocus {
  /** `data-key` of the button in the tab order. */
  tabStop: string | undefined;
  /** Moves the tab stop to a button and focuses it. */
  focusKey(key: string): void;
  /** Arrow keys, Home and End move between the buttons. */
  onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  /** Props of one roving button. */
  rovingProps(key: string): { 'data-key': string; tabIndex: number; onFocus(): void };
}

/**
 * One tab stop for the toolbar of `<SmartTags>` (WAI-ARIA toolbar pattern): the remembered
 * stop if its button still exists, else the first; focus follows a tag that moved, or falls
 * back to `fallbackKey` when it is gone.
 *
 * @example
 * const { rovingProps, onToolbarKeyDown } = useRovingFocus({ store, rootRef, keys, fallbackKey: 'choose' })
 */
export function useRovingFocus(options: {
  store: StoreApi<SmartTagsStoreState>;
  rootRef: RefObject<HTMLDivElement | null>;
  keys: readonly string[];
  fallbackKey: string;
}): RovingFocus {
  const { store, rootRef, keys, fallbackKey } = options;
  const storedTabStop = useStore(store, (state) => state.tabStop);
  const focusRequest = useStore(store, (state) => state.focusRequest);
  const teaching = useStore(store, (state) => state.teaching);
  const tabStop = storedTabStop !== null && keys.includes(storedTabStop) ? storedTabStop : keys[0];

  const findButton = (key: string) =>
    [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find(
      (element) => element.dataset.key === key,
    );
  const focusKey = (key: string) => {
    store.getState().setTabStop(key);
    findButton(key)?.focus();
  };

  // Focus follows a tag that moved (corrected, chosen); falls back if it is gone.
  useEffect(() => {
    if (focusRequest === null) return;
    const target = findButton(focusRequest);
    if (!target && teaching) return;
    store.getState().requestFocus(null);
    focusKey(target ? focusRequest : fallbackKey);
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

  const rovingProps = (key: string) => ({
    'data-key': key,
    tabIndex: key === tabStop ? 0 : -1,
    onFocus: () => {
      if (key !== tabStop) store.getState().setTabStop(key);
    },
  });

  return { tabStop, focusKey, onToolbarKeyDown, rovingProps };
}
