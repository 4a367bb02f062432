import { InvalidInputError } from '@ondevice/core';

/**
 * Who answers a request: the app's on-device model, Chrome's built-in model (still on the
 * device), or a remote model (through redaction).
 *
 * @example
 * const answeredBy: Answerer = 'chrome-ai'
 */
export type Answerer = 'device' | 'chrome-ai' | 'remote';

/**
 * Why a request was answered where it was.
 *
 * - `confident`: a classifier's score reached the threshold, so the device answers.
 * - `not-confident`: the score was under the threshold.
 * - `short-prompt`: a device task with no score and a prompt the device model takes.
 * - `long-prompt`: a device task with no score, but the prompt is over the device's length.
 * - `not-a-device-task`: the policy does not let the device answer this task.
 *
 * @example
 * if (decision.reason === 'not-confident') showHint('Asked a larger model')
 */
export type EscalationReason =
  'confident' | 'not-confident' | 'short-prompt' | 'long-prompt' | 'not-a-device-task';

/**
 * Where a request's confidence comes from: a classifier's top score (compared with `threshold`),
 * or the device model's own generation, the geometric-mean probability of the tokens it chose
 * (compared with `generationThreshold`).
 *
 * @example
 * const source: ConfidenceSource = 'generation'
 */
export type ConfidenceSource = 'classifier' | 'generation';

/**
 * What the policy decides on, for one request.
 *
 * @example
 * const request: EscalationRequest = { task: 'route-ticket', confidence: prediction.confidence }
 */
export interface EscalationRequest {
  /** The kind of request (`chat`, `summarize`, `route-ticket`…), matched against `deviceTasks`. */
  task: string;
  /**
   * How sure the device is, from 0 to 1: the top score of a core classifier (a teachable
   * classifier's `confidence`, a zero-shot label's or a sentiment `score`), or with `source:
   * 'generation'` a device generation's geometric-mean token probability. Leave it out for a
   * generation not yet made: it is decided by task and prompt length.
   */
  confidence?: number | null;
  /**
   * What `confidence` is: a classifier's score, or a device generation's geometric-mean token
   * probability (`Math.exp(meanTokenLogProbability)`), compared with `generationThreshold`.
   * @default 'classifier'
   */
  source?: ConfidenceSource;
  /** Length of the prompt in characters (UTF-16 code units). @default 0 */
  promptLength?: number;
  /** Whether Chrome's built-in model can answer here. @default false */
  chromeAIAvailable?: boolean;
}

/**
 * The decision, as `escalate()` also reports it in `providerMetadata.ondevice`.
 *
 * @example
 * const { answeredBy, reason, confidence } = decideEscalation(policy, { task: 'chat' })
 */
export interface EscalationDecision {
  answeredBy: Answerer;
  reason: EscalationReason;
  /** The request's confidence, or null when it had none (generation). */
  confidence: number | null;
}

/**
 * Options of {@link createEscalationPolicy}.
 *
 * @example
 * createEscalationPolicy({ threshold: 0.8, deviceTasks: ['chat', 'route-ticket'] })
 */
export interface EscalationPolicyOptions {
  /**
   * The lowest confidence the device answers with.
   * @default 0.7
   */
  threshold?: number;
  /**
   * Tasks the device may answer; any other task escalates.
   * @default ['chat', 'classify']
   */
  deviceTasks?: readonly string[];
  /**
   * The longest prompt, in characters, that the device model answers without a score (small
   * models have small contexts: stories260K takes 512 tokens).
   * @default 2000
   */
  maxDevicePromptLength?: number;
  /**
   * Escalate to Chrome's built-in model, when available, before the remote model.
   * @default true
   */
  preferChromeAI?: boolean;
  /**
   * When set, a generation the device answers is checked before it is returned: its
   * geometric-mean token probability (`Math.exp` of core's `meanTokenLogProbability`) must reach
   * this, else the request escalates (`not-confident`) and the device's answer is dropped. Off
   * (`null`): generation is decided by task and prompt length alone.
   * @default null
   */
  generationThreshold?: number | null;
}

/**
 * A policy with every option resolved, and its decision function.
 *
 * @example
 * const policy = createEscalationPolicy()
 * policy.decide({ task: 'chat', promptLength: 40 }) // { answeredBy: 'device', … }
 */
export interface EscalationPolicy extends Readonly<Required<EscalationPolicyOptions>> {
  decide(request: EscalationRequest): EscalationDecision;
}

