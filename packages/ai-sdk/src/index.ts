// @ondevice/ai-sdk: ondevice in the Vercel AI SDK (ai 6, language model specification v3).
export { ondevice } from './provider/ondevice-provider.js';
export type { OnDeviceProvider } from './provider/ondevice-provider.js';
export { OnDeviceLanguageModel } from './provider/ondevice-language-model.js';
export type {
  GeneratorClient,
  OnDeviceLanguageModelSettings,
} from './provider/ondevice-language-model.js';
export type { PromptFormat } from './provider/convert-prompt.js';
export { redactionMiddleware } from './redaction/redaction-middleware.js';
export { redactTexts } from './redaction/redact-texts.js';
export type { RedactedEntity, RedactedTexts } from './redaction/redact-texts.js';
export type {
  RedactionMiddlewareOptions,
  RedactionReport,
} from './redaction/redaction-middleware.js';
export { createEscalationPolicy, decideEscalation } from './escalation/escalation-policy.js';
export type {
  Answerer,
  EscalationDecision,
  EscalationPolicy,
  EscalationPolicyOptions,
  EscalationReason,
  EscalationRequest,
} from './escalation/escalation-policy.js';
export { escalate } from './escalation/escalate.js';
export type { EscalateOptions, EscalationCallOptions } from './escalation/escalate.js';
export { OnDeviceChatTransport } from './chat/ondevice-chat-transport.js';
export type { OnDeviceChatTransportOptions } from './chat/ondevice-chat-transport.js';
