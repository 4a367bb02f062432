import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatPanel, type ChatPanelMessage, type ChatPanelProps } from './chat-panel.js';
import { describeChatStatus } from './describe-chat-status.js';
import { messageText } from './message-text.js';

afterEach(cleanup);

const conversation: ChatPanelMessage[] = [
  {
    id: 'u1',
    role: 'user',
    text: 'Our March invoice from Fernhill shows the Analytics add-on twice. Can you check?',
  },
  {
    id: 'a1',
    role: 'assistant',
    text: 'The add-on was billed once per workspace: you have two, Operations and Finance.',
    answeredBy: 'device',
    reason: 'Short billing question: the on-device model answers it.',
  },
  { id: 'u2', role: 'user', text: 'Please summarise the 40-page contract we attached.' },
  {
    id: 'a2',
    role: 'assistant',
    text: 'Section 7 allows one refund per quarter for duplicate charges.',
    answeredBy: 'remote',
    reason: 'The contract is longer than the on-device model reads at once.',
  },
  {
    id: 'a3',
    role: 'assistant',
    text: 'A refund request is drafted for you.',
    answeredBy: 'chrome-ai',
  },
];

/** A chat panel with spied actions; `props` override. */
function renderPanel(props: Partial<ChatPanelProps> = {}) {
  const actions = { onSend: vi.fn(), onStop: vi.fn(), onRetry: vi.fn() };
  const all: ChatPanelProps = { messages: [], status: 'ready', ...actions, ...props };
  const view = render(<ChatPanel {...all} />);
  const rerender = (next: Partial<ChatPanelProps>) =>
    view.rerender(<ChatPanel {...all} {...next} />);
  return { ...view, actions, rerender };
}

function parts() {
  return {
    log: screen.getByRole('log', { name: 'Conversation' }),
    input: screen.getByRole('textbox', { name: 'Message' }),
    send: screen.getByRole('button', { name: 'Send' }),
    stop: screen.queryByRole('button', { name: 'Stop' }),
    retry: screen.queryByRole('button', { name: 'Retry' }),
    status: screen.getByRole('status'),
  };
}

const messagesIn = (log: HTMLElement) =>
  Array.from(log.querySelectorAll<HTMLElement>('[data-part="message"]'));

