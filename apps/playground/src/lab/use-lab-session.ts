import {
  type LoadReport,
  type OnDeviceClient,
  OnDeviceError,
  type RuntimeMemory,
  RuntimeError,
  createClient,
} from '@ondevice/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type LabChoice, modelOfChoice } from './lab-models.js';

/**
 * One model loaded in the lab: its own client (a backend or dtype is a client option or a
 * registration, so each choice gets a client, and the previous one is disposed with its worker),
 * what its load reported, and the engine's memory.
 *
 * @example
 * const { client, modelId, report } = session
 */
export interface LabSession {
  client: OnDeviceClient;
  choice: LabChoice;
  modelId: string;
  /** Set once the load finished; cleared by an unload. */
  report: LoadReport | undefined;
  error: OnDeviceError | undefined;
  /** Memory by runtime, read after each load, unload or refresh. */
  memory: Record<string, RuntimeMemory> | undefined;
  unloaded: boolean;
}

/**
 * The lab's session: `load` (a new client unless the choice is the current one), `unload`, and
 * `refreshMemory`. The client is disposed when the choice changes or the page unmounts.
 *
 * @example
 * const { session, load, unload } = useLabSession()
 * await load({ reference: 'use-lite', dtype: 'auto', backend: 'auto' })
 */
export function useLabSession() {
  const [session, setSession] = useState<LabSession | undefined>(undefined);
  /** A choice no client can be made for (a malformed reference); cleared by the next load. */
  const [choiceError, setChoiceError] = useState<OnDeviceError | undefined>(undefined);
  const current = useRef<LabSession | undefined>(undefined);
  const update = useCallback((client: OnDeviceClient, change: Partial<LabSession>) => {
    // Late answers of a disposed client change nothing.
    if (current.current?.client !== client) return;
    current.current = { ...current.current, ...change };
    setSession(current.current);
  }, []);

  useEffect(
    () => () => {
      current.current?.client.dispose();
      current.current = undefined;
    },
    [],
  );

  const readMemory = useCallback(
    async (client: OnDeviceClient) => {
      try {
        update(client, { memory: await client.memory() });
      } catch {
        // Memory is informative only; the load or task shows its own error.
      }
    },
    [update],
  );

  const load = useCallback(
    async (choice: LabChoice) => {
      let active = current.current;
      setChoiceError(undefined);
      if (!active || !sameChoice(active.choice, choice)) {
        let created: { client: OnDeviceClient; modelId: string };
        try {
          const { modelId, manifest } = modelOfChoice(choice);
          const client = createClient({
            backend: choice.backend,
            ...(manifest ? { models: [manifest] } : {}),
          });
          client.model(modelId); // throws UnknownModelError for a reference it cannot resolve
          created = { client, modelId };
        } catch (error) {
          setChoiceError(asOnDeviceError(error));
          return;
        }
        active?.client.dispose();
        const { client, modelId } = created;
        active = {
          client,
          choice,
          modelId,
          report: undefined,
          error: undefined,
          memory: undefined,
          unloaded: false,
        };
        current.current = active;
        setSession(active);
      }
      const { client, modelId } = active;
      update(client, { error: undefined, unloaded: false });
      try {
        const report = await client.model(modelId).load();
        update(client, { report });
      } catch (error) {
        update(client, { error: asOnDeviceError(error) });
      }
      await readMemory(client);
    },
    [readMemory, update],
  );

  const unload = useCallback(async () => {
    const active = current.current;
    if (!active) return;
    await active.client.unload(active.modelId);
    update(active.client, { report: undefined, unloaded: true });
    await readMemory(active.client);
  }, [readMemory, update]);

  const refreshMemory = useCallback(async () => {
    if (current.current) await readMemory(current.current.client);
  }, [readMemory]);

  return { session, choiceError, load, unload, refreshMemory };
}

function sameChoice(a: LabChoice, b: LabChoice): boolean {
  return a.reference === b.reference && a.dtype === b.dtype && a.backend === b.backend;
}

function asOnDeviceError(error: unknown): OnDeviceError {
  return OnDeviceError.isInstance(error)
    ? error
    : new RuntimeError({ message: String(error), cause: error });
}
