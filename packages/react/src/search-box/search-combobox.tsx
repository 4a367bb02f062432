import type { KeyboardEvent, ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { SearchBoxStoreState } from './search-box-store.js';

/** Props of {@link SearchCombobox}. */
export interface SearchComboboxProps {
  id: string;
  store: StoreApi<SearchBoxStoreState>;
  label: ReactNode;
  placeholder: string | undefined;
  query: string;
  /** The suggestions of `query` (none while they are for another query). */
  suggestions: readonly string[];
  onQueryChange(query: string): void;
}

/**
 * The query input of `<SearchBox>` and its suggestions, after the WAI-ARIA combobox pattern
 * (list autocomplete): the input keeps focus; ArrowDown and ArrowUp open the listbox and move
 * the active option (`aria-activedescendant`), Enter takes it as the query, Escape closes the
 * listbox, or clears the query when it is closed. Typing opens it; leaving the input closes it.
 *
 * @example
 * <SearchCombobox id={id} store={store} label="Search" placeholder={undefined} query={query}
 *   suggestions={['refund', 'refunds']} onQueryChange={setQuery} />
 */
export function SearchCombobox({
  id,
  store,
  label,
  placeholder,
  query,
  suggestions,
  onQueryChange,
}: SearchComboboxProps) {
  const open = useStore(store, (state) => state.open);
  const active = useStore(store, (state) => state.active);
  const expanded = open && suggestions.length > 0;
  const inputId = `${id}-input`;
  const listboxId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-suggestion-${index}`;
  const last = suggestions.length - 1;

  const choose = (suggestion: string) => {
    store.getState().closeSuggestions();
    onQueryChange(suggestion);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const { openSuggestions, setActive, closeSuggestions } = store.getState();
    switch (event.key) {
      case 'ArrowDown':
        if (suggestions.length === 0) return;
        event.preventDefault();
        if (!expanded) return openSuggestions(0);
        return setActive(active >= last ? 0 : active + 1);
      case 'ArrowUp':
        if (suggestions.length === 0) return;
        event.preventDefault();
        if (!expanded) return openSuggestions(last);
        return setActive(active <= 0 ? last : active - 1);
      case 'Enter': {
        const chosen = expanded ? suggestions[active] : undefined;
        if (chosen !== undefined) {
          event.preventDefault();
          choose(chosen);
        } else if (expanded) {
          closeSuggestions();
        }
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) return closeSuggestions();
        if (query !== '') onQueryChange('');
        return;
    }
  };

  return (
    <div data-part="combobox">
      <label data-part="label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        data-part="input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(event) => {
          store.getState().openSuggestions(-1);
          onQueryChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => store.getState().closeSuggestions()}
      />
      <ul
        id={listboxId}
        role="listbox"
        data-part="suggestions"
        aria-label="Suggestions"
        hidden={!expanded}
      >
        {expanded &&
          suggestions.map((suggestion, index) => (
            <li
              key={suggestion}
              id={optionId(index)}
              role="option"
              data-part="suggestion"
              data-active={index === active ? '' : undefined}
              aria-selected={index === active}
              // Keep focus in the input: the blur would close the listbox before the click.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => {
                if (index !== active) store.getState().setActive(index);
              }}
              onClick={() => choose(suggestion)}
            >
              {suggestion}
            </li>
          ))}
      </ul>
    </div>
  );
}
