import { type StoreApi, createStore } from 'zustand/vanilla';

/** UI state of one `<GenerateText>`: the prompt, when uncontrolled. */
export interface GenerateTextStoreState {
  prompt: string;
  setPrompt(prompt: string): void;
}

/**
 * Creates the store of one `<GenerateText>` instance (never a module singleton), so two
 * generators on a page never share a prompt.
 *
 * @example
 * const store = createGenerateTextStore({ prompt: 'Once upon a time' })
 * store.getState().setPrompt('The dog')
 */
export function createGenerateTextStore(initial: {
  prompt: string;
}): StoreApi<GenerateTextStoreState> {
  return createStore<GenerateTextStoreState>()((set) => ({
    prompt: initial.prompt,
    setPrompt: (prompt) => set({ prompt }),
  }));
}
