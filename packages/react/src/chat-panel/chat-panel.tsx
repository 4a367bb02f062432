import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  forwardRef,
  useId,
  useRef,
  useState,
} from 'react';
import { useStore } from 'zustand';
import { ChatComposer } from './chat-composer.js';
import { ChatMessage } from './chat-message.js';
import { createChatPanelStore } from './chat-panel-store.js';
import { describeChatStatus } from './describe-chat-status.js';
import { useFocusHandoff } from './use-focus-handoff.js';
import { useStickToBottom } from './use-stick-to-bottom.js';

/**
 * A chat's status, as the AI SDK's `useChat` reports it, and the panel's `data-state`: `ready`
 * (nothing on its way), `submitted` (sent, no answer yet), `streaming` (the answer is coming
 * in), `error` (the last request failed).
 *
 * @example
 * [data-ondevice-chat-panel][data-state='streaming'] [data-streaming] { cursor: progress }
 */
export type ChatPanelStatus = 'ready' | 'submitted' | 'streaming' | 'error';

/**
 * Where an answer was made: `device` (a model on this device), `chrome-ai` (Chrome's built-in
 * model, also on the device) or `remote` (a server).
 *
 * @example
 * const source: ChatAnswerSource = 'chrome-ai'
 */
export type ChatAnswerSource = 'device' | 'chrome-ai' | 'remote';

/**
 * A part of a message's content; text parts (`type: 'text'`) are shown, others left out. The AI
 * SDK's `UIMessage` parts fit as they are.
 *
 * @example
 * const part: ChatPanelMessagePart = { type: 'text', text: 'Your invoice was sent on 3 March.' }
 */
export interface ChatPanelMessagePart {
  type: string;
  text?: string;
}

/**
 * One message of a {@link ChatPanel}. Give its content as `text`, or as `parts` (the AI SDK's
 * `UIMessage` is one as it is; add `answeredBy` and `reason`, e.g. from its `metadata`).
 *
 * @example
 * const message: ChatPanelMessage = {
 *   id: 'a1',
 *   role: 'assistant',
 *   text: 'Invoices are under Billing › History.',
 *   answeredBy: 'device',
 *   reason: 'Short question: the on-device model answers it.',
 * }
 */
export interface ChatPanelMessage {
  id: string;
  role: 'user' | 'assistant' | 'system';
  /** The message's text (the text so far while it streams); wins over `parts`. */
  text?: string;
  /** The message's content as parts; the text parts are joined. */
  parts?: readonly ChatPanelMessagePart[];
  /** An answer's source, shown as a badge ("Answered on device"). */
  answeredBy?: ChatAnswerSource;
  /** Why it was answered there, shown next to the badge and tied to it. */
  reason?: string;
}

/**
 * Props of {@link ChatPanel}; other props go to the root `<div>`.
 *
 * @example
 * <ChatPanel messages={messages} status={status} error={error} onSend={send} onStop={stop} onRetry={retry} />
 */
export interface ChatPanelProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children' | 'onSubmit' | 'placeholder'
> {
  /** The conversation, oldest first. */
  messages: readonly ChatPanelMessage[];
  /** The chat's status (the AI SDK's `useChat` values). */
  status: ChatPanelStatus;
  /** Why the last request failed (`status="error"`); its `message` is shown. */
  error?: { message: string } | undefined;
  /** Called with the message (trimmed) when it is sent; the message box then empties. */
  onSend: (text: string) => void;
  /** Shows Stop while an answer is on its way (`submitted`, `streaming`), which calls this. */
  onStop?: () => void;
  /** Shows Retry after a failure (`status="error"`), which calls this. */
  onRetry?: () => void;
  /**
   * Visible label of the message box.
   * @default 'Message'
   */
  label?: ReactNode;
  /**
   * Placeholder of the message box.
   * @default 'Ask a question…'
   */
  placeholder?: string;
  /**
   * Accessible name of the conversation (the log).
   * @default 'Conversation'
   */
  logLabel?: string;
  /**
   * What the log shows before the first message.
   * @default 'No messages yet. Ask a question to start.'
   */
  emptyText?: ReactNode;
  /**
   * Draws an answer's badge instead of the default one ("Answered on device", with the reason);
   * called for every assistant message, `null` draws none.
   */
  renderBadge?: (message: ChatPanelMessage) => ReactNode;
  /** Draws a message's text (e.g. as Markdown) instead of plain text. */
  renderText?: (text: string, message: ChatPanelMessage) => ReactNode;
  /** Controlled: the message being written; pair with `onDraftChange`. */
  draft?: string;
  /**
   * Uncontrolled: the message box's text at first.
   * @default ''
   */
  defaultDraft?: string;
  /** Called with the new draft on every edit, and with '' once it is sent. */
  onDraftChange?: (draft: string) => void;
}

