/** Every response body and header the tests saw, to scan for keys. */
export interface Seen {
  texts: string[];
  fetch: typeof fetch;
}

/** A `fetch` that keeps a copy of every response's headers and body text (streams included). */
export function recordingFetch(): Seen {
  const texts: string[] = [];
  const pending: Promise<void>[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    texts.push(JSON.stringify([...response.headers]));
    pending.push(
      response
        .clone()
        .text()
        .then((text) => void texts.push(text))
        .catch(() => undefined),
    );
    return response;
  };
  return { texts, fetch: wrapped };
}

/** Fails when any of `secrets` occurs in any of `texts`. */
export function findSecrets(texts: readonly string[], secrets: readonly string[]): string[] {
  return secrets.filter((secret) => texts.some((text) => text.includes(secret)));
}
