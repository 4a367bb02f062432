import type { ProxyStatus } from './proxy-connection.js';

/**
 * One line on the LLM proxy, in a polite live region: checking, running (and where), or
 * unavailable and why, with a button to check again.
 *
 * @example
 * <ProxyStatusLine status={{ state: 'available' }} onCheck={check} />
 */
export function ProxyStatusLine({ status, onCheck }: { status: ProxyStatus; onCheck(): void }) {
  return (
    <p className="assistant-proxy" data-testid="assistant-proxy" data-state={status.state}>
      <span role="status">
        {status.state === 'checking'
          ? 'LLM proxy: checking…'
          : status.state === 'available'
            ? 'LLM proxy: running at /v1 on this server (dev tenant, model “local”: stories260K).'
            : `LLM proxy: unavailable, because ${status.reason}. The device still answers what it can; drafts that need the larger model are not sent.`}
      </span>{' '}
      {status.state === 'unavailable' && (
        <button type="button" onClick={onCheck}>
          Check again
        </button>
      )}
    </p>
  );
}
