import { type ChatPanelMessage, type ChatPanelStatus, ChatPanel } from '@ondevice/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useRef, useState } from 'react';

// A support chat of Fernhill, the imaginary invoicing and project app of the stories, with
// Priya Raman, finance lead at Brightwater Logistics (a customer), asking about her invoices.

const question: ChatPanelMessage = {
  id: 'u1',
  role: 'user',
  text: 'Our March invoice (INV-2024-0311) lists the Timesheets add-on twice. Were we charged twice?',
};
const deviceAnswer: ChatPanelMessage = {
  id: 'a1',
  role: 'assistant',
  text: 'No: the add-on is billed once per workspace, and Brightwater Logistics has two, Operations and Finance. Each line on INV-2024-0311 names its workspace.',
  answeredBy: 'device',
  reason: 'A short billing question: the on-device model answers it, nothing leaves the device.',
};
const followUp: ChatPanelMessage = {
  id: 'u2',
  role: 'user',
  text: 'We only use Timesheets in Operations. Can the Finance one be cancelled from April, and what does our contract say about a refund for March?',
};
const cloudAnswer: ChatPanelMessage = {
  id: 'a2',
  role: 'assistant',
  text: 'Yes. An admin can turn Timesheets off for Finance under Settings › Add-ons; it stops at the end of the billing period, so April is not charged.\n\nSection 7.2 of your agreement allows a pro-rata credit for add-ons unused in the month they were billed: ask for it within 30 days of the invoice.',
  answeredBy: 'remote',
  reason:
    'The question needs the 38-page customer agreement, more than the on-device model reads at once; names and emails were masked before sending.',
};
const thanks: ChatPanelMessage = {
  id: 'u3',
  role: 'user',
  text: 'Thanks! Can you draft the credit request?',
};
const chromeAnswer: ChatPanelMessage = {
  id: 'a3',
  role: 'assistant',
  text: 'Here is a draft:\n\n"Hello Fernhill billing, please credit the Finance workspace’s Timesheets add-on on INV-2024-0311 under section 7.2; it was not used in March. Thank you, Priya Raman."',
  answeredBy: 'chrome-ai',
  reason: 'Writing help: Chrome’s built-in model is available on this device.',
};
const conversation = [question, deviceAnswer, followUp, cloudAnswer, thanks, chromeAnswer];

/** The conversation so far with the last answer cut to its first `words` words (as it streams). */
function partial(message: ChatPanelMessage, words: number): ChatPanelMessage {
  return { ...message, text: (message.text ?? '').split(' ').slice(0, words).join(' ') };
}

const noop = () => {};

const meta = {
  title: 'Widgets/ChatPanel',
  component: ChatPanel,
  args: {
    messages: [],
    status: 'ready',
    onSend: noop,
    onStop: noop,
    onRetry: noop,
    label: 'Ask Fernhill support',
    placeholder: 'Ask about invoices, add-ons or your plan…',
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: '40rem' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ChatPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No messages yet: the empty text, Send disabled until something is typed. */
export const Empty: Story = {};

/** A finished conversation: answers made on the device, in the cloud and by Chrome's built-in model, each with its reason. */
export const Conversation: Story = {
  name: 'Conversation with badges',
  args: { messages: conversation },
};

/** Sent, no answer yet: the log is busy, Stop shows, Send waits. */
export const Submitted: Story = {
  args: { messages: [question], status: 'submitted' },
};

/** The answer streams in (a caret at its end); Stop shows. */
export const Streaming: Story = {
  args: { messages: [question, partial(deviceAnswer, 14)], status: 'streaming' },
};

/** The request failed: the message as an alert, and Retry. */
export const Error: Story = {
  name: 'Error with retry',
  args: {
    messages: [question, deviceAnswer, followUp],
    status: 'error',
    error: { message: 'The LLM proxy did not answer within 30 s (upstream 504).' },
  },
};

/** A scripted chat, as `useChat` would drive it: type a question and press Enter. */
export const Scripted: Story = {
  name: 'Scripted chat (interactive)',
  render: (args) => <ScriptedChat label={args.label} placeholder={args.placeholder} />,
};

/** Every state on one page. */
export const AllStates: Story = {
  name: 'All states',
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <ChatPanel {...args} label="Empty" />
      <ChatPanel {...args} label="Conversation" messages={conversation} />
      <ChatPanel {...args} label="Submitted" messages={[question]} status="submitted" />
      <ChatPanel
        {...args}
        label="Streaming"
        messages={[question, partial(deviceAnswer, 14)]}
        status="streaming"
      />
      <ChatPanel
        {...args}
        label="Error"
        messages={[question]}
        status="error"
        error={{ message: 'The LLM proxy did not answer within 30 s (upstream 504).' }}
      />
    </div>
  ),
};

/** Canned answers, by what the question mentions: the cloud for contracts, else the device. */
function answerTo(text: string): Omit<ChatPanelMessage, 'id' | 'role'> {
  if (/contract|agreement|refund|credit/i.test(text)) {
    return { text: cloudAnswer.text, answeredBy: 'remote', reason: cloudAnswer.reason };
  }
  return { text: deviceAnswer.text, answeredBy: 'device', reason: deviceAnswer.reason };
}

/**
 * A stand-in for a chat hook such as the AI SDK's `useChat`: `submitted` for a moment, then the
 * answer word by word; a question that mentions "outage" fails once, so that Retry shows.
 */
function useScriptedChat() {
  const [messages, setMessages] = useState<ChatPanelMessage[]>([]);
  const [status, setStatus] = useState<ChatPanelStatus>('ready');
  const [error, setError] = useState<{ message: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const failed = useRef(false);
  const next = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const answer = (asked: string) => {
    setStatus('submitted');
    setError(undefined);
    timer.current = setTimeout(() => {
      if (/outage/i.test(asked) && !failed.current) {
        failed.current = true;
        setStatus('error');
        setError({ message: 'The LLM proxy did not answer within 30 s (upstream 504).' });
        return;
      }
      const { text = '', ...source } = answerTo(asked);
      const id = `a${(next.current += 1)}`;
      const words = text.split(' ');
      setStatus('streaming');
      const stream = (count: number) => {
        const shown = words.slice(0, count).join(' ');
        setMessages((all) => [
          ...all.filter((message) => message.id !== id),
          { id, role: 'assistant', text: shown, ...source },
        ]);
        if (count < words.length) timer.current = setTimeout(() => stream(count + 1), 60);
        else setStatus('ready');
      };
      stream(1);
    }, 700);
  };

  return {
    messages,
    status,
    error,
    sendMessage: ({ text }: { text: string }) => {
      setMessages((all) => [...all, { id: `u${(next.current += 1)}`, role: 'user', text }]);
      answer(text);
    },
    stop: () => {
      clearTimeout(timer.current);
      setStatus('ready');
    },
    regenerate: () => {
      const asked = messages.findLast((message) => message.role === 'user');
      if (asked) answer(asked.text ?? '');
    },
  };
}

function ScriptedChat({ label, placeholder }: { label?: ReactNode; placeholder?: string }) {
  const { messages, status, error, sendMessage, stop, regenerate } = useScriptedChat();
  return (
    <ChatPanel
      label={label}
      placeholder={placeholder}
      emptyText='Try "Why is Timesheets on our invoice twice?", "What does the contract say about refunds?" or "Is there an outage?"'
      messages={messages}
      status={status}
      error={error}
      onSend={(text) => sendMessage({ text })}
      onStop={stop}
      onRetry={() => regenerate()}
    />
  );
}
