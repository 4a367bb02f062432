import { z } from 'zod';

/** The entity types the PII redactor knows, as in `@ondevice/core`'s `redactPII`. */
export const piiEntityTypes = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'SECRET',
  'PERSON',
] as const;

const count = z.number().int().nonnegative();
const positiveInteger = z.number().int().positive();

const limitsSchema = z.strictObject({
  requestsPerMinute: count.optional(),
  tokensPerMinute: count.optional(),
  dailyTokens: count.optional(),
  monthlyTokens: count.optional(),
  dailyCost: z.number().nonnegative().optional(),
  monthlyCost: z.number().nonnegative().optional(),
});

const tenantSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits, ".", "_" or "-"'),
  keyHash: z
    .string()
    .regex(
      /^sha256:[0-9a-f]{64}$/,
      'must be "sha256:" and 64 lowercase hex digits (run `ondevice-proxy hash-key <key>`); never the plain key',
    ),
  models: z.array(z.string().min(1)).min(1),
  maxTokensPerRequest: positiveInteger.default(4096),
  limits: limitsSchema.default({}),
  redaction: z
    .partialRecord(z.enum(piiEntityTypes), z.enum(['mask', 'block', 'allow']))
    .default({}),
  corsOrigins: z
    .array(
      z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://app.example.com'),
    )
    .default([]),
  auditPrompts: z.boolean().default(false),
});

const modelSchema = z.strictObject({
  id: z.string().min(1),
  upstream: z.string().min(1),
  upstreamModel: z.string().min(1),
  price: z
    .strictObject({
      inputPerMillion: z.number().nonnegative(),
      outputPerMillion: z.number().nonnegative(),
    })
    .default({ inputPerMillion: 0, outputPerMillion: 0 }),
});

const environmentVariable = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of an environment variable, not a key');

const remote = {
  name: z.string().min(1),
  apiKeyEnv: environmentVariable,
  timeoutMs: positiveInteger.default(60_000),
  retries: count.max(10).default(2),
};

const upstreamSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...remote,
    kind: z.literal('openai'),
    baseURL: z.url().default('https://api.openai.com/v1'),
  }),
  z.strictObject({
    ...remote,
    kind: z.literal('anthropic'),
    baseURL: z.url().default('https://api.anthropic.com'),
  }),
  z.strictObject({
    ...remote,
    kind: z.literal('openai-compatible'),
    baseURL: z.url(),
    apiKeyEnv: environmentVariable.optional(),
  }),
  z.strictObject({
    name: z.string().min(1),
    kind: z.literal('local'),
    modelFolder: z.string().min(1),
    timeoutMs: positiveInteger.default(120_000),
    retries: count.max(10).default(0),
  }),
]);

const stateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sqlite'),
    path: z.string().min(1),
    /**
     * `normal` (the default): a commit is written to the WAL without waiting for the disk, so a
     * power cut may lose the last moments of usage and audit (the file is never corrupted, and a
     * crash of the proxy alone loses nothing); `full` waits for the disk at every commit (about
     * 0.4 ms each on the bench machine, three per request, on the event loop).
     */
    synchronous: z.enum(['normal', 'full']).default('normal'),
  }),
  z.strictObject({
    kind: z.literal('redis'),
    url: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  }),
]);

const serverSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  bodyLimitBytes: positiveInteger.default(1_048_576),
  /**
   * Worker threads that redact prompts (core's `redactPII`) off the event loop that relays the
   * streams; 0 redacts on the event loop.
   */
  redactionThreads: z.number().int().min(0).max(64).default(1),
});

/**
 * The schema of `proxy.config.json` (zod): tenants, the models they may call, the upstreams
 * behind them, the state store and the server. Cross-references (a model's upstream, a tenant's
 * models) and unique ids are checked by {@link parseProxyConfig}.
 *
 * @example
 * const result = proxyConfigSchema.safeParse(JSON.parse(text))
 */
export const proxyConfigSchema = z.strictObject({
  tenants: z.array(tenantSchema).min(1),
  models: z.array(modelSchema).min(1),
  upstreams: z.array(upstreamSchema).min(1),
  state: stateSchema.default({ kind: 'sqlite', path: 'proxy.db', synchronous: 'normal' }),
  server: serverSchema.default({
    port: 8787,
    host: '127.0.0.1',
    bodyLimitBytes: 1_048_576,
    redactionThreads: 1,
  }),
});

/**
 * A validated configuration, defaults filled in.
 *
 * @example
 * const config: ProxyConfig = parseProxyConfig(JSON.parse(text))
 */
export type ProxyConfig = z.output<typeof proxyConfigSchema>;
/**
 * The configuration as written in the file (defaults still optional).
 *
 * @example
 * const input: ProxyConfigInput = { tenants: […], models: […], upstreams: […] }
 */
export type ProxyConfigInput = z.input<typeof proxyConfigSchema>;
/**
 * One tenant of a validated configuration.
 *
 * @example
 * const tenant: TenantConfig = config.tenants[0]
 */
export type TenantConfig = ProxyConfig['tenants'][number];
/**
 * One exposed model with its upstream and prices.
 *
 * @example
 * const model: ModelConfig = { id: 'gpt-4o-mini', upstream: 'openai', upstreamModel: 'gpt-4o-mini', price }
 */
export type ModelConfig = ProxyConfig['models'][number];
/**
 * One upstream of a validated configuration, by `kind`.
 *
 * @example
 * const upstream: UpstreamConfig = { name: 'openai', kind: 'openai', baseURL, apiKeyEnv: 'OPENAI_API_KEY', timeoutMs: 60_000, retries: 2 }
 */
export type UpstreamConfig = ProxyConfig['upstreams'][number];
/**
 * What a tenant's policy does with one entity type.
 *
 * @example
 * const action: RedactionAction = 'mask'
 */
export type RedactionAction = 'mask' | 'block' | 'allow';
/**
 * An entity type the redactor knows.
 *
 * @example
 * const type: PiiEntityType = 'EMAIL'
 */
export type PiiEntityType = (typeof piiEntityTypes)[number];
