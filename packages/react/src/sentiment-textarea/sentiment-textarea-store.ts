import { type StoreApi, createStore } from 'zustand/vanilla';

/** UI state of one `<SentimentTextarea>`: the text, when uncontrolled. */
export interface SentimentTextareaStoreState {
  value: string;
  setValue(value: string): void;
}

/**
 * Creates the store of one `<SentimentTextarea>` instance (never a module singleton), so two
 * textareas on a page never share text.
 *
 * @example
 * const store = createSentimentTextareaStore({ value: 'Thanks for the quick fix!' })
 * store.getState().setValue('Still broken.')
 */
export function createSentimentTextareaStore(initial: {
  value: string;
}): StoreApi<SentimentTextareaStoreState> {
  return createStore<SentimentTextareaStoreState>()((set) => ({
    value: initial.value,
    setValue: (value) => set({ value }),
  }));
}
