import {
  type EscalationDecision,
  type EscalationPolicy,
  createEscalationPolicy,
  decideEscalation,
} from '@ondevice/ai-sdk';

/**
 * The assistant's one escalation policy: the device answers a `template-reply` when the intent
 * classifier is at least 75 % sure; anything else (an unsure intent, a free-form draft, which is
 * not a device task) goes to the larger model behind the LLM proxy.
 *
 * @example
 * draftPolicy.threshold // 0.75
 */
export const draftPolicy: EscalationPolicy = createEscalationPolicy({
  threshold: 0.75,
  deviceTasks: ['template-reply'],
});

/**
 * What a draft request asks for: a reply to a ticket whose intent the classifier predicted with
 * `confidence`, as a template (`freeForm: false`) or written freely.
 *
 * @example
 * const request: DraftRequest = { freeForm: false, confidence: prediction.confidence }
 */
export interface DraftRequest {
  freeForm: boolean;
  /** The intent classifier's confidence for the ticket, from 0 to 1. */
  confidence: number;
}

/**
 * Who drafts the reply, by {@link draftPolicy}.
 *
 * @example
 * decideDraft({ freeForm: false, confidence: 0.92 }) // { answeredBy: 'device', reason: 'confident', confidence: 0.92 }
 * decideDraft({ freeForm: true, confidence: 0.92 }) // { answeredBy: 'remote', reason: 'not-a-device-task', … }
 */
export function decideDraft(
  request: DraftRequest,
  policy: EscalationPolicy = draftPolicy,
): EscalationDecision {
  return decideEscalation(policy, {
    task: request.freeForm ? 'free-form-draft' : 'template-reply',
    confidence: request.confidence,
  });
}

/**
 * A share as a whole percentage, rounded down, so a score just under the threshold never reads
 * as the threshold itself.
 *
 * @example
 * percent(0.746) // '74 %'
 */
export function percent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)} %`;
}

/**
 * Why the reply was drafted where it was, in words, shown beside the answer's badge.
 *
 * @example
 * describeDecision({ answeredBy: 'remote', reason: 'not-confident', confidence: 0.38 })
 * // 'Not confident: the intent classifier is 38 % sure, under the policy's 75 %.'
 */
export function describeDecision(
  decision: EscalationDecision,
  policy: EscalationPolicy = draftPolicy,
): string {
  const confidence = decision.confidence === null ? 'unknown' : percent(decision.confidence);
  switch (decision.reason) {
    case 'confident':
      return `Confident: the intent classifier is ${confidence} sure, at or over the policy's ${percent(policy.threshold)}.`;
    case 'not-confident':
      return `Not confident: the intent classifier is ${confidence} sure, under the policy's ${percent(policy.threshold)}.`;
    case 'not-a-device-task':
      return 'A free-form draft: the policy leaves writing to a larger model.';
    case 'short-prompt':
      return 'A short prompt: the device model answers it.';
    case 'long-prompt':
      return 'A long prompt: over what the device model takes.';
  }
}
