import type { ModelConfig } from '../config/proxy-config-schema.js';

/**
 * Tokens of a text, estimated as its characters ÷ 4, rounded up: OpenAI's rule of thumb for
 * English. It only sizes the reservation made before the upstream answers (and the use of an
 * upstream that reports none); the real counts of the upstream replace it when it sends them.
 *
 * @example
 * estimateTokens('Hello, world!') // 4
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * What tokens cost at a model's prices (per million tokens, input and output).
 *
 * @example
 * tokenCost(model, 1_000, 200) // 1000 × inputPerMillion / 1e6 + 200 × outputPerMillion / 1e6
 */
export function tokenCost(model: ModelConfig, tokensIn: number, tokensOut: number): number {
  return (
    (tokensIn * model.price.inputPerMillion + tokensOut * model.price.outputPerMillion) / 1_000_000
  );
}
