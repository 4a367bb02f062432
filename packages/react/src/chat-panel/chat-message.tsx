import type { ReactNode } from 'react';
import { answeredByText } from './answered-by.js';
import type { ChatPanelMessage } from './chat-panel.js';
import { messageText } from './message-text.js';

const authors: Readonly<Record<ChatPanelMessage['role'], string>> = {
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
};

/** Props of {@link ChatMessage}. */
export interface ChatMessageProps {
  message: ChatPanelMessage;
  /** A prefix for the ids of the message's parts, unique on the page. */
  id: string;
  /** Whether its text is still streaming in. */
  streaming: boolean;
  renderBadge: ((message: ChatPanelMessage) => ReactNode) | undefined;
  renderText: ((text: string, message: ChatPanelMessage) => ReactNode) | undefined;
}

/**
 * One message of a `<ChatPanel>`: who wrote it (as text, not only by its place or colour), its
 * text, and for an answer the badge that says where it was answered, with the reason as visible
 * text tied to the badge by `aria-describedby` (and its `title`).
 *
 * @example
 * <ChatMessage id="m1" message={message} streaming={false} renderBadge={undefined} renderText={undefined} />
 */
export function ChatMessage({ message, id, streaming, renderBadge, renderText }: ChatMessageProps) {
  const text = messageText(message);
  const { role, answeredBy, reason } = message;
  const reasonId = `${id}-reason`;
  let badge: ReactNode = null;
  if (role === 'assistant' && renderBadge) badge = renderBadge(message);
  else if (role === 'assistant' && answeredBy) {
    badge = (
      <p data-part="badge" data-answered-by={answeredBy}>
        <span
          data-part="badge-text"
          title={reason}
          aria-describedby={reason ? reasonId : undefined}
        >
          {answeredByText(answeredBy)}
        </span>
        {reason && (
          <>
            {' '}
            <span data-part="reason" id={reasonId}>
              {reason}
            </span>
          </>
        )}
      </p>
    );
  }
  return (
    <div
      data-part="message"
      data-role={role}
      data-answered-by={role === 'assistant' ? answeredBy : undefined}
      data-streaming={streaming ? '' : undefined}
    >
      <span data-part="author">{authors[role]}</span>
      <div data-part="text">{renderText ? renderText(text, message) : text}</div>
      {badge}
    </div>
  );
}
