/// <reference lib="webworker" />
// Entry of the Web Worker that holds the keyword (MiniSearch) indexes of a client's search
// indexes, so ranking thousands of keyword matches never blocks the page.
import { RuntimeError, serializeError } from '@ondevice/errors';
import { type KeywordDocument, ThreadKeywordIndex } from './keyword-index.js';
import type { KeywordRequest, KeywordResponse } from './keyword-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const indexes = new Map<number, ThreadKeywordIndex>();
/** Documents of a `replaceAll` sent in parts, built into a new index at `commit`. */
const staged = new Map<number, KeywordDocument[]>();

function indexOf(number: number): ThreadKeywordIndex {
  const index = indexes.get(number);
  if (!index)
    throw new RuntimeError({ message: `No keyword index ${number} is open in this worker.` });
  return index;
}

async function run(request: KeywordRequest): Promise<KeywordResponse> {
  switch (request.op) {
    case 'open':
      indexes.set(request.index, new ThreadKeywordIndex(request.fields));
      return { id: request.id, result: null };
    case 'replace':
      await indexOf(request.index).replace(request.removeKeys, request.documents);
      return { id: request.id, result: null };
    case 'stage': {
      const documents = staged.get(request.index) ?? [];
      for (const document of request.documents) documents.push(document);
      staged.set(request.index, documents);
      return { id: request.id, result: null };
    }
    case 'commit': {
      const documents = staged.get(request.index) ?? [];
      staged.delete(request.index);
      await indexOf(request.index).replaceAll(documents);
      return { id: request.id, result: null };
    }
    case 'clear':
      staged.delete(request.index);
      await indexOf(request.index).clear();
      return { id: request.id, result: null };
    case 'search':
      return { id: request.id, result: await indexOf(request.index).search(request.query) };
    case 'suggest':
      return { id: request.id, result: await indexOf(request.index).suggest(request.request) };
  }
}

scope.addEventListener('message', (event: MessageEvent<KeywordRequest>) => {
  const request = event.data;
  run(request).then(
    (response) => {
      const result = 'result' in response ? response.result : null;
      const transfer =
        result !== null && !Array.isArray(result)
          ? [result.scores.buffer, result.termStarts.buffer, result.termIds.buffer]
          : [];
      scope.postMessage(response, transfer);
    },
    (error: unknown) => {
      scope.postMessage({ id: request.id, error: serializeError(error) } satisfies KeywordResponse);
    },
  );
});
