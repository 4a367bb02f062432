import { z } from 'zod';

const textPart = z.strictObject({ type: z.literal('text'), text: z.string() });

const message = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  // Text only: an image or audio part cannot be redacted, so it is refused rather than passed on.
  content: z.union([
    z.string(),
    z.array(textPart, { error: 'only text parts ({ type: "text", text }) are accepted' }),
  ]),
  name: z.string().optional(),
});

const positiveInteger = z.number().int().positive();

/**
 * The part of OpenAI's Chat Completions request the proxy accepts: text messages (`developer`
 * is read as `system`), the sampling options every upstream supports, streaming with
 * `stream_options.include_usage`. Fields it cannot honour (tools, several choices, logprobs,
 * response formats) are refused by name rather than silently dropped.
 *
 * @example
 * const result = chatRequestSchema.safeParse(await c.req.json())
 */
export const chatRequestSchema = z
  // Loose: other fields are kept for the check below, and never forwarded (the upstream request
  // is built field by field).
  .looseObject({
    model: z.string().min(1),
    messages: z.array(message).min(1),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
    max_tokens: positiveInteger.nullable().optional(),
    max_completion_tokens: positiveInteger.nullable().optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().min(0).max(1).nullable().optional(),
    stop: z
      .union([z.string(), z.array(z.string()).max(4)])
      .nullable()
      .optional(),
    n: z.literal(1, { error: 'only n = 1 is supported' }).nullable().optional(),
    user: z.string().optional(),
  })
  .superRefine((request, context) => {
    for (const field of unsupportedFields) {
      if (request[field] !== undefined && request[field] !== null) {
        context.addIssue({
          code: 'custom',
          path: [field],
          message: `is not supported by this proxy`,
        });
      }
    }
  });

/** Fields of OpenAI's API the proxy does not implement (checked on the raw body). */
const unsupportedFields = [
  'tools',
  'tool_choice',
  'functions',
  'function_call',
  'logprobs',
  'response_format',
  'audio',
  'modalities',
] as const;

/**
 * A validated chat completion request.
 *
 * @example
 * const request: ChatRequest = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }
 */
export type ChatRequest = z.output<typeof chatRequestSchema>;

/**
 * A message's text: a string, or its text parts joined.
 *
 * @example
 * messageText({ role: 'user', content: [{ type: 'text', text: 'Hi' }] }) // 'Hi'
 */
export function messageText(message: ChatRequest['messages'][number]): string {
  return typeof message.content === 'string'
    ? message.content
    : message.content.map((part) => part.text).join('\n');
}
