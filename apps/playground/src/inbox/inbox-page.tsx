import { ModelProgress, useSentiments, useTeachablePredictions } from '@ondevice/react';
import { useState } from 'react';
import { ClassifierSummary } from './classifier-summary.js';
import { NewTicket } from './new-ticket.js';
import { supportIntents, supportIntentsId } from './support-intents.js';
import { supportTickets } from './support-tickets.js';
import { type ExplainKind, TicketCard } from './ticket-card.js';

const bodies = supportTickets.map((ticket) => ticket.body);
const asWidgetStatus = (status: 'idle' | 'loading' | 'success' | 'error') =>
  status === 'success' ? 'ready' : status;

/**
 * A support inbox: every ticket's sentiment and intent are computed in the worker, in one
 * batch each. Correcting a tag teaches the `support-intents` classifier, which retrains and
 * predicts every ticket again; hovering or focusing a ticket explains it.
 *
 * @example
 * <InboxPage />
 */
export function InboxPage() {
  const sentiments = useSentiments(bodies);
  const intents = useTeachablePredictions(bodies, { id: supportIntentsId, labels: supportIntents });
  const [activeId, setActiveId] = useState<string | null>(null);
  const [explainKind, setExplainKind] = useState<ExplainKind>('intent');

  return (
    <div data-testid="inbox-page" className="inbox">
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">Support inbox</h2>
        <p>
          Each ticket gets a sentiment and suggested intent tags, computed on this device. Accept,
          correct or reject a tag to teach the classifier: the other tickets are predicted again.
          Hover or focus a ticket to see which words drove its{' '}
          {explainKind === 'intent' ? 'intent' : 'sentiment'}.
        </p>
        <ModelProgress loadOnMount label="Universal Sentence Encoder lite" />
        <ClassifierSummary predictions={intents.data?.predictions} />
        <fieldset className="explain-kind">
          <legend>Explain</legend>
          {(['intent', 'sentiment'] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="explain-kind"
                value={kind}
                checked={explainKind === kind}
                onChange={() => setExplainKind(kind)}
              />
              {kind}
            </label>
          ))}
        </fieldset>
      </section>
      <NewTicket />
      <section aria-labelledby="tickets-heading">
        <h3 id="tickets-heading">Tickets ({supportTickets.length})</h3>
        {(sentiments.status === 'error' || intents.status === 'error') && (
          <p role="alert" className="inbox-error">
            Could not analyse the tickets: {(sentiments.error ?? intents.error)?.message}
          </p>
        )}
        <ul className="ticket-list">
          {supportTickets.map((ticket, index) => (
            <li key={ticket.id}>
              <TicketCard
                ticket={ticket}
                sentiment={{
                  status: asWidgetStatus(sentiments.status),
                  result: sentiments.data?.results[index],
                  error: sentiments.error,
                }}
                intent={{
                  status: asWidgetStatus(intents.status),
                  prediction: intents.data?.predictions[index],
                  error: intents.error,
                }}
                active={activeId === ticket.id}
                explainKind={explainKind}
                onActivate={() => setActiveId(ticket.id)}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