describe('<ChatPanel>', () => {
  it('starts empty: a focusable polite log with the empty text, a labelled message box, Send disabled', () => {
    const ref = createRef<HTMLDivElement>();
    const { container } = renderPanel({ ref, className: 'mine' } as Partial<ChatPanelProps>);
    const { log, input, send, stop, retry, status } = parts();
    expect(ref.current).toBe(container.firstChild);
    expect(ref.current).toHaveAttribute('data-ondevice-chat-panel', '');
    expect(ref.current).toHaveAttribute('data-state', 'ready');
    expect(ref.current).toHaveClass('mine');
    expect(ref.current?.querySelector('[style]')).toBeNull(); // unstyled
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(log).toHaveAttribute('tabindex', '0');
    expect(log).not.toHaveAttribute('aria-busy');
    expect(log).toHaveTextContent('No messages yet. Ask a question to start.');
    expect(messagesIn(log)).toEqual([]);
    expect(input).toHaveAttribute('placeholder', 'Ask a question…');
    expect(input).toHaveAccessibleDescription('Enter sends; Shift+Enter starts a new line.');
    expect(send).toBeDisabled();
    expect(stop).toBeNull();
    expect(retry).toBeNull();
    expect(status).toHaveTextContent('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes its texts: label, placeholder, log label and empty text', () => {
    renderPanel({
      label: 'Your question',
      placeholder: 'Describe the problem',
      logLabel: 'Support chat',
      emptyText: 'Ask Fernhill support anything.',
    });
    expect(screen.getByRole('textbox', { name: 'Your question' })).toHaveAttribute(
      'placeholder',
      'Describe the problem',
    );
    expect(screen.getByRole('log', { name: 'Support chat' })).toHaveTextContent(
      'Ask Fernhill support anything.',
    );
  });

  it('shows the conversation with who wrote each message and where each answer was made, and why', () => {
    renderPanel({ messages: conversation });
    const { log } = parts();
    expect(log).not.toHaveTextContent('No messages yet');
    const shown = messagesIn(log);
    expect(shown.map((message) => message.dataset.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'assistant',
    ]);
    expect(
      shown.map((message) => within(message).getByText(/^(You|Assistant)$/).textContent),
    ).toEqual(['You', 'Assistant', 'You', 'Assistant', 'Assistant']);
    expect(shown[0]).toHaveTextContent(conversation[0]?.text as string);
    // Questions have no badge; each answer has its own.
    expect(shown[0]?.querySelector('[data-part="badge"]')).toBeNull();
    expect(shown[2]?.querySelector('[data-part="badge"]')).toBeNull();

    const device = within(shown[1] as HTMLElement).getByText('Answered on device');
    expect(device).toHaveAccessibleDescription(
      'Short billing question: the on-device model answers it.',
    );
    expect(device).toHaveAttribute(
      'title',
      'Short billing question: the on-device model answers it.',
    );
    // Described by the visible reason (not only the title, which is a hover tooltip).
    const reason = document.getElementById(device.getAttribute('aria-describedby') ?? '');
    expect(reason).toHaveAttribute('data-part', 'reason');
    expect(reason).toBeVisible();
    expect(shown[1]).toContainElement(reason);
    expect(shown[1]).toHaveAttribute('data-answered-by', 'device');
    const cloud = within(shown[3] as HTMLElement).getByText('Answered by the cloud');
    expect(cloud).toHaveAccessibleDescription(
      'The contract is longer than the on-device model reads at once.',
    );
    expect(shown[3]).toHaveTextContent(
      'The contract is longer than the on-device model reads at once.',
    ); // visible, not only a tooltip
    const chrome = within(shown[4] as HTMLElement).getByText("Answered by Chrome's built-in model");
    expect(chrome).not.toHaveAttribute('aria-describedby'); // no reason given
    expect(chrome).not.toHaveAttribute('title');
  });

  it('reads text parts (the AI SDK message shape) and shows no badge for an answer without a source', () => {
    renderPanel({
      messages: [
        { id: 's', role: 'system', text: 'You are Fernhill’s billing assistant.' },
        {
          id: 'a',
          role: 'assistant',
          parts: [
            { type: 'step-start' },
            { type: 'reasoning', text: 'They ask about VAT.' },
            { type: 'text', text: 'VAT is shown ' },
            { type: 'text', text: 'per line since April.' },
          ],
        },
      ],
    });
    const [system, answer] = messagesIn(parts().log);
    expect(system).toHaveAttribute('data-role', 'system');
    expect(within(system as HTMLElement).getByText('System')).toBeInTheDocument();
    expect(answer?.querySelector('[data-part="text"]')).toHaveTextContent(
      /^VAT is shown per line since April\.$/,
    );
    expect(answer).not.toHaveTextContent('They ask about VAT');
    expect(answer?.querySelector('[data-part="badge"]')).toBeNull();
    expect(answer).not.toHaveAttribute('data-answered-by');
  });

  it('sends on Enter (trimmed) and empties the box; Shift+Enter starts a new line', async () => {
    const { actions } = renderPanel();
    const { input, send } = parts();
    await userEvent.type(input, '  Where is the VAT number on invoices?{Enter}');
    expect(actions.onSend).toHaveBeenCalledExactlyOnceWith('Where is the VAT number on invoices?');
    expect(input).toHaveValue('');

    await userEvent.type(input, 'First line{Shift>}{Enter}{/Shift}second line');
    expect(input).toHaveValue('First line\nsecond line');
    expect(actions.onSend).toHaveBeenCalledTimes(1);
    expect(send).toBeEnabled();
    await userEvent.click(send);
    expect(actions.onSend).toHaveBeenLastCalledWith('First line\nsecond line');
    expect(input).toHaveValue('');
  });

  it('never sends an empty or blank message', async () => {
    const { actions } = renderPanel();
    const { input, send } = parts();
    await userEvent.type(input, '{Enter}');
    await userEvent.type(input, '   {Enter}');
    expect(send).toBeDisabled();
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(actions.onSend).not.toHaveBeenCalled();
    expect(input).toHaveValue('   ');
  });

  it('does not send while an input method composes a word', () => {
    const { actions } = renderPanel({ defaultDraft: 'にほんご' });
    fireEvent.keyDown(parts().input, { key: 'Enter', isComposing: true });
    expect(actions.onSend).not.toHaveBeenCalled();
    // Safari: the confirming Enter comes after compositionend, with the input method's keyCode.
    fireEvent.keyDown(parts().input, { key: 'Enter', keyCode: 229 });
    expect(actions.onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(parts().input, { key: 'Enter', keyCode: 13 });
    expect(actions.onSend).toHaveBeenCalledWith('にほんご');
  });

  it('while submitted: waits with a busy log, shows Stop, and keeps the next message from being sent', async () => {
    const { actions, container } = renderPanel({
      messages: conversation.slice(0, 1),
      status: 'submitted',
    });
    const { log, input, send, stop, status } = parts();
    expect(container.firstChild).toHaveAttribute('data-state', 'submitted');
    expect(log).toHaveAttribute('aria-busy', 'true');
    expect(status).toHaveTextContent('Waiting for the answer…');
    await userEvent.type(input, 'And the April one?{Enter}');
    expect(actions.onSend).not.toHaveBeenCalled();
    expect(input).toHaveValue('And the April one?'); // kept for later
    expect(send).toBeDisabled();
    expect(stop).toBeEnabled();
    await userEvent.click(stop as HTMLElement);
    expect(actions.onStop).toHaveBeenCalledTimes(1);
  });

  it('while streaming: the answer grows in the log, marked as streaming, with Stop', () => {
    const question = conversation[0] as ChatPanelMessage;
    const answer = (text: string): ChatPanelMessage => ({
      id: 'a1',
      role: 'assistant',
      text,
      answeredBy: 'device',
    });
    const { rerender, container } = renderPanel({
      messages: [question, answer('The add-on was')],
      status: 'streaming',
    });
    const { log, status } = parts();
    expect(container.firstChild).toHaveAttribute('data-state', 'streaming');
    expect(status).toHaveTextContent('Answering…');
    expect(log).toHaveAttribute('aria-busy', 'true');
    const [asked, answering] = messagesIn(log);
    expect(asked).not.toHaveAttribute('data-streaming');
    expect(answering).toHaveAttribute('data-streaming', '');
    expect(answering).toHaveTextContent('The add-on was');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeEnabled();

    rerender({ messages: [question, answer('The add-on was billed once per workspace.')] });
    expect(messagesIn(log)[1]).toBe(answering); // the same element, its text grown
    expect(answering).toHaveTextContent('The add-on was billed once per workspace.');

    rerender({
      messages: [question, answer('The add-on was billed once per workspace.')],
      status: 'ready',
    });
    expect(answering).not.toHaveAttribute('data-streaming');
    expect(log).not.toHaveAttribute('aria-busy');
    expect(status).toHaveTextContent('');
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('shows a failure as an alert with Retry, and lets a new message be sent', async () => {
    const { actions, container, rerender } = renderPanel({
      messages: conversation.slice(0, 1),
      status: 'error',
      error: new TypeError('Failed to fetch'),
    });
    expect(container.firstChild).toHaveAttribute('data-state', 'error');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not get an answer: Failed to fetch');
    const { retry, stop, input } = parts();
    expect(stop).toBeNull();
    expect(retry).toHaveAccessibleDescription('Could not get an answer: Failed to fetch');
    await userEvent.click(retry as HTMLElement);
    expect(actions.onRetry).toHaveBeenCalledTimes(1);
    await userEvent.type(input, 'Try again please{Enter}');
    expect(actions.onSend).toHaveBeenCalledWith('Try again please');

    rerender({ error: undefined, onRetry: undefined });
    expect(screen.getByRole('alert')).toHaveTextContent(/^Could not get an answer\.$/);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('is reachable from the keyboard in order: log, message box, Send, Stop', async () => {
    renderPanel({ messages: conversation, status: 'streaming', defaultDraft: 'Thanks!' });
    const { log, input } = parts();
    await userEvent.tab();
    expect(log).toHaveFocus();
    await userEvent.tab();
    expect(input).toHaveFocus();
    await userEvent.tab(); // Send waits while the answer streams: disabled, skipped
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
  });

  it('hands focus on as controls come and go: Send → Stop → message box, Stop → Retry → Stop', async () => {
    const { rerender } = renderPanel({ messages: conversation.slice(0, 1) });
    const { input, send } = parts();
    await userEvent.type(input, 'Is the refund on its way?');
    await userEvent.click(send);
    expect(send).toHaveFocus();
    rerender({ status: 'submitted' });
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
    rerender({ status: 'streaming' });
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
    rerender({ status: 'ready' });
    expect(input).toHaveFocus();

    rerender({ status: 'streaming' });
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    rerender({ status: 'error', error: new Error('The proxy timed out') });
    expect(screen.getByRole('button', { name: 'Retry' })).toHaveFocus();
    await userEvent.keyboard('{Enter}'); // Retry, from the keyboard
    rerender({ status: 'submitted', error: undefined });
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveFocus();
  });

  it('leaves focus in the message box when Enter sends', async () => {
    const { rerender } = renderPanel();
    const { input } = parts();
    await userEvent.type(input, 'Hello{Enter}');
    rerender({ status: 'submitted' });
    expect(input).toHaveFocus();
    rerender({ status: 'ready' });
    expect(input).toHaveFocus();
  });

  it('keeps each instance’s draft to itself, and is controllable through draft', async () => {
    const onDraftChange = vi.fn();
    const onSend = vi.fn();
    render(
      <>
        <ChatPanel messages={[]} status="ready" onSend={vi.fn()} label="First" />
        <ChatPanel
          messages={[]}
          status="ready"
          onSend={vi.fn()}
          label="Second"
          defaultDraft="Kept"
        />
        <ChatPanel
          messages={[]}
          status="ready"
          onSend={onSend}
          label="Third"
          draft="FIXED"
          onDraftChange={onDraftChange}
        />
      </>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'First' }), 'Typed');
    expect(screen.getByRole('textbox', { name: 'First' })).toHaveValue('Typed');
    expect(screen.getByRole('textbox', { name: 'Second' })).toHaveValue('Kept');
    const third = screen.getByRole('textbox', { name: 'Third' });
    await userEvent.type(third, '!');
    expect(onDraftChange).toHaveBeenLastCalledWith('FIXED!');
    expect(third).toHaveValue('FIXED');
    await userEvent.type(third, '{Enter}');
    expect(onSend).toHaveBeenCalledWith('FIXED');
    expect(onDraftChange).toHaveBeenLastCalledWith('');
  });

  it('draws badges and text the app’s way when asked', () => {
    renderPanel({
      messages: conversation.slice(0, 2),
      renderBadge: (message) => <em data-testid="badge">via {message.answeredBy}</em>,
      renderText: (text, message) => <strong data-testid={`text-${message.id}`}>{text}</strong>,
    });
    expect(screen.getAllByTestId('badge').map((badge) => badge.textContent)).toEqual([
      'via device',
    ]);
    expect(screen.queryByText('Answered on device')).toBeNull();
    expect(screen.getByTestId('text-u1')).toHaveTextContent(/^Our March invoice/);
  });
});

describe('describeChatStatus and messageText', () => {
  it('describe each status, and join text parts only', () => {
    expect(describeChatStatus('ready', undefined)).toEqual({
      busy: false,
      statusText: '',
      errorText: undefined,
    });
    expect(describeChatStatus('submitted', undefined).busy).toBe(true);
    expect(describeChatStatus('streaming', undefined).busy).toBe(true);
    expect(describeChatStatus('error', { message: 'quota' }).errorText).toBe(
      'Could not get an answer: quota',
    );
    expect(messageText({ text: 'a', parts: [{ type: 'text', text: 'b' }] })).toBe('a');
    expect(messageText({ parts: [{ type: 'text', text: 'b' }, { type: 'file' }] })).toBe('b');
    expect(messageText({})).toBe('');
  });
});