/**
 * A chat, for any chat hook (the AI SDK's `useChat` fits, without depending on it): the
 * conversation in a polite live log (`role="log"`, busy while an answer streams, so screen
 * readers read it once, whole; focusable, so it scrolls from the keyboard; it follows new text
 * unless scrolled up), each answer with a badge saying where it was made — "Answered on device",
 * "Answered by Chrome's built-in model" or "Answered by the cloud" — and why; a labelled message
 * box where Enter sends and Shift+Enter starts a new line; Send (never for an empty message, nor
 * while an answer is on its way); Stop while it is; a short status line (`role="status"`); and
 * after a failure its message (`role="alert"`) with Retry. Focus moves between Send, Stop and
 * Retry as they come and go, so keyboard users never lose it. Unstyled: style it through
 * `data-state` (ready, submitted, streaming, error), `data-part`, `data-role` and
 * `data-answered-by`, or import `@ondevice/react/theme.css`.
 *
 * @example
 * function SupportChat() {
 *   const { messages, status, error, sendMessage, stop, regenerate } = useChat()
 *   return (
 *     <ChatPanel
 *       messages={messages.map((message) => ({ ...message, ...message.metadata }))}
 *       status={status}
 *       error={error}
 *       onSend={(text) => sendMessage({ text })}
 *       onStop={stop}
 *       onRetry={() => regenerate()}
 *     />
 *   )
 * }
 */
export const ChatPanel = forwardRef<HTMLDivElement, ChatPanelProps>(function ChatPanel(
  {
    messages,
    status,
    error,
    onSend,
    onStop,
    onRetry,
    label = 'Message',
    placeholder = 'Ask a question…',
    logLabel = 'Conversation',
    emptyText = 'No messages yet. Ask a question to start.',
    renderBadge,
    renderText,
    draft: controlledDraft,
    defaultDraft = '',
    onDraftChange,
    ...props
  },
  ref,
) {
  const id = useId();
  const [store] = useState(() => createChatPanelStore({ draft: defaultDraft }));
  const storedDraft = useStore(store, (state) => state.draft);
  const draft = controlledDraft ?? storedDraft;
  const { busy, statusText, errorText } = describeChatStatus(status, error);
  const canSend = !busy && draft.trim() !== '';

  const setDraft = (value: string) => {
    if (controlledDraft === undefined) store.getState().setDraft(value);
    onDraftChange?.(value);
  };
  const send = () => {
    if (!canSend) return;
    onSend(draft.trim());
    setDraft('');
  };

  const draftRef = useRef<HTMLTextAreaElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const [targets] = useState(() => ({
    draft: draftRef,
    send: sendRef,
    stop: stopRef,
    retry: retryRef,
  }));
  const focusHandlers = useFocusHandoff(busy, status === 'error', targets);
  const log = useStickToBottom<HTMLDivElement>(messages);
  const last = messages.at(-1);
  const errorId = `${id}-error`;

  return (
    <div ref={ref} data-ondevice-chat-panel="" data-state={status} {...props}>
      <div
        ref={log.ref}
        onScroll={log.onScroll}
        data-part="log"
        role="log"
        aria-live="polite"
        aria-label={logLabel}
        // Busy while an answer is on its way: screen readers read it once it is whole.
        aria-busy={busy || undefined}
        // Focusable, so that keyboard users can scroll a long conversation.
        tabIndex={0}
      >
        {messages.length === 0 ? (
          <p data-part="empty">{emptyText}</p>
        ) : (
          messages.map((message, index) => (
            <ChatMessage
              key={message.id}
              id={`${id}-message-${index}`}
              message={message}
              streaming={status === 'streaming' && message === last && message.role === 'assistant'}
              renderBadge={renderBadge}
              renderText={renderText}
            />
          ))
        )}
      </div>
      <p data-part="status" role="status">
        {statusText}
      </p>
      {errorText && (
        <p data-part="error" id={errorId} role="alert">
          {errorText}
        </p>
      )}
      {status === 'error' && onRetry && (
        <button
          ref={retryRef}
          type="button"
          data-part="retry"
          aria-describedby={errorId}
          onClick={onRetry}
          {...focusHandlers('retry')}
        >
          Retry
        </button>
      )}
      <ChatComposer
        label={label}
        placeholder={placeholder}
        draft={draft}
        onDraftChange={setDraft}
        canSend={canSend}
        send={send}
        busy={busy}
        onStop={onStop}
        draftRef={draftRef}
        sendRef={sendRef}
        stopRef={stopRef}
        focusHandlers={focusHandlers}
      />
    </div>
  );
});
