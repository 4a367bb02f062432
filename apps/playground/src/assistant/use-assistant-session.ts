import { type EscalationDecision, type RedactedEntity, redactTexts } from '@ondevice/ai-sdk';
import { type ChatPanelMessage, type ChatPanelStatus, useOnDeviceClient } from '@ondevice/react';
import { streamText } from 'ai';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupportTicket } from '../inbox/support-tickets.js';
import { decideDraft, describeDecision } from './draft-policy.js';
import { draftPrompt } from './draft-prompt.js';
import { type ProxyStatus, draftModel } from './proxy-connection.js';
import { type ProxyUsage, fetchProxyUsage } from './proxy-usage.js';
import { templateReply } from './reply-templates.js';
import { analyseTicket, describeAnalysis } from './ticket-analysis.js';

/**
 * A draft the policy sent to the larger model, waiting for the user to confirm what leaves.
 *
 * @example
 * <RedactionPreview text={pending.redaction.text} entities={pending.redaction.entities} />
 */
export interface PendingDraft {
  ticket: SupportTicket;
  /** The prompt as written, with the personal data: it never leaves the device. */
  prompt: string;
  /**
   * The prompt as the redaction middleware sends it (`redactTexts([prompt])`, the function the
   * middleware runs): `text` is exactly what leaves, `entities` what was masked in it.
   */
  redaction: { text: string; entities: RedactedEntity[] };
  decision: EscalationDecision;
}

/** The proxy's usage after an answer, or why it could not be read. */
export type UsageResult = { ok: true; usage: ProxyUsage } | { ok: false; reason: string };

/**
 * The assistant's state: the conversation as `<ChatPanel>` shows it, the draft awaiting
 * confirmation, and the proxy's usage after the last answer from it.
 *
 * @example
 * const { messages, status, pending } = session
 */
export interface AssistantSessionState {
  messages: ChatPanelMessage[];
  status: ChatPanelStatus;
  error: { message: string } | undefined;
  pending: PendingDraft | undefined;
  usage: UsageResult | undefined;
}

/** Options of {@link useAssistantSession}. */
export interface AssistantSessionOptions {
  /** The proxy's `/v1` URL on the page's origin. */
  baseUrl: string;
  /** Checks (again) whether the proxy answers, before a draft escalates. */
  checkProxy: () => Promise<ProxyStatus>;
  /** Caps the larger model's answer (stories260K takes 512 tokens, prompt included). @default 120 */
  maxOutputTokens?: number;
}

/** A step Retry can repeat. */
type Step =
  | { kind: 'draft'; ticket: SupportTicket; request: string | undefined }
  | { kind: 'send'; draft: PendingDraft };

const initialState: AssistantSessionState = {
  messages: [],
  status: 'ready',
  error: undefined,
  pending: undefined,
  usage: undefined,
};

/**
 * The support assistant: `draft(ticket)` lets the device answer what it can (intent, sentiment,
 * and a template reply when the policy finds the intent confident); when the policy escalates
 * (or `draft(ticket, request)` asks for a free-form draft), the prompt is redacted on the device
 * and waits in `pending` until `confirm()` streams the proxy's answer (placeholders restored on
 * the device) or `cancel()` drops it. `stop()` aborts what is under way; `retry()` repeats the
 * last step that failed.
 *
 * @example
 * const session = useAssistantSession({ baseUrl, checkProxy })
 * session.draft(ticket)
 */
