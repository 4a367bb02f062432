import { BackendUnavailableError } from '@ondevice/errors';
import type { BackendName, BackendPreference } from './backend-name.js';
import { backendNames } from './backend-name.js';

/**
 * What happened to one candidate during backend selection.
 *
 * @example
 * for (const { name, outcome, reason } of selection.candidates) console.log(name, outcome, reason)
 */
export interface BackendCandidate {
  name: BackendName;
  outcome: 'chosen' | 'measured' | 'rejected' | 'skipped';
  /** Sentences per second on the probe batch, when measured. */
  sentencesPerSecond?: number;
  /** Time of the timed probe run, when measured. */
  milliseconds?: number;
  /** Device the backend would run on (GPU renderer), when known. */
  device?: string;
  /** Why it was chosen, rejected or skipped, in words. */
  reason: string;
}

/**
 * The outcome of selection, shown by `client.diagnostics()`.
 *
 * @example
 * const { chosen, decidedBy } = client.diagnostics().backend.selection ?? {}
 */
export interface BackendSelection {
  requested: BackendPreference;
  chosen: BackendName;
  /**
   * `probe`: the first usable backend, taken without measuring so the first result is not
   * delayed; the engine measures the others once the model is idle and reports `measurement`.
   */
  decidedBy: 'explicit' | 'measurement' | 'remembered' | 'probe';
  candidates: BackendCandidate[];
  /** Total time spent probing and measuring. */
  milliseconds: number;
}

/** A choice measured earlier on this device for this model, stored by the client. */
export interface RememberedBackend {
  backend: BackendName;
  candidates: BackendCandidate[];
  measuredAt: string;
}

/** A candidate that passed its capability probe. */
export interface ViableCandidate {
  name: BackendName;
  device?: string;
}

/** What the engine supplies to selection: probing and a real timed run of the model. */
export interface SelectionHooks {
  /** Checks the capability; returns why the backend cannot be used, or the device it uses. */
  probe(
    name: BackendName,
  ): Promise<{ usable: true; device?: string } | { usable: false; reason: string }>;
  /** Runs the actual model on `name`: a warm-up, then a timed probe batch. */
  measure(name: BackendName): Promise<{ sentencesPerSecond: number; milliseconds: number }>;
}

/**
 * The `auto` policy: probe capabilities, then time a short run of the actual model on each
 * usable candidate within a time budget and pick the fastest. A remembered measurement for this
 * device and model is reused when that backend is still usable. Runtimes call it from `load`.
 *
 * @example
 * const selection = await selectBackend({ requested: 'auto', budgetMs: 1500, hooks: { probe, measure } })
 */
