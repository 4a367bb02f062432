/**
 * One structured log record: one per request (`event: 'request'`), and one per problem the
 * client did not see (`event: 'store-error'` after the answer was sent…). Never a key, a prompt
 * or a provider's error text.
 *
 * @example
 * const record: ProxyLogRecord = { level: 'info', event: 'request', requestId, tenant: 'acme', model: 'gpt-4o-mini', status: 200, outcome: 'ok', latencyMs: 812 }
 */
export interface ProxyLogRecord {
  level: 'info' | 'warn' | 'error';
  event: string;
  requestId?: string;
  tenant?: string;
  model?: string;
  method?: string;
  path?: string;
  status?: number;
  outcome?: string;
  latencyMs?: number;
  message?: string;
}

/**
 * Where the proxy's log records go.
 *
 * @example
 * const lines: string[] = []
 * const logger: ProxyLogger = { log: (record) => lines.push(JSON.stringify(record)) }
 */
export interface ProxyLogger {
  log(record: ProxyLogRecord): void;
}

/**
 * A logger writing each record as one JSON line (with its ISO time) to `write`, stdout by default.
 *
 * @example
 * const logger = createJsonLogger((line) => process.stderr.write(line))
 */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
): ProxyLogger {
  return {
    log: (record) => write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`),
  };
}