/**
 * Creates a policy that decides per request who answers: the device, Chrome's built-in model or
 * the remote model. See {@link decideEscalation} for the rule.
 *
 * @throws {InvalidInputError} when an option is out of range.
 * @example
 * const policy = createEscalationPolicy({ threshold: 0.8, deviceTasks: ['chat', 'route-ticket'] })
 * const prediction = await classifier.predict(ticket)
 * policy.decide({ task: 'route-ticket', confidence: prediction.confidence })
 * // { answeredBy: 'remote', reason: 'not-confident', confidence: 0.42 }
 */
export function createEscalationPolicy(options: EscalationPolicyOptions = {}): EscalationPolicy {
  const resolved = {
    threshold: options.threshold ?? 0.7,
    deviceTasks: Object.freeze([...(options.deviceTasks ?? ['chat', 'classify'])]),
    maxDevicePromptLength: options.maxDevicePromptLength ?? 2000,
    preferChromeAI: options.preferChromeAI ?? true,
    generationThreshold: options.generationThreshold ?? null,
  };
  check(isProbability(resolved.threshold), 'threshold', 'a number from 0 to 1', resolved.threshold);
  check(
    resolved.deviceTasks.every((task) => typeof task === 'string' && task !== ''),
    'deviceTasks',
    'an array of non-empty strings',
    options.deviceTasks,
  );
  check(
    resolved.generationThreshold === null || isProbability(resolved.generationThreshold),
    'generationThreshold',
    'a number from 0 to 1, or null',
    resolved.generationThreshold,
  );
  check(
    isCount(resolved.maxDevicePromptLength),
    'maxDevicePromptLength',
    'a number of characters, 0 or more',
    resolved.maxDevicePromptLength,
  );
  return Object.freeze({
    ...resolved,
    decide: (request: EscalationRequest) => decideEscalation(resolved, request),
  });
}

/**
 * The pure decision rule, for tables of tests and for eval scripts:
 *
 * 1. a task not in `deviceTasks` escalates (`not-a-device-task`);
 * 2. with a confidence (a classifier's top score): at or over `threshold` the device answers
 *    (`confident`), under it the request escalates (`not-confident`);
 * 3. with a generation's confidence (`source: 'generation'`, after the device answered): at or
 *    over `generationThreshold` the answer stays (`confident`), under it the request escalates
 *    (`not-confident`);
 * 4. without a confidence (a generation not yet made): a prompt over `maxDevicePromptLength`
 *    escalates (`long-prompt`), a shorter one goes to the device (`short-prompt`).
 *
 * Escalating goes to Chrome's built-in model when it is available and preferred, else remote.
 *
 * @throws {InvalidInputError} when the request is malformed (empty task, confidence out of 0–1).
 * @example
 * const policy = createEscalationPolicy({ deviceTasks: ['route-ticket'] })
 * for (const { text, expected } of evalSet) {
 *   const { confidence } = await classifier.predict(text)
 *   const { answeredBy } = decideEscalation(policy, { task: 'route-ticket', confidence })
 *   tally(answeredBy)
 * }
 */
export function decideEscalation(
  policy: Required<EscalationPolicyOptions>,
  request: EscalationRequest,
): EscalationDecision {
  const { task, promptLength = 0, chromeAIAvailable = false, source = 'classifier' } = request;
  const confidence = request.confidence ?? null;
  check(typeof task === 'string' && task !== '', 'task', 'a non-empty string', task);
  check(confidence === null || isProbability(confidence), 'confidence', 'from 0 to 1', confidence);
  check(isCount(promptLength), 'promptLength', 'a number, 0 or more', promptLength);

  const escalated = policy.preferChromeAI && chromeAIAvailable ? 'chrome-ai' : 'remote';
  const decision = (answeredBy: Answerer, reason: EscalationReason): EscalationDecision => ({
    answeredBy,
    reason,
    confidence,
  });
  if (!policy.deviceTasks.includes(task)) return decision(escalated, 'not-a-device-task');
  check(
    source === 'classifier' || source === 'generation',
    'source',
    "'classifier' or 'generation'",
    source,
  );
  if (confidence !== null) {
    const threshold = source === 'generation' ? policy.generationThreshold : policy.threshold;
    check(threshold != null, 'source', 'generation only with a generationThreshold', source);
    return confidence >= (threshold as number)
      ? decision('device', 'confident')
      : decision(escalated, 'not-confident');
  }
  return promptLength > policy.maxDevicePromptLength
    ? decision(escalated, 'long-prompt')
    : decision('device', 'short-prompt');
}

function isProbability(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && value >= 0;
}

function check(ok: boolean, parameter: string, expected: string, value: unknown): void {
  if (ok) return;
  throw new InvalidInputError({
    parameter,
    message: `Escalation policy: ${parameter} must be ${expected}; got ${JSON.stringify(value) ?? String(value)}.`,
  });
}
