import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { LabelListbox } from './label-listbox.js';
import type { SmartTagsStoreState } from './smart-tags-store.js';

/** What {@link useTagMenus} gives the buttons that open a label menu. */
export interface TagMenus {
  /** The listbox of `key`'s menu when it is open, else null. */
  menuFor(
    key: string,
    title: string,
    options: readonly string[],
    choose: (to: string) => void,
  ): ReactNode;
  /** Props of a button that opens `key`'s menu (ARIA, click, ArrowDown). */
  menuTriggerProps(key: string): {
    'aria-haspopup': 'listbox';
    'aria-expanded': boolean;
    'aria-controls': string | undefined;
    onMouseDown(event: MouseEvent<HTMLButtonElement>): void;
    onClick(): void;
    onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  };
}

/**
 * The correction and choice menus of `<SmartTags>`: at most one open at a time (in the
 * widget's store), opened by click or ArrowDown, closed by choosing, Escape or leaving.
 *
 * @example
 * const { menuFor, menuTriggerProps } = useTagMenus({ store, keys, baseId, focusKey, formatLabel })
 */
export function useTagMenus(options: {
  store: StoreApi<SmartTagsStoreState>;
  keys: readonly string[];
  baseId: string;
  focusKey: (key: string) => void;
  formatLabel: (label: string) => string;
}): TagMenus {
  const { store, keys, baseId, focusKey, formatLabel } = options;
  const storedMenu = useStore(store, (state) => state.menu);
  // A menu whose chip went away (the prediction changed) is closed, not kept for later.
  const menu = storedMenu && keys.includes(storedMenu.trigger) ? storedMenu : null;
  const menuId = (key: string) => `${baseId}-${key}-menu`;

  const menuFor: TagMenus['menuFor'] = (key, title, choices, choose) =>
    menu?.trigger === key ? (
      <LabelListbox
        id={menuId(key)}
        label={title}
        options={choices}
        active={Math.min(menu.active, Math.max(0, choices.length - 1))}
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

  const menuTriggerProps: TagMenus['menuTriggerProps'] = (key) => ({
    'aria-haspopup': 'listbox',
    'aria-expanded': menu?.trigger === key,
    'aria-controls': menu?.trigger === key ? menuId(key) : undefined,
    // While its menu is open, pressing the button closes it: keep focus in the listbox until
    // the click, so the listbox's blur does not close it first and the click reopen it.
    onMouseDown: (event) => {
      if (menu?.trigger === key) event.preventDefault();
    },
    onClick: () => {
      if (menu?.trigger !== key) return store.getState().openMenu(key, 0);
      store.getState().closeMenu();
      focusKey(key);
    },
    onKeyDown: (event) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      store.getState().openMenu(key, 0);
    },
  });

  return { menuFor, menuTriggerProps };
}
