import { type KeyboardEvent, useEffect, useRef } from 'react';

/** Props of {@link LabelListbox}. */
export interface LabelListboxProps {
  id: string;
  /** Accessible name, e.g. "Change billing to". */
  label: string;
  /** Label ids to choose from. */
  options: readonly string[];
  /** Index of the active (highlighted) option. */
  active: number;
  onActiveChange(index: number): void;
  onSelect(label: string): void;
  /** Escape returns focus to the trigger; Tab and clicking elsewhere just close. */
  onClose(reason: 'escape' | 'tab' | 'blur'): void;
  formatLabel(label: string): string;
}

/**
 * The popup list of labels of `<SmartTags>` (correct a tag, choose a tag): a `role="listbox"`
 * that takes focus when it opens and marks the active option with `aria-activedescendant`.
 * Arrow keys, Home and End move; typing a letter jumps to the next label starting with it;
 * Enter or Space chooses; Escape and Tab close.
 *
 * @example
 * <LabelListbox id="menu" label="Change billing to" options={['login', 'bug']} active={0}
 *   onActiveChange={setActive} onSelect={correct} onClose={close} formatLabel={(label) => label} />
 */
export function LabelListbox({
  id,
  label,
  options,
  active,
  onActiveChange,
  onSelect,
  onClose,
  formatLabel,
}: LabelListboxProps) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.focus();
  }, []);
  const optionId = (index: number) => `${id}-option-${index}`;
  const last = options.length - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // The listbox owns these keys: the toolbar around it must not move focus too.
    event.stopPropagation();
    const move = (index: number) => {
      event.preventDefault();
      onActiveChange(index);
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(active >= last ? 0 : active + 1);
      case 'ArrowUp':
        return move(active <= 0 ? last : active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(last);
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const chosen = options[active];
        if (chosen !== undefined) onSelect(chosen);
        return;
      }
      case 'Escape':
        event.preventDefault();
        return onClose('escape');
      case 'Tab':
        return onClose('tab');
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const letter = event.key.toLowerCase();
          const order = options.map((_, offset) => (active + 1 + offset) % options.length);
          const next = order.find((index) =>
            formatLabel(options[index] ?? '')
              .toLowerCase()
              .startsWith(letter),
          );
          if (next !== undefined) move(next);
        }
    }
  };

  return (
    <ul
      ref={listRef}
      id={id}
      role="listbox"
      data-part="listbox"
      aria-label={label}
      tabIndex={-1}
      aria-activedescendant={options.length > 0 ? optionId(active) : undefined}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onClose('blur');
      }}
    >
      {options.map((option, index) => (
        <li
          key={option}
          id={optionId(index)}
          role="option"
          data-part="option"
          data-active={index === active ? '' : undefined}
          aria-selected={index === active}
          // Keep focus in the listbox while clicking, so the blur does not close it first.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => {
            if (index !== active) onActiveChange(index);
          }}
          onClick={() => onSelect(option)}
        >
          {formatLabel(option)}
        </li>
      ))}
    </ul>
  );
}
