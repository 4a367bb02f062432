import type { FitReport, Recommender, SearchIndex } from '@ondevice/core';
import { useOnDeviceClient } from '@ondevice/react';
import { useEffect, useMemo, useState } from 'react';
import { type CatalogItem, catalogItems } from './catalog-items.js';
import { demoSessions } from './demo-sessions.js';

/** Where the catalogue's index and recommender persist (IndexedDB). */
export const catalogIndexId = 'playground-catalog';

/**
 * What the catalogue page is doing before it can answer: indexing the items (passages embedded
 * in the worker), then fitting the recommender on the demo sessions (in the worker).
 *
 * @example
 * const setup: CatalogSetup = { stage: 'fitting', done: 3, total: 10, report: null, error: null }
 */
export interface CatalogSetup {
  stage: 'indexing' | 'fitting' | 'ready' | 'error';
  done: number;
  total: number;
  report: FitReport | null;
  error: Error | null;
}

/**
 * The catalogue's search index and recommender, filled once: the index gets every item (kept in
 * IndexedDB, so a reload embeds nothing), the recommender the items and the synthetic demo
 * sessions, fitted in the worker.
 *
 * @example
 * const { index, recommender, setup } = useCatalog()
 */
export function useCatalog(): {
  index: SearchIndex<CatalogItem & Record<string, unknown>>;
  recommender: Recommender;
  setup: CatalogSetup;
} {
  const client = useOnDeviceClient();
  const index = useMemo(
    () =>
      client.searchIndex<CatalogItem & Record<string, unknown>>({
        id: catalogIndexId,
        fields: { title: 3, body: 1 },
        facets: ['kind', 'category', 'tags'],
      }),
    [client],
  );
  const recommender = useMemo(() => client.recommender({ id: catalogIndexId }), [client]);
  const [setup, setSetup] = useState<CatalogSetup>({
    stage: 'indexing',
    done: 0,
    total: catalogItems.length,
    report: null,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const run = async () => {
      await index.ready();
      if (index.size !== catalogItems.length) {
        await index.update(catalogItems as (CatalogItem & Record<string, unknown>)[], {
          signal,
          onProgress: ({ embedded, total }) =>
            setSetup((state) => ({ ...state, done: embedded, total })),
        });
      }
      await recommender.ready();
      let report = recommender.getSnapshot().lastFit;
      if (!report) {
        if (recommender.getSnapshot().items !== catalogItems.length) {
          await recommender.addItems(
            catalogItems.map((item) => ({
              id: item.id,
              title: item.title,
              text: item.body,
              tags: [item.category, ...item.tags],
            })),
            { signal },
          );
        }
        if (recommender.getSnapshot().interactions === 0) {
          await recommender.track(demoSessions());
        }
        setSetup((state) => ({ ...state, stage: 'fitting', done: 0, total: 1 }));
        report = await recommender.fit({
          signal,
          onProgress: ({ done, total }) => setSetup((state) => ({ ...state, done, total })),
        });
      }
      setSetup({ stage: 'ready', done: 1, total: 1, report, error: null });
    };
    run().catch((error: unknown) => {
      if (signal.aborted) return;
      setSetup((state) => ({ ...state, stage: 'error', error: error as Error }));
    });
    return () => controller.abort();
  }, [index, recommender]);
  return { index, recommender, setup };
}
