import { ChatPanel, ModelProgress, RedactionPreview } from '@ondevice/react';
import { useEffect, useRef, useState } from 'react';
import { supportTickets } from '../inbox/support-tickets.js';
import { draftPolicy, percent } from './draft-policy.js';
import { proxyBaseUrl } from './proxy-connection.js';
import { formatUsage } from './proxy-usage.js';
import { ProxyStatusLine } from './proxy-status-line.js';
import { useAssistantSession } from './use-assistant-session.js';
import { useProxyStatus } from './use-proxy-status.js';

/**
 * The support assistant: pick a ticket of the inbox and ask for a draft reply. The device
 * answers what it can (intent, sentiment, a template reply when the intent is confident); one
 * escalation policy sends the rest to the LLM proxy's model, after showing exactly what will
 * leave the device, redacted. Each answer says where it was made and why.
 *
 * @example
 * <AssistantPage />
 */
export function AssistantPage() {
  const baseUrl = proxyBaseUrl(window.location.origin);
  const proxy = useProxyStatus(baseUrl);
  const session = useAssistantSession({ baseUrl, checkProxy: proxy.check });
  const [ticketId, setTicketId] = useState(supportTickets[0]?.id ?? '');
  const ticket = supportTickets.find((candidate) => candidate.id === ticketId) ?? supportTickets[0];
  const busy = session.status === 'submitted' || session.status === 'streaming';
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const draftButton = useRef<HTMLButtonElement>(null);
  const chat = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the preview: it needs their decision.
  useEffect(() => {
    if (session.pending) previewHeading.current?.focus();
  }, [session.pending]);
  if (!ticket) return null;

  return (
    <div data-testid="assistant-page" className="assistant">
      <section aria-labelledby="assistant-heading">
        <h2 id="assistant-heading">Support assistant</h2>
        <p>
          Pick a ticket and ask for a draft reply. The device answers what it can: the ticket’s
          intent (the inbox’s classifier, including what you taught it there), its sentiment, and a
          template reply when the intent is at least {percent(draftPolicy.threshold)} sure. One
          escalation policy sends anything else, and free-form drafts, to a larger model behind the
          LLM proxy, after showing you exactly what leaves this device.
        </p>
        <ModelProgress loadOnMount label="Universal Sentence Encoder lite" />
        <ProxyStatusLine status={proxy.status} onCheck={() => void proxy.check()} />
        <p className="assistant-note" data-testid="assistant-model-note">
          The proxy’s model here is stories260K, a 260K-parameter model that writes children’s
          stories, not support replies: its drafts show the plumbing (redaction on the device,
          streaming, placeholders put back, usage), not the quality a real model would give.
        </p>
      </section>

      <section aria-labelledby="assistant-ticket-heading" className="assistant-ticket">
        <h3 id="assistant-ticket-heading">Ticket</h3>
        <label>
          Ticket{' '}
          <select
            data-testid="assistant-ticket"
            value={ticket.id}
            onChange={(event) => setTicketId(event.target.value)}
          >
            {supportTickets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.subject} ({candidate.customer})
              </option>
            ))}
          </select>
        </label>
        <blockquote data-testid="assistant-ticket-body">
          <p>{ticket.body}</p>
          <footer>
            {ticket.customer}, {ticket.company}
          </footer>
        </blockquote>
        <button
          ref={draftButton}
          type="button"
          data-testid="assistant-draft"
          disabled={busy}
          onClick={() => void session.draft(ticket)}
        >
          Draft a reply
        </button>
      </section>

      <ChatPanel
        ref={chat}
        data-testid="assistant-chat"
        messages={session.messages}
        status={session.status}
        error={session.error}
        onSend={(request) => void session.draft(ticket, request)}
        onStop={session.stop}
        onRetry={session.retry}
        logLabel="Drafts"
        emptyText="No drafts yet: pick a ticket and choose “Draft a reply”."
        label="Ask for a free-form draft of a reply to this ticket (written by the larger model)"
        placeholder="e.g. Apologise and offer a call."
      />

      {session.pending && (
        <section
          aria-labelledby="assistant-preview-heading"
          className="assistant-preview"
          data-testid="assistant-preview"
        >
          <h3 id="assistant-preview-heading" ref={previewHeading} tabIndex={-1}>
            Check what leaves this device
          </h3>
          <p>
            This draft for “{session.pending.ticket.subject}” goes to the LLM proxy. Only the text
            below is sent: personal data is replaced by placeholders on this device, and the
            placeholders in the answer are put back here.
          </p>
          <RedactionPreview
            text={session.pending.redaction.text}
            entities={session.pending.redaction.entities}
            label="Text that will be sent to the LLM proxy"
            confirmLabel="Send to the proxy"
            cancelLabel="Don’t send"
            onConfirm={() => {
              session.confirm();
              // The preview goes away: the answer streams into the log, which takes the focus.
              chat.current?.querySelector<HTMLElement>('[role="log"]')?.focus();
            }}
            onCancel={() => {
              session.cancel();
              draftButton.current?.focus();
            }}
          />
        </section>
      )}

      <section aria-labelledby="assistant-usage-heading" className="assistant-usage">
        <h3 id="assistant-usage-heading">Proxy usage</h3>
        <p role="status" data-testid="assistant-usage">
          {session.usage === undefined
            ? 'Shown after an answer from the proxy.'
            : session.usage.ok
              ? formatUsage(session.usage.usage)
              : `Usage unavailable: ${session.usage.reason}.`}
        </p>
      </section>
    </div>
  );
}
