import type { ChatPanelMessage } from './chat-panel.js';

/**
 * The text of a message: its `text`, or else its text parts joined (the AI SDK's `parts`, where
 * reasoning, tool and file parts are left out).
 *
 * @example
 * messageText({ id: '1', role: 'assistant', parts: [{ type: 'text', text: 'Hello' }] }) // 'Hello'
 */
export function messageText(message: Pick<ChatPanelMessage, 'text' | 'parts'>): string {
  if (message.text !== undefined) return message.text;
  return (message.parts ?? [])
    .map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}
