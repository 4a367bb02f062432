import { useCallback, useEffect, useState } from 'react';
import { type ProxyStatus, checkProxy, explainUnavailable } from './proxy-connection.js';

/** Names of the model folders the playground's Vite config serves (see vite.config.ts). */
declare const __ONDEVICE_LAB_FOLDERS__: readonly string[];

/** The proxy's status, an unavailable one with its reason in words. */
async function proxyStatus(baseUrl: string, signal?: AbortSignal): Promise<ProxyStatus> {
  const found = await checkProxy(baseUrl, signal);
  if (found.state !== 'unavailable') return found;
  const reason = explainUnavailable({
    production: import.meta.env.PROD,
    modelServed: __ONDEVICE_LAB_FOLDERS__.includes('converted/llama2.c-stories260K'),
    detail: found.reason,
  });
  return { state: 'unavailable', reason };
}

/**
 * Whether the LLM proxy answers at `baseUrl`, checked on mount and by `check()` (the assistant
 * checks again before each draft it escalates: the proxy may have started since). An
 * unavailable proxy comes with the reason, in words.
 *
 * @example
 * const { status, check } = useProxyStatus(proxyBaseUrl(location.origin))
 */
export function useProxyStatus(baseUrl: string) {
  const [status, setStatus] = useState<ProxyStatus>({ state: 'checking' });
  useEffect(() => {
    const controller = new AbortController();
    void proxyStatus(baseUrl, controller.signal).then((next) => {
      if (!controller.signal.aborted) setStatus(next);
    });
    return () => controller.abort();
  }, [baseUrl]);
  const check = useCallback(async () => {
    const next = await proxyStatus(baseUrl);
    setStatus(next);
    return next;
  }, [baseUrl]);
  return { status, check };
}
