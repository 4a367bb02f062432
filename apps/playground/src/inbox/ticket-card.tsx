import type {
  ExplanationSource,
  OnDeviceError,
  SentimentResult,
  TeachablePrediction,
} from '@ondevice/core';
import { ExplainText, SentimentBadge, SmartTags } from '@ondevice/react';
import { useId } from 'react';
import { formatIntent, supportIntents, supportIntentsId } from './support-intents.js';
import type { SupportTicket } from './support-tickets.js';

/** What the inbox explains for the active ticket. */
export type ExplainKind = 'intent' | 'sentiment';

/** Props of {@link TicketCard}. */
export interface TicketCardProps {
  ticket: SupportTicket;
  /** The ticket's sentiment from the inbox's batch, with the batch's status. */
  sentiment: {
    status: 'idle' | 'loading' | 'ready' | 'error';
    result?: SentimentResult;
    error?: OnDeviceError;
  };
  /** The ticket's intent prediction from the inbox's batch, with the batch's status. */
  intent: {
    status: 'idle' | 'loading' | 'ready' | 'error';
    prediction?: TeachablePrediction;
    error?: OnDeviceError;
  };
  /** Hovered or focused last: its text is shown explained. */
  active: boolean;
  explainKind: ExplainKind;
  onActivate(): void;
}

const intentSource: ExplanationSource = {
  kind: 'teachable',
  id: supportIntentsId,
  labels: supportIntents,
};
const sentimentSource: ExplanationSource = { kind: 'sentiment' };

/**
 * One ticket of the inbox: subject, sender, sentiment badge, the message and its intent tags.
 * Hovering or focusing it (the card is focusable, and focus inside it counts) shows why:
 * the message with highlighted attributions for its intent or its sentiment.
 *
 * @example
 * <TicketCard ticket={ticket} sentiment={{ status: 'ready', result }} intent={{ status: 'loading' }}
 *   active={false} explainKind="intent" onActivate={() => setActive(ticket.id)} />
 */
export function TicketCard({
  ticket,
  sentiment,
  intent,
  active,
  explainKind,
  onActivate,
}: TicketCardProps) {
  const subjectId = useId();
  return (
    <article
      className="ticket"
      data-testid="inbox-ticket"
      data-ticket-id={ticket.id}
      data-active={active ? '' : undefined}
      tabIndex={0}
      aria-labelledby={subjectId}
      onFocus={onActivate}
      onMouseEnter={onActivate}
    >
      <header className="ticket-header">
        <h3 id={subjectId}>{ticket.subject}</h3>
        <SentimentBadge
          announce={false}
          status={sentiment.status}
          result={sentiment.result}
          error={sentiment.error}
        />
        <p className="ticket-from">
          {ticket.customer}, {ticket.company}
        </p>
      </header>
      {active ? (
        <ExplainText
          className="ticket-body"
          data-testid="ticket-explanation"
          text={ticket.body}
          source={explainKind === 'intent' ? intentSource : sentimentSource}
          formatLabel={formatIntent}
        />
      ) : (
        <p className="ticket-body">{ticket.body}</p>
      )}
      <SmartTags
        text={ticket.body}
        classifierId={supportIntentsId}
        labels={supportIntents}
        label={`Intent of “${ticket.subject}”`}
        status={intent.status}
        prediction={intent.prediction}
        error={intent.error}
        formatLabel={formatIntent}
      />
    </article>
  );
}