export async function selectBackend(options: {
  requested: BackendPreference;
  budgetMs: number;
  remembered?: RememberedBackend | undefined;
  hooks: SelectionHooks;
  /** The runtime's backends, in the order `auto` considers them. @default all, GPU first */
  backends?: readonly BackendName[];
  /**
   * Backends measured only when no other one could be (plain JavaScript on the CPU is never the
   * fastest where wasm runs, and timing it holds the thread for seconds). @default none
   */
  fallbacks?: readonly BackendName[];
  now?: () => number;
}): Promise<BackendSelection> {
  const { requested, budgetMs, remembered, hooks } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const order: readonly BackendName[] =
    requested === 'auto' ? (options.backends ?? backendNames) : [requested];
  const candidates: BackendCandidate[] = [];
  const viable: ViableCandidate[] = [];
  // A remembered choice is probed alone first: when it is still usable, the others (a GPU
  // context each) are not probed at all, which keeps them off a returning visit's first result.
  if (requested === 'auto' && remembered && order.includes(remembered.backend)) {
    const probe = await hooks.probe(remembered.backend);
    if (probe.usable) {
      for (const previous of remembered.candidates) {
        candidates.push({
          ...previous,
          reason:
            previous.name === remembered.backend
              ? `remembered: fastest when measured on this device at ${remembered.measuredAt}`
              : `remembered measurement from ${remembered.measuredAt}: ${previous.reason}`,
          outcome:
            previous.name === remembered.backend
              ? 'chosen'
              : previous.outcome === 'chosen'
                ? 'measured'
                : previous.outcome,
        });
      }
      if (!candidates.some((candidate) => candidate.name === remembered.backend)) {
        candidates.push({
          name: remembered.backend,
          ...(probe.device ? { device: probe.device } : {}),
          outcome: 'chosen',
          reason: `remembered: fastest when measured on this device at ${remembered.measuredAt}`,
        });
      }
      return {
        requested,
        chosen: remembered.backend,
        decidedBy: 'remembered',
        candidates: sortByOrder(candidates),
        milliseconds: now() - started,
      };
    }
  }
  for (const name of order) {
    const probe = await hooks.probe(name);
    if (probe.usable) viable.push({ name, ...(probe.device ? { device: probe.device } : {}) });
    else candidates.push({ name, outcome: 'rejected', reason: probe.reason });
  }
  const finish = (chosen: BackendName, decidedBy: BackendSelection['decidedBy']) => ({
    requested,
    chosen,
    decidedBy,
    candidates: sortByOrder(candidates),
    milliseconds: now() - started,
  });

  if (requested !== 'auto') {
    const only = viable[0];
    if (!only) {
      const reason = candidates[0]?.reason ?? 'unknown';
      throw new BackendUnavailableError({
        backend: requested,
        reason,
        message: `Backend "${requested}" cannot run here: ${reason}. Use backend: "auto" to pick one that can.`,
      });
    }
    candidates.push({ ...only, outcome: 'chosen', reason: 'requested explicitly' });
    return finish(only.name, 'explicit');
  }

  let best: BackendCandidate | undefined;
  for (const candidate of viable) {
    if (best && options.fallbacks?.includes(candidate.name)) {
      candidates.push({
        ...candidate,
        outcome: 'skipped',
        reason: `a fallback, measured only when no other backend runs (${best.name} does)`,
      });
      continue;
    }
    const elapsed = now() - started;
    if (best && elapsed > budgetMs) {
      candidates.push({
        ...candidate,
        outcome: 'skipped',
        reason: `time budget of ${budgetMs} ms spent (${Math.round(elapsed)} ms) before it could be measured`,
      });
      continue;
    }
    try {
      const figures = await hooks.measure(candidate.name);
      const measured: BackendCandidate = {
        ...candidate,
        ...figures,
        outcome: 'measured',
        reason: '',
      };
      candidates.push(measured);
      if (!best || (measured.sentencesPerSecond ?? 0) > (best.sentencesPerSecond ?? 0))
        best = measured;
    } catch (error) {
      candidates.push({
        ...candidate,
        outcome: 'rejected',
        reason: `failed while running the model: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  if (!best) {
    const reason = candidates
      .map((candidate) => `${candidate.name}: ${candidate.reason}`)
      .join('; ');
    throw new BackendUnavailableError({
      backend: 'auto',
      reason,
      message: `No backend can run the model here (${reason}).`,
    });
  }
  for (const candidate of candidates) {
    if (candidate.outcome !== 'measured') continue;
    if (candidate === best) {
      candidate.outcome = 'chosen';
      candidate.reason = `fastest measured: ${formatRate(candidate)}`;
    } else {
      candidate.reason = `slower: ${formatRate(candidate)} vs ${formatRate(best)} for ${best.name}`;
    }
  }
  return finish(best.name, 'measurement');
}

function formatRate(candidate: BackendCandidate): string {
  return `${(candidate.sentencesPerSecond ?? 0).toFixed(1)} sentences/s`;
}

function sortByOrder(candidates: BackendCandidate[]): BackendCandidate[] {
  return [...candidates].sort(
    (a, b) => backendNames.indexOf(a.name) - backendNames.indexOf(b.name),
  );
}
