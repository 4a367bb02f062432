import type { LanguageModelV3CallOptions, SharedV3Warning } from '@ai-sdk/provider';
import type { GenerateOptions } from '@ondevice/core';

/**
 * Maps AI SDK call settings to core's generate options (`maxOutputTokens` → `maxNewTokens`,
 * `stopSequences` → `stop`, `abortSignal` → `signal`, `temperature` and `topK` as they are) and
 * lists a warning for each setting an on-device generator ignores.
 *
 * @example
 * const { options, warnings } = convertCallOptions({ prompt, maxOutputTokens: 60, topP: 0.9 })
 * options // { maxNewTokens: 60 }
 * warnings // [{ type: 'unsupported', feature: 'topP', … }]
 */
export function convertCallOptions(call: LanguageModelV3CallOptions): {
  options: GenerateOptions;
  warnings: SharedV3Warning[];
} {
  const options: GenerateOptions = {};
  if (call.maxOutputTokens !== undefined) options.maxNewTokens = call.maxOutputTokens;
  if (call.temperature !== undefined) options.temperature = call.temperature;
  if (call.topK !== undefined) options.topK = call.topK;
  if (call.stopSequences !== undefined && call.stopSequences.length > 0) {
    options.stop = call.stopSequences;
  }
  if (call.abortSignal !== undefined) options.signal = call.abortSignal;

  const warnings: SharedV3Warning[] = [];
  const ignore = (feature: string, details: string) =>
    warnings.push({ type: 'unsupported', feature, details });
  if (call.topP !== undefined) ignore('topP', 'On-device sampling uses temperature and topK.');
  if (call.presencePenalty !== undefined) ignore('presencePenalty', 'No penalties on device.');
  if (call.frequencyPenalty !== undefined) ignore('frequencyPenalty', 'No penalties on device.');
  if (call.seed !== undefined) {
    ignore('seed', 'Sampling is not seeded; temperature 0 (the default) is deterministic.');
  }
  if (call.tools !== undefined && call.tools.length > 0) {
    ignore('tools', 'On-device generators do not call tools; the tools were left out.');
  }
  if (call.toolChoice?.type === 'required' || call.toolChoice?.type === 'tool') {
    ignore('toolChoice', 'On-device generators do not call tools.');
  }
  if (call.responseFormat?.type === 'json') {
    ignore('responseFormat', 'JSON output is not enforced on device; the answer is plain text.');
  }
  return { options, warnings };
}
