import type { ChatAnswerSource } from './chat-panel.js';

const texts: Readonly<Record<ChatAnswerSource, string>> = {
  device: 'Answered on device',
  'chrome-ai': "Answered by Chrome's built-in model",
  remote: 'Answered by the cloud',
};

/**
 * The badge text of an answer from `source`.
 *
 * @example
 * answeredByText('remote') // 'Answered by the cloud'
 */
export function answeredByText(source: ChatAnswerSource): string {
  return texts[source];
}
