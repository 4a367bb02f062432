import { type StoreApi, createStore } from 'zustand/vanilla';

/** The open correction or choice menu: which trigger opened it, and the highlighted option. */
export interface SmartTagsMenu {
  /** `data-key` of the button that opened it (`billing:correct`, `choose`). */
  trigger: string;
  /** Index of the active option. */
  active: number;
}

/** UI state of one `<SmartTags>` instance. */
export interface SmartTagsStoreState {
  /** The text the dismissed labels belong to; a new text starts with none dismissed. */
  text: string;
  /** Suggestions the user rejected for `text`. */
  dismissed: readonly string[];
  menu: SmartTagsMenu | null;
  /** `data-key` of the button that holds the roving tab stop. */
  tabStop: string | null;
  /** `data-key` of a button to focus as soon as it is rendered (after a tag moved). */
  focusRequest: string | null;
  /** What the polite live region says. */
  announcement: string;
  /** A learn or forget is in flight: further clicks wait. */
  teaching: boolean;
  dismiss(text: string, label: string): void;
  openMenu(trigger: string, active: number): void;
  setMenuActive(active: number): void;
  closeMenu(): void;
  setTabStop(key: string): void;
  requestFocus(key: string | null): void;
  announce(message: string): void;
  setTeaching(teaching: boolean): void;
}

/**
 * Creates the store of one `<SmartTags>` instance (never a module singleton): dismissed
 * suggestions, the open menu, the roving tab stop, focus after changes, and announcements.
 *
 * @example
 * const store = createSmartTagsStore({ text: 'I was charged twice' })
 * store.getState().dismiss('I was charged twice', 'praise')
 */
export function createSmartTagsStore(initial: { text: string }): StoreApi<SmartTagsStoreState> {
  return createStore<SmartTagsStoreState>()((set) => ({
    text: initial.text,
    dismissed: [],
    menu: null,
    tabStop: null,
    focusRequest: null,
    announcement: '',
    teaching: false,
    dismiss: (text, label) =>
      set((state) => ({
        text,
        dismissed: state.text === text ? [...state.dismissed, label] : [label],
      })),
    openMenu: (trigger, active) => set({ menu: { trigger, active } }),
    setMenuActive: (active) =>
      set((state) => (state.menu ? { menu: { ...state.menu, active } } : {})),
    closeMenu: () => set({ menu: null }),
    setTabStop: (tabStop) => set({ tabStop }),
    requestFocus: (focusRequest) => set({ focusRequest }),
    announce: (announcement) => set({ announcement }),
    setTeaching: (teaching) => set({ teaching }),
  }));
}