export function useAssistantSession({
  baseUrl,
  checkProxy,
  maxOutputTokens = 120,
}: AssistantSessionOptions) {
  const client = useOnDeviceClient();
  const [state, setState] = useState(initialState);
  const controller = useRef<AbortController | null>(null);
  const lastStep = useRef<Step | null>(null);
  const ids = useRef(0);

  useEffect(() => () => controller.current?.abort(), []);

  /** Aborts what is under way and returns the signal of the next step. */
  const begin = useCallback((step: Step) => {
    controller.current?.abort();
    controller.current = new AbortController();
    lastStep.current = step;
    return controller.current.signal;
  }, []);
  const message = useCallback(
    (fields: Omit<ChatPanelMessage, 'id'>): ChatPanelMessage => ({
      id: `m${(ids.current += 1)}`,
      ...fields,
    }),
    [],
  );
  const append = useCallback(
    (added: ChatPanelMessage[], change: Partial<AssistantSessionState> = {}) =>
      setState((current) => ({
        ...current,
        ...change,
        messages: [...current.messages, ...added],
      })),
    [],
  );
  /** Ends a step that threw: "Stopped." after Stop, nothing when a newer step replaced it. */
  const fail = useCallback(
    (error: unknown, signal: AbortSignal) => {
      if (signal !== controller.current?.signal) return;
      if (signal.aborted)
        append([message({ role: 'system', text: 'Stopped.' })], { status: 'ready' });
      else
        setState((current) => ({
          ...current,
          status: 'error',
          error: { message: error instanceof Error ? error.message : String(error) },
        }));
    },
    [append, message],
  );

  const send = useCallback(
    async (draft: PendingDraft): Promise<void> => {
      const signal = begin({ kind: 'send', draft });
      const answer = message({
        role: 'assistant',
        text: '',
        answeredBy: draft.decision.answeredBy,
        reason: describeDecision(draft.decision),
      });
      setState((current) => ({
        ...current,
        pending: undefined,
        status: 'submitted',
        error: undefined,
      }));
      let text = '';
      let failure: unknown;
      try {
        const result = streamText({
          model: draftModel({ baseUrl, expectedText: draft.redaction.text }),
          prompt: draft.prompt,
          maxOutputTokens,
          abortSignal: signal,
          onError: () => {}, // shown in the panel, from the stream's error part
        });
        for await (const part of result.fullStream) {
          if (part.type === 'error') failure = part.error;
          if (part.type !== 'text-delta' || signal !== controller.current?.signal) continue;
          const first = text === '';
          text += part.text;
          const updated = { ...answer, text };
          setState((current) => ({
            ...current,
            status: 'streaming',
            messages: first
              ? [...current.messages, updated]
              : current.messages.map((shown) => (shown.id === answer.id ? updated : shown)),
          }));
        }
      } catch (error) {
        failure = error;
      }
      if (signal !== controller.current?.signal) return; // a newer step took over
      if (signal.aborted)
        append([message({ role: 'system', text: 'Stopped: the draft so far stays.' })], {
          status: 'ready',
        });
      else if (failure !== undefined) fail(failure, signal);
      else if (text === '')
        append([{ ...answer, text: '(The model answered with no text.)' }], { status: 'ready' });
      else setState((current) => ({ ...current, status: 'ready' }));
      const usage = await fetchProxyUsage(baseUrl);
      setState((current) => ({ ...current, usage }));
    },
    [append, baseUrl, begin, fail, maxOutputTokens, message],
  );

  const draft = useCallback(
    async (ticket: SupportTicket, request?: string): Promise<void> => {
      const signal = begin({ kind: 'draft', ticket, request });
      const freeForm = request !== undefined;
      append(
        [
          message({
            role: 'user',
            text: freeForm ? request : `Draft a reply to “${ticket.subject}” (${ticket.customer}).`,
          }),
        ],
        { status: 'submitted', error: undefined, pending: undefined },
      );
      try {
        const analysis = await analyseTicket(client, ticket.body, signal);
        signal.throwIfAborted();
        const decision = decideDraft({ freeForm, confidence: analysis.intent.confidence });
        const found = describeAnalysis(analysis);
        if (decision.answeredBy === 'device') {
          const reply = templateReply(analysis.intent.label, ticket);
          const text = reply
            ? `${found}\n\nSuggested reply:\n${reply}`
            : `${found}\n\nNo template for this intent.`;
          const reason = describeDecision(decision);
          append([message({ role: 'assistant', text, answeredBy: 'device', reason })], {
            status: 'ready',
          });
          return;
        }
        append([
          message({
            role: 'assistant',
            text: `${found}\n\nThe reply goes to a larger model. ${describeDecision(decision)}`,
            answeredBy: 'device',
            reason: 'The classifiers on this device found the intent and sentiment.',
          }),
        ]);
        const proxy = await checkProxy();
        signal.throwIfAborted();
        if (proxy.state !== 'available') {
          const why = proxy.state === 'unavailable' ? proxy.reason : 'it is still being checked';
          const text = `Not sent: this draft needs the LLM proxy, which is unavailable: ${why}. The device's answer above stands.`;
          append([message({ role: 'system', text })], { status: 'ready' });
          return;
        }
        const prompt = draftPrompt(ticket, request);
        const redacted = await redactTexts([prompt], {}, { signal });
        const redaction = { text: redacted.texts[0] ?? '', entities: redacted.entities[0] ?? [] };
        signal.throwIfAborted();
        setState((current) => ({
          ...current,
          status: 'ready',
          pending: { ticket, prompt, redaction, decision },
        }));
      } catch (error) {
        fail(error, signal);
      }
    },
    [append, begin, checkProxy, client, fail, message],
  );

  const confirm = useCallback(() => {
    if (state.pending) void send(state.pending);
  }, [send, state.pending]);
  const cancel = useCallback(
    () =>
      append([message({ role: 'system', text: 'Cancelled: nothing left this device.' })], {
        pending: undefined,
      }),
    [append, message],
  );
  const stop = useCallback(() => controller.current?.abort(), []);
  const retry = useCallback(() => {
    const step = lastStep.current;
    if (step?.kind === 'draft') void draft(step.ticket, step.request);
    else if (step?.kind === 'send') void send(step.draft);
  }, [draft, send]);

  return { ...state, draft, confirm, cancel, stop, retry };
}
