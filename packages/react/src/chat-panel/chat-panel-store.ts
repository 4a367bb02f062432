import { type StoreApi, createStore } from 'zustand/vanilla';

/** UI state of one `<ChatPanel>`: the message being written, when uncontrolled. */
export interface ChatPanelStoreState {
  draft: string;
  setDraft(draft: string): void;
}

/**
 * Creates the store of one `<ChatPanel>` instance (never a module singleton), so two chats on
 * a page never share a draft.
 *
 * @example
 * const store = createChatPanelStore({ draft: '' })
 * store.getState().setDraft('Where is my invoice?')
 */
export function createChatPanelStore(initial: { draft: string }): StoreApi<ChatPanelStoreState> {
  return createStore<ChatPanelStoreState>()((set) => ({
    draft: initial.draft,
    setDraft: (draft) => set({ draft }),
  }));
}
