import type { ChatPanelStatus } from './chat-panel.js';

/** What a chat panel shows for a status. */
export interface ChatStatusDescription {
  /** Whether an answer is on its way (submitted or streaming): Send waits, Stop shows. */
  busy: boolean;
  /** The status line, a polite live region: short, never the streamed text itself. */
  statusText: string;
  /** The error message (`role="alert"`), when the last request failed. */
  errorText: string | undefined;
}

/**
 * Describes a chat's status (the AI SDK's `useChat` status values) for display and assistive
 * technology.
 *
 * @example
 * describeChatStatus('submitted', undefined)
 * // { busy: true, statusText: 'Waiting for the answer…', errorText: undefined }
 */
export function describeChatStatus(
  status: ChatPanelStatus,
  error: { message: string } | undefined,
): ChatStatusDescription {
  switch (status) {
    case 'ready':
      return { busy: false, statusText: '', errorText: undefined };
    case 'submitted':
      return { busy: true, statusText: 'Waiting for the answer…', errorText: undefined };
    case 'streaming':
      return { busy: true, statusText: 'Answering…', errorText: undefined };
    case 'error':
      return {
        busy: false,
        statusText: '',
        errorText: error?.message
          ? `Could not get an answer: ${error.message}`
          : 'Could not get an answer.',
      };
  }
}
