import { type KeyboardEvent, type ReactNode, type RefObject, useId } from 'react';
import type { ChatControl } from './use-focus-handoff.js';

/** Props of {@link ChatComposer}. */
export interface ChatComposerProps {
  label: ReactNode;
  placeholder: string | undefined;
  draft: string;
  onDraftChange: (draft: string) => void;
  /** Whether Send sends now: not while an answer is on its way, not an empty message. */
  canSend: boolean;
  send: () => void;
  /** Whether an answer is on its way: Stop shows. */
  busy: boolean;
  onStop: (() => void) | undefined;
  draftRef: RefObject<HTMLTextAreaElement | null>;
  sendRef: RefObject<HTMLButtonElement | null>;
  stopRef: RefObject<HTMLButtonElement | null>;
  focusHandlers: (control: ChatControl) => {
    onFocus: () => void;
    onBlur: (event: { relatedTarget: unknown }) => void;
  };
}

/**
 * The composer of a `<ChatPanel>`: a labelled message box (Enter sends, Shift+Enter starts a
 * new line, said by a hint tied to it), Send, and Stop while an answer is on its way.
 *
 * @example
 * <ChatComposer label="Message" draft={draft} onDraftChange={setDraft} canSend send={send} … />
 */
export function ChatComposer({
  label,
  placeholder,
  draft,
  onDraftChange,
  canSend,
  send,
  busy,
  onStop,
  draftRef,
  sendRef,
  stopRef,
  focusHandlers,
}: ChatComposerProps) {
  const id = useId();
  return (
    <form
      data-part="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label data-part="label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <textarea
        ref={draftRef}
        id={`${id}-input`}
        data-part="input"
        rows={2}
        value={draft}
        placeholder={placeholder}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onDraftChange(event.target.value)}
        onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
          // Enter while an input method composes a word confirms the word, not the message.
          // Safari reports that Enter after compositionend, with isComposing false and the
          // keyCode 229 of an input method's key.
          if (event.key !== 'Enter' || event.shiftKey) return;
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          event.preventDefault();
          send();
        }}
      />
      <span data-part="hint" id={`${id}-hint`}>
        Enter sends; Shift+Enter starts a new line.
      </span>
      <div data-part="actions">
        <button
          ref={sendRef}
          type="submit"
          data-part="send"
          disabled={!canSend}
          {...focusHandlers('send')}
        >
          Send
        </button>
        {busy && onStop && (
          <button
            ref={stopRef}
            type="button"
            data-part="stop"
            onClick={onStop}
            {...focusHandlers('stop')}
          >
            Stop
          </button>
        )}
      </div>
    </form>
  );
}
