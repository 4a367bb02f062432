import type { RememberedBackend } from './select-backend.js';

const prefix = 'ondevice:backend:v1:';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function storage(): StorageLike | undefined {
  try {
    return (globalThis as { localStorage?: StorageLike }).localStorage;
  } catch {
    return undefined; // Access can throw in sandboxed iframes or with storage blocked.
  }
}

/** Identifies this device and browser well enough that a measurement stays valid for it. */
export function deviceKey(): string {
  const navigator = (
    globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }
  ).navigator;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return [
    navigator?.userAgent ?? 'unknown',
    navigator?.hardwareConcurrency ?? 0,
    isolated ? 'coi' : 'no-coi',
  ].join('|');
}

/**
 * Backend choices measured earlier on this device, per model, kept in localStorage on the
 * page (workers have no localStorage, so the page passes them to the engine).
 */
export function readRememberedBackends(
  modelIds: readonly string[],
): Record<string, RememberedBackend> {
  const store = storage();
  const remembered: Record<string, RememberedBackend> = {};
  if (!store) return remembered;
  for (const modelId of modelIds) {
    try {
      const raw = store.getItem(`${prefix}${modelId}`);
      if (!raw) continue;
      const parsed = JSON.parse(raw) as { deviceKey?: string; choice?: RememberedBackend };
      if (parsed.deviceKey === deviceKey() && parsed.choice) remembered[modelId] = parsed.choice;
    } catch {
      // A corrupt entry is ignored and overwritten by the next measurement.
    }
  }
  return remembered;
}

/** Stores a measured choice for this device and model. */
export function rememberBackend(modelId: string, choice: RememberedBackend): void {
  try {
    storage()?.setItem(`${prefix}${modelId}`, JSON.stringify({ deviceKey: deviceKey(), choice }));
  } catch {
    // Storage full or blocked: the choice is measured again next time.
  }
}
