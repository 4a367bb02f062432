import { type PiiSpan, groupSpan, spansOf } from './pii-span.js';

/** Credentials recognised by their own shape, wherever they are. */
const shapedPatterns: readonly RegExp[] = [
  // OpenAI and Anthropic keys: sk-…, sk-proj-…, sk-ant-…
  /(?<![\w-])sk-(?:[a-z]{2,8}-)?[A-Za-z0-9_-]{20,}/g,
  // Stripe secret and restricted keys.
  /(?<![\w-])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
  // GitHub tokens and fine-grained personal access tokens.
  /(?<![\w-])gh[pousr]_[A-Za-z0-9]{36,255}(?![\w-])/g,
  /(?<![\w-])github_pat_[A-Za-z0-9_]{40,255}(?![\w-])/g,
  // GitLab, npm, Hugging Face, PyPI tokens.
  /(?<![\w-])(?:glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|hf_[A-Za-z]{30,}|pypi-[A-Za-z0-9_-]{50,})(?![\w-])/g,
  // AWS access key ids.
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  // Slack tokens.
  /(?<![\w-])xox[abposre]-[A-Za-z0-9-]{10,}(?![\w-])/g,
  // Google API keys.
  /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g,
  // JSON Web Tokens: three base64url parts, the first an encoded JSON object.
  /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?![\w-])/g,
  // PEM private keys, whole.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{1,10000}?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/**
 * Credentials found by what comes before them; the value is group 1. A value shorter than
 * `minimum` is dropped, and one of letters only unless it has `lettersOnly` characters or more.
 */
const contextPatterns: readonly { pattern: RegExp; minimum: number; lettersOnly: number }[] = [
  // Authorization: Bearer <token> / Basic <credentials> / Token <token>.
  { pattern: /\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/-]+=*)/dg, minimum: 12, lettersOnly: 32 },
  // user:password@ in a URL (the whole user:password).
  {
    pattern: /\b[a-z][a-z0-9+.-]{1,15}:\/\/([^\s:/?#@]+:[^\s/?#@]+)@/dgi,
    minimum: 3,
    lettersOnly: 3,
  },
  // Token-like parameters of a URL or a log line: ?token=…, &api_key=…, access_token=…
  {
    pattern:
      /(?<![\w-])(?:access_token|refresh_token|id_token|auth_token|token|api_key|api-key|apikey|key|secret|client_secret|signature|sig|x-amz-signature|session_token|password|passwd|pwd)=([^\s&#"'<>,;]+)/dgi,
    minimum: 6,
    lettersOnly: 16,
  },
  // key: value and KEY=value settings whose name says secret (JSON, YAML, .env, INI, flags);
  // a parameter of a URL (after ? or &) is the rule above's.
  {
    pattern:
      /(?<![A-Za-z0-9?&])(?:[\w.-]{0,40}?[_.-])?(?:api[_-]?key|apikey|secret(?:[_-]?(?:access[_-]?)?key)?|access[_-]?key(?:[_-]?id)?|private[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token|refresh[_-]?token|token)["']?[ \t]*[:=][ \t]*["']?([^\s"',;]+)/dgi,
    minimum: 8,
    lettersOnly: 16,
  },
  // The same for passwords: a value of six letters or more may be a password.
  {
    pattern:
      /(?<![A-Za-z0-9?&])(?:[\w.-]{0,40}?[_.-])?(?:password|passwd|passphrase|pwd|passcode)["']?[ \t]*[:=][ \t]*["']?([^\s"',;]+)/dgi,
    minimum: 4,
    lettersOnly: 6,
  },
  // A passcode or PIN right after its name: "passcode 4471", "PIN: 8812".
  {
    pattern:
      /\b(?:passcode|pass code|pin|pin code)[ \t]*(?:is[ \t]+)?[:#=]?[ \t]*(\d{4,8})(?![\w-])/dgi,
    minimum: 4,
    lettersOnly: 4,
  },
  // Passwords in prose: "the password is …", "password still …", "changed the pin to …": a
  // value with a digit or a symbol in it.
  {
    pattern:
      /\b(?:password|passwd|passcode|passphrase|pin|pwd)\b[^\n.:=]{0,25}?\b(?:is|was|still|to|now)\s+["'“]?((?=\S*[^\p{L}\s])\S+?)["'”]?(?=[.,;:)]*(?:\s|$))/dgiu,
    minimum: 6,
    lettersOnly: Number.POSITIVE_INFINITY,
  },
];

/** Values that say there is no secret here. */
const placeholderValue =
  /^(?:\*+|x{3,}|•+|\.{3,}|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[A-Z_]+%|\[[^\]]*\]|\([^)]*\)|null|none|nil|undefined|true|false|empty|redacted|hidden|masked|secret|password|changeme|example|required|optional|string|env|process\.env\.\w+|incorrect|invalid|expired|wrong|reset|forgotten|missing|weak|strong|changed|updated|unknown|same)$/i;

/**
 * API keys, tokens, passwords and credentials, as the span of the secret value alone:
 * - by shape: `sk-…`/`sk-proj-…` (OpenAI), `sk_live_…`/`rk_live_…` (Stripe), `ghp_…`,
 *   `github_pat_…`, `glpat-…`, `npm_…`, `hf_…`, AWS key ids (`AKIA…`), Slack `xox[abposr]-…`,
 *   Google `AIza…`, JWTs (`eyJ….….…`), PEM private keys;
 * - by context: the token after `Bearer`/`Basic`; the `user:password` of a URL
 *   (`https://user:pass@host`); the value of a URL or log parameter such as `token=`,
 *   `api_key=`, `access_token=`, `sig=`; the value of a setting whose name says secret
 *   (`password: …`, `pwd=…`, `AWS_SECRET_ACCESS_KEY=…`, `"client_secret": "…"`); a password
 *   in prose (`the password is …`, with a digit or symbol in it).
 * Placeholder values (`***`, `<token>`, `${API_KEY}`, `null`…) are not secrets. Trailing
 * `.`, `,`, `;`, `:`, `)` and quotes are not part of a value.
 *
 * @example
 * detectSecrets('export OPENAI_API_KEY=sk-proj-abc123…') // the key's span
 */
export function detectSecrets(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const pattern of shapedPatterns) {
    spans.push(
      ...spansOf(text, pattern, 'SECRET', (match) => ({
        start: match.index,
        end: match.index + match[0].length,
      })),
    );
  }
  for (const { pattern, minimum, lettersOnly } of contextPatterns) {
    spans.push(
      ...spansOf(text, pattern, 'SECRET', (match) => {
        const span = groupSpan(match, 1);
        if (!span) return undefined;
        let { end } = span;
        while (end > span.start && /[.,;:)"'”]/.test(text[end - 1] as string)) end -= 1;
        const value = text.slice(span.start, end);
        if (value.length < minimum || placeholderValue.test(value)) return undefined;
        if (value.length < lettersOnly && /^\p{L}+$/u.test(value)) return undefined;
        return { start: span.start, end };
      }),
    );
  }
  return spans;
}
